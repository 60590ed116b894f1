from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("clienten/<id:client_id>/", views.overview, name="overview"),
    path("clienten/<id:client_id>/gegevens.json", views.export_json, name="export-json"),
    path("clienten/<id:client_id>/gegevens.pdf", views.export_pdf, name="export-pdf"),
]
