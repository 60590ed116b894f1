from django.urls import path

from . import views

app_name = "interventions"

urlpatterns = [
    path("", views.search_page, name="search"),
    path("vergelijk/", views.compare, name="compare"),
    path("<slug:slug>/", views.detail, name="detail"),
]
