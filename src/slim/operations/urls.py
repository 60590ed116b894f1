from django.urls import path

from . import views

urlpatterns = [
    path("gezond/", views.live, name="health"),
    path("gezond/database/", views.ready, name="health-database"),
]
