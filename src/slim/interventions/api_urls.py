"""API routes, included by the project under api/v1/."""

from django.urls import path

from . import api

urlpatterns = [
    path("interventions", api.InterventionSearchView.as_view(), name="api-interventions"),
    path("interventions/<slug:slug>", api.InterventionDetailView.as_view(), name="api-intervention"),
]
