from django.urls import path

from . import views

app_name = "quality"
urlpatterns = [
    path("overeenstemming/", views.agreement, name="agreement"),
    path("drift/", views.drift, name="drift"),
    path("drift.csv", views.drift_csv, name="drift-csv"),
    path("publicatie/", views.publish, name="publish"),
    path("publicatie/<slug:document>.md", views.publish_markdown, name="publish-markdown"),
    path("onderzoek/", views.studies, name="studies"),
    path("onderzoek/nieuw/", views.study_new, name="study-new"),
    path("onderzoek/<id:study_id>/", views.study, name="study"),
    path("onderzoek/<id:study_id>/label/", views.study_label, name="study-label"),
    path("onderzoek/<id:study_id>/sluiten/", views.study_close, name="study-close"),
    path("toestemming/", views.consents, name="consents"),
    path("toestemming/<id:client_id>/", views.consent, name="consent"),
]
