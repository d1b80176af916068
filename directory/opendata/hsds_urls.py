"""The addresses of the HSDS API, under ``/api/hsds/``."""

from django.urls import path, re_path

from . import hsds_api as views

app_name = "hsds"
urlpatterns = [
    path("", views.root, name="root"),
    path("openapi.json", views.openapi, name="openapi"),
    path("schema/<path:name>", views.schema_file, name="schema"),
    path("services", views.hsds_service_list, name="services"),
    path("services/<str:id>", views.hsds_service_detail, name="service"),
    path("organizations", views.organization_list, name="organizations"),
    path("organizations/<str:id>", views.organization_detail, name="organization"),
    path("taxonomies", views.taxonomy_list, name="taxonomies"),
    path("taxonomies/<str:id>", views.taxonomy_detail, name="taxonomy"),
    path("taxonomy_terms", views.taxonomy_term_list, name="taxonomy-terms"),
    path("taxonomy_terms/<str:id>", views.taxonomy_term_detail, name="taxonomy-term"),
    re_path(r"^(?P<rest>.*)$", views.hsds_not_found),
]
