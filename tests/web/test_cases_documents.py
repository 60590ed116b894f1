"""The casusverhaal and the B1 plan for the client: print page and PDF."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from slim.cases import documents, pdf
from slim.cases.documents import Document, Section
from slim.cases.models import Action, Case, CaseRole, DomainGoal, MemberApproach
from slim.cases.operations import add_action
from tests.factories import add_member, set_approach
from tests.helpers import assert_tagged_pdf, pdf_text_codes

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_case(case, professional, partner):
    add_member(case, partner, role=CaseRole.PROCESS)
    case.client_words = "Ik wil zelf weer overzicht, ik ben geen kind."
    case.strategy = "competenties"
    case.save()
    DomainGoal.objects.create(case=case, domain="inkomen_schulden", text="Zelf de post bijhouden")
    set_approach(case, partner, "inkomen_schulden", "competenties")
    Action.objects.create(
        case=case, description="Samen een budgetplan maken", owner=partner,
        due_on=timezone.localdate() + datetime.timedelta(days=14), created_by=professional,
    )
    return case


def test_b1_plan_page(client_as_professional, full_case):
    page = client_as_professional.get(reverse("cases:client-plan", args=[full_case.pk])).content.decode()
    for text in ("Jouw plan", "Wat wil je bereiken?", "Weer rust in de financiën", "Wat doen anderen? En wanneer?",
                 "Samen een budgetplan maken. Klaar op", "Dit is je vaste contactpersoon", "Wie helpt mij?",
                 "Wat doe ik zelf?"):
        assert text in page, text
    assert " u " not in page.split('id="document-titel"')[1]  # 'je' throughout, never 'u'
    assert "slim/print.css" in page


def test_b1_plan_has_own_actions_contact_details_and_appointment(client_as_professional, full_case, professional):
    professional.contact_phone, professional.contact_email = "06 1234 5678", "sanne@wijkteam.example"
    professional.save()
    due = timezone.localdate() + datetime.timedelta(days=7)
    add_action(full_case, professional, full_case.version, "Zelf de brieven openmaken", None, due, owner_kind="client")
    full_case.refresh_from_db()
    add_action(full_case, professional, full_case.version, "Boodschappen doen", None, due, owner_kind="netwerk",
               owner_name="zus Anja")
    Case.objects.filter(pk=full_case.pk).update(next_appointment_on=due)
    page = client_as_professional.get(reverse("cases:client-plan", args=[full_case.pk])).content.decode()
    own = page.split("Wat doe ik zelf?")[1].split("Wat doen anderen?")[0]
    assert "Zelf de brieven openmaken. Klaar op" in own and "Samen met zus Anja" in own
    assert "bel 06 1234 5678, mail sanne@wijkteam.example" in page.split("Wie helpt mij?")[1]
    assert "Wanneer is de volgende afspraak?" in page
    assert "Wie helpen je?" not in page


def test_case_story_for_partners(client_as_professional, full_case):
    page = client_as_professional.get(reverse("cases:story", args=[full_case.pk])).content.decode()
    for text in ("Ik wil zelf weer overzicht", "Overkoepelende strategie", "Competenties:",
                 "Gevraagd van bram (Schuldhulp Stad), procesregisseur", "Werkt bij Inkomen en schulden vanuit Competenties",
                 "Samen een budgetplan maken (klaar op"):
        assert text in page, text


@pytest.mark.parametrize("name", ["client-plan-pdf", "story-pdf"])
def test_pdf_downloads(client_as_professional, full_case, name):
    response = client_as_professional.get(reverse(f"cases:{name}", args=[full_case.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.content.startswith(b"%PDF-")
    assert ord("ë") in pdf_text_codes(response.content)  # financiën
    build = documents.client_plan if name == "client-plan-pdf" else documents.case_story
    assert_tagged_pdf(response.content, build(full_case))


def test_the_pdf_structure_check_notices_a_missing_heading():
    document = Document("Titel", ["Inleiding"], [Section("Kop", items=["een", "twee"])], "x.pdf")
    content = pdf.render(document)
    assert_tagged_pdf(content, document)
    with pytest.raises(AssertionError):
        assert_tagged_pdf(content, Document("Titel", ["Inleiding"], [Section("Kop"), Section("Nog een kop", items=["een", "twee"])], "x.pdf"))


def test_pdf_keeps_dutch_characters_and_the_euro_sign():
    document = Document("Één plan", ["Café: € 25 per week"], [Section("Wat is er?", items=["Cliënt wil rust"])], "x.pdf")
    codes = pdf_text_codes(pdf.render(document))
    assert {ord(c) for c in "ÉéëÉ€•"} <= codes


def test_missing_font_gives_a_message_not_a_500(client_as_professional, case, monkeypatch, tmp_path):
    monkeypatch.setattr(pdf, "FONT_DIR", tmp_path)
    response = client_as_professional.get(reverse("cases:client-plan-pdf", args=[case.pk]), follow=True)
    assert response.status_code == 200
    assert "het lettertype ontbreekt" in response.content.decode()
