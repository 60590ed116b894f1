from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.enter, name="enter"),
    path("pincode/", views.pin, name="pin"),
    path("plan/", views.plan, name="plan"),
    path("plan/actie/<id:action_id>/", views.action, name="action"),
    path("zelf/", views.self_assessment, name="self"),
    path("klopt-dit/", views.check, name="check"),
    path("uit/", views.leave, name="leave"),
    path("team/<id:case_id>/toegang/", views.code, name="code"),
    path("team/<id:case_id>/naast-elkaar/", views.side_by_side, name="side-by-side"),
]
