from django.urls import path

from . import views

# Included into the directory's URLs, whose namespace they share.
urlpatterns = [
    path("verify/<str:token>/", views.VerificationView.as_view(), name="verify"),
    path(
        "verify/<str:token>/fresh-link/",
        views.FreshLinkView.as_view(),
        name="verify-fresh-link",
    ),
]
