from django.urls import path

from . import views

app_name = "insights"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("csv/<slug:table>/", views.table_csv, name="csv"),
    path("vernieuwen/", views.refresh, name="refresh"),
]
