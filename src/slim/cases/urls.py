from django.urls import path

from .views import advice, case, contacts, documents, plan, team

app_name = "cases"

urlpatterns = [
    path("", case.case_list, name="list"),
    path("nieuw/", case.case_new, name="new"),
    path("<id:case_id>/", team.detail, name="detail"),
    path("<id:case_id>/team/", team.member_add, name="member-add"),
    path("<id:case_id>/team/rol/", team.member_role, name="member-role"),
    path("<id:case_id>/toestemming/", team.consent_add, name="consent-add"),
    path("<id:case_id>/toestemming/<id:consent_id>/intrekken/", team.consent_withdraw, name="consent-withdraw"),
    path("<id:case_id>/status/", team.status, name="status"),
    path("<id:case_id>/tijdlijn/", case.timeline, name="timeline"),
    path("<id:case_id>/advies/", advice.advice, name="advice"),
    path("client/<id:client_id>/advies/", advice.client_advice, name="client-advice"),
    path("<id:case_id>/plan/", plan.plan, name="plan"),
    path("<id:case_id>/plan/doel/", plan.goal, name="plan-goal"),
    path("<id:case_id>/plan/leefgebieden/", plan.domain_goals, name="plan-domains"),
    path("<id:case_id>/plan/aanpak/", plan.approach, name="plan-approach"),
    path("<id:case_id>/plan/acties/", plan.action_add, name="plan-action"),
    path("<id:case_id>/plan/acties/<id:action_id>/klaar/", plan.action_done, name="plan-action-done"),
    path("<id:case_id>/contacten/", contacts.contacts, name="contacts"),
    path("<id:case_id>/casusverhaal/", documents.story, name="story"),
    path("<id:case_id>/casusverhaal.pdf", documents.story_pdf, name="story-pdf"),
    path("<id:case_id>/mijn-plan/", documents.client_plan, name="client-plan"),
    path("<id:case_id>/mijn-plan.pdf", documents.client_plan_pdf, name="client-plan-pdf"),
]
