import datetime
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from slim.cases import pdf
from slim.cases.models import Case, CaseMember, CaseRole, Client, Contact, Event, EventKind
from slim.matching.models import Decision, Intake
from slim.privacy.erase import due_for_retention
from slim.privacy.export import client_data, client_document
from slim.privacy.models import Anonymisation
from tests.factories import decide
from tests.helpers import assert_tagged_pdf, pdf_structure

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(professional):
    person = Client.objects.create(name="Mevrouw K.", bsn="111222333", created_by=professional)
    case = Case.objects.create(client=person, shared_goal="Schulden op een rij", client_words="Ik zie het niet meer zitten", created_by=professional)
    CaseMember.objects.create(case=case, user=professional, role=CaseRole.DIRECTOR, added_by=professional)
    Contact.objects.create(case=case, held_on=datetime.date.today(), user=professional, conversation_type=2, flowed=False,
                           stall_reason="andere_wens", note="Wil eerst verhuizen", recorded_by=professional)
    Intake.objects.create(client=person, created_by=professional, payload={"domains": [{"domain": "werk", "statements": ["Ik kan het niet"]}]}, result={"domains": []})
    decide(person, professional, "werk", "sturing", suggested_logic="sturing", reason="Cliënt zegt: te veel")
    return case


def test_director_exports_everything_as_json(client_as_professional, case):
    client_as_professional.get(reverse("matching:client", args=[case.client.pk]))
    response = client_as_professional.get(reverse("privacy:export-json", args=[case.client.pk]))
    data = json.loads(response.content)
    assert data["client"]["bsn"] == "111222333"
    assert data["cases"][0]["contacts"][0]["note"] == "Wil eerst verhuizen"
    assert data["intakes"][0]["input"]["domains"][0]["statements"] == ["Ik kan het niet"]
    assert data["decisions"][0]["chosen"] == "sturing"
    assert any(entry["page"].startswith("/matching/clienten/") for entry in data["access_log"])


def test_director_exports_a_readable_pdf(client_as_professional, case):
    response = client_as_professional.get(reverse("privacy:export-pdf", args=[case.client.pk]))
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    _catalog, tags = pdf_structure(response.content)
    assert tags[:2] == ["H1", "P"] and "H2" in tags and "LI" in tags
    # The data grows with every look at it (the access log), so the order is checked on one snapshot.
    document = client_document(client_data(case.client))
    assert_tagged_pdf(pdf.render(document), document)


def test_other_member_cannot_export(client, case, other_professional):
    CaseMember.objects.create(case=case, user=other_professional, role=CaseRole.MEMBER, added_by=case.created_by)
    client.force_login(other_professional)
    assert client.get(reverse("privacy:export-json", args=[case.client.pk])).status_code == 404


def test_anonymise_removes_what_identifies_and_keeps_counts(client_as_professional, case):
    url = reverse("privacy:overview", args=[case.client.pk])
    refused = client_as_professional.post(url, {"reason": "Verzoek"})
    assert "field-error" in refused.content.decode()
    client_as_professional.post(url, {"reason": "Verzoek van de cliënt", "confirm": "on"})
    person = Client.objects.get(pk=case.client.pk)
    assert person.name == f"Geanonimiseerd {person.pk}" and person.bsn == ""
    assert Case.objects.get(pk=case.pk).client_words == ""
    assert Contact.objects.get(case=case).note == "" and Contact.objects.get(case=case).flowed is False
    assert not Intake.objects.filter(client=person).exists()
    assert Decision.objects.get(client=person).chosen_logic == "sturing"
    assert Anonymisation.objects.get(client_id=person.pk).reason == "Verzoek van de cliënt"


def test_retention_anonymises_only_long_closed_cases(case, settings):
    settings.SLIM_RETENTION_YEARS = 7
    Case.objects.filter(pk=case.pk).update(status=Case.Status.CLOSED, outcome="doel_bereikt")
    closed = Event.objects.create(case=case, kind=EventKind.CLOSED, actor=case.created_by, detail="klaar")
    assert not due_for_retention().exists()
    Event.objects.filter(pk=closed.pk).update(at=timezone.now() - datetime.timedelta(days=365 * 8))
    assert list(due_for_retention()) == [case.client]
    call_command("apply_retention")
    assert Anonymisation.objects.filter(client_id=case.client.pk).exists()
    assert not due_for_retention().exists()
