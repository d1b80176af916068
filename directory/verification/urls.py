from django.urls import path

from . import views

# Included into the directory's URLs, whose namespace they share.
urlpatterns = [
    path("verify/<str:token>/", views.VerificationView.as_view(), name="verify"),
    path(
        "verify/<str:token>/confirmed/",
        views.ConfirmedView.as_view(),
        name="verify-done",
    ),
    path(
        "verify/<str:token>/fresh-link/",
        views.FreshLinkView.as_view(),
        name="verify-fresh-link",
    ),
]
