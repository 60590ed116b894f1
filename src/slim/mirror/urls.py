from django.urls import path

from .views import focus, rounds, teams

app_name = "mirror"

urlpatterns = [
    path("", teams.index, name="index"),
    path("teams/<id:team_id>/", teams.team_detail, name="team"),
    path("teams/<id:team_id>/rondes/", teams.open_round, name="round-open"),
    path("teams/<id:team_id>/focus/<slug:element>/", focus.detail, name="focus"),
    path("rondes/<id:round_id>/", rounds.results, name="round"),
    path("rondes/<id:round_id>/invullen/", rounds.score, name="score"),
    path("rondes/<id:round_id>/sluiten/", rounds.close, name="round-close"),
    path("rondes/<id:round_id>/heropenen/", rounds.reopen, name="round-reopen"),
    path("rondes/<id:round_id>/focus/", focus.choose, name="focus-choose"),
    path("rondes/<id:round_id>/focus/<slug:element>/weghalen/", focus.unchoose, name="focus-unchoose"),
    path("acties/<id:action_id>/status/", focus.action_status, name="action-status"),
]
