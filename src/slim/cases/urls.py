from django.urls import path

from .views import case, contacts, documents, plan, team

app_name = "cases"

urlpatterns = [
    path("", case.case_list, name="list"),
    path("nieuw/", case.case_new, name="new"),
    path("<int:case_id>/", team.detail, name="detail"),
    path("<int:case_id>/team/", team.member_add, name="member-add"),
    path("<int:case_id>/team/rol/", team.member_role, name="member-role"),
    path("<int:case_id>/toestemming/", team.consent_add, name="consent-add"),
    path("<int:case_id>/toestemming/<int:consent_id>/intrekken/", team.consent_withdraw, name="consent-withdraw"),
    path("<int:case_id>/status/", team.status, name="status"),
    path("<int:case_id>/tijdlijn/", case.timeline, name="timeline"),
    path("<int:case_id>/plan/", plan.plan, name="plan"),
    path("<int:case_id>/plan/doel/", plan.goal, name="plan-goal"),
    path("<int:case_id>/plan/leefgebieden/", plan.domain_goals, name="plan-domains"),
    path("<int:case_id>/plan/aanpak/", plan.approach, name="plan-approach"),
    path("<int:case_id>/plan/acties/", plan.action_add, name="plan-action"),
    path("<int:case_id>/plan/acties/<int:action_id>/klaar/", plan.action_done, name="plan-action-done"),
    path("<int:case_id>/contacten/", contacts.contacts, name="contacts"),
    path("<int:case_id>/casusverhaal/", documents.story, name="story"),
    path("<int:case_id>/casusverhaal.pdf", documents.story_pdf, name="story-pdf"),
    path("<int:case_id>/mijn-plan/", documents.client_plan, name="client-plan"),
    path("<int:case_id>/mijn-plan.pdf", documents.client_plan_pdf, name="client-plan-pdf"),
]
