from django.urls import include, path

from . import pocket, views
from .opendata import downloads
from .opendata import views as opendata

app_name = "directory"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("services/", views.ServiceListView.as_view(), name="service-list"),
    path(
        "services/<int:pk>/", views.ServiceDetailView.as_view(), name="service-detail"
    ),
    path(
        "services/<int:pk>/contact.vcf",
        views.ServiceVCardView.as_view(),
        name="service-vcard",
    ),
    path(
        "services/<int:pk>/report/",
        views.ServiceReportView.as_view(),
        name="service-report",
    ),
    path(
        "services/<int:pk>/report/sent/",
        views.ServiceReportSentView.as_view(),
        name="service-report-sent",
    ),
    path("helplines/", views.HelpLineListView.as_view(), name="helpline-list"),
    path("divisions/", views.DivisionListView.as_view(), name="division-list"),
    path(
        "divisions/<int:pk>/",
        views.DivisionDetailView.as_view(),
        name="division-detail",
    ),
    path(
        "divisions/<int:pk>/contact.vcf",
        views.DivisionVCardView.as_view(),
        name="division-vcard",
    ),
    path(
        "divisions/<int:pk>/sheet/",
        views.DivisionSheetView.as_view(),
        name="division-sheet",
    ),
    path("standards/<int:pk>/", views.SectorDetailView.as_view(), name="sector-detail"),
    path("areas/<int:pk>/", views.AreaDetailView.as_view(), name="area-detail"),
    path("areas/<int:pk>/sheet/", views.AreaSheetView.as_view(), name="area-sheet"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("offline/", pocket.OfflineView.as_view(), name="offline"),
    path("my-numbers/", pocket.MyNumbersView.as_view(), name="my-numbers"),
    path("manifest.webmanifest", pocket.ManifestView.as_view(), name="manifest"),
    path("", include("directory.verification.urls")),
    path("api/", opendata.ApiPageView.as_view(), name="api"),
    path("api/hsds-profile/", opendata.HsdsProfileView.as_view(), name="hsds-profile"),
    path("data/services.csv", downloads.ServicesCsvView.as_view(), name="data-csv"),
    path("data/services.xlsx", downloads.ServicesXlsxView.as_view(), name="data-xlsx"),
    path("data/hsds.zip", downloads.HsdsPackageView.as_view(), name="data-hsds"),
    path(
        "data/directory.json", downloads.DirectoryJsonView.as_view(), name="data-json"
    ),
]
