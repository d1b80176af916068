from django.urls import path

from . import views

app_name = "standards"
urlpatterns = [
    path("standards/<int:pk>/", views.SectorDetailView.as_view(), name="sector-detail"),
    path("areas/<int:pk>/", views.AreaDetailView.as_view(), name="area-detail"),
]
