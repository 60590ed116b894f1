from django.urls import path

from . import views

app_name = "matching"

urlpatterns = [
    path("", views.client_list, name="intake"),
    path("uitspraak/", views.statement, name="statement"),
    path("clienten/<id:client_id>/", views.client_detail, name="client"),
    path("clienten/<id:client_id>/intake/", views.intake_new, name="intake-new"),
    path("intakes/<id:intake_id>/", views.intake_result, name="result"),
    path("intakes/<id:intake_id>/besluit/", views.decide, name="decide"),
]
