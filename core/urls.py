from django.urls import path
from django.utils.translation import gettext_lazy as _

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
            views.PolicyView.as_view(template_name=f"core/{name}.html", title=title),
            name=name,
        )
        for name, title in [
            ("privacy", _("Privacy policy")),
            ("copyright", _("Copyright policy")),
            ("accessibility", _("Web accessibility")),
        ]
    ),
]
