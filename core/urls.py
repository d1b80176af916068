from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path(
        "settings/display/",
        views.DisplaySettingsView.as_view(),
        name="display-settings",
    ),
]
