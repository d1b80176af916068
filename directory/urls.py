from django.urls import path

from . import views

app_name = "directory"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("services/", views.ServiceListView.as_view(), name="service-list"),
    path(
        "services/<int:pk>/", views.ServiceDetailView.as_view(), name="service-detail"
    ),
    path(
        "services/<int:pk>/report/",
        views.ServiceReportView.as_view(),
        name="service-report",
    ),
    path("divisions/", views.DivisionListView.as_view(), name="division-list"),
    path(
        "divisions/<int:pk>/",
        views.DivisionDetailView.as_view(),
        name="division-detail",
    ),
    path("search/", views.SearchView.as_view(), name="search"),
]
