from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path(
        "settings/display/",
        views.DisplaySettingsView.as_view(),
        name="display-settings",
    ),
    *(
        path(
            f"{name}/",
            views.PolicyView.as_view(template_name=f"core/{name}.html"),
            name=name,
        )
        for name in ["privacy", "copyright", "accessibility"]
    ),
]
