from django.urls import path

from . import views
from .interventions_import import interventions_import

urlpatterns = [
    path("gezond/", views.live, name="health"),
    path("gezond/database/", views.ready, name="health-database"),
    path("beheer/interventies-importeren/", interventions_import, name="interventions-import"),
]
