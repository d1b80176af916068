from django.urls import path

from . import views

app_name = "api"
urlpatterns = [
    path("v1/search", views.SearchApiView.as_view(), name="search"),
]
