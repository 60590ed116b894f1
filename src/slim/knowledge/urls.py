from django.urls import path

from . import views

app_name = "knowledge"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.kind_list, name="kind"),
    path("<slug:slug>/<slug:code>/", views.item_detail, name="item"),
]
