from django.urls import path

from slim.matching import api as matching_api

urlpatterns = [
    path("classify", matching_api.ClassifyView.as_view(), name="api-classify"),
    path("match", matching_api.MatchView.as_view(), name="api-match"),
]
