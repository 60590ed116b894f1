"""The contact log: conversation types 1-7, flow or stall, the suggested next conversation and the trend."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from slim.cases.models import Category, Contact, StallReason
from tests.factories import add_member, as_user, decide, give_consent

pytestmark = pytest.mark.django_db


def log(http, case, user, number, flowed, reason=""):
    return http.post(
        reverse("cases:contacts", args=[case.pk]),
        {
            "held_on": timezone.localdate().isoformat(), "user": user.pk, "conversation_type": number,
            "flowed": "ja" if flowed else "nee", "stall_reason": reason, "note": "kort",
        },
    )


def suggestion_on(http, case):
    page = http.get(reverse("cases:contacts", args=[case.pk])).content.decode()
    start = page.index('id="voorstel-titel"')
    return page[start:page.index("</section>", start)]


def test_page_lists_the_seven_conversation_types(client_as_professional, case):
    page = client_as_professional.get(reverse("cases:contacts", args=[case.pk])).content.decode()
    assert "1. Goede gespreksvoorwaarden en begrenzen" in page and "7. " in page


def test_stalled_contact_needs_a_reason(client_as_professional, case, professional):
    response = log(client_as_professional, case, professional, 5, flowed=False)
    assert "Kies waarom het gesprek haperde" in response.content.decode()
    assert not Contact.objects.exists()


def test_unknown_conversation_type_is_refused_not_a_500(client_as_professional, case, professional):
    response = log(client_as_professional, case, professional, 9, flowed=True)
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()


def test_flowed_contact_drops_a_stall_reason(client_as_professional, case, professional):
    log(client_as_professional, case, professional, 2, flowed=True, reason=StallReason.AGREEMENTS)
    contact = Contact.objects.get()
    assert contact.flowed and contact.stall_reason == ""
    assert case.events.get().kind == "contact"


def test_broken_agreements_suggest_going_back_to_1(client_as_professional, case, professional):
    case.strategy = "competenties"
    case.save()
    log(client_as_professional, case, professional, 5, flowed=False, reason=StallReason.AGREEMENTS)
    assert "Ga terug naar gesprek 1" in suggestion_on(client_as_professional, case)


def test_other_wish_suggests_going_back_to_2(client_as_professional, case, professional):
    log(client_as_professional, case, professional, 5, flowed=False, reason=StallReason.OTHER_WISH)
    assert "Ga terug naar gesprek 2" in suggestion_on(client_as_professional, case)


def test_flow_with_goal_and_strategy_suggests_the_follow_up(client_as_professional, case, professional):
    case.strategy = "kansen"
    case.save()
    log(client_as_professional, case, professional, 2, flowed=True)
    assert "3. Kansen creëren" in suggestion_on(client_as_professional, case)


def test_trend_per_conversation_type(client_as_professional, case, professional):
    for flowed in (True, True, False):
        log(client_as_professional, case, professional, 5, flowed, "" if flowed else StallReason.OTHER)
    log(client_as_professional, case, professional, 1, True)
    page = client_as_professional.get(reverse("cases:contacts", args=[case.pk])).content.decode()
    assert "Hoe gingen de laatste 4 gesprekken?" in page
    assert "<td>3</td><td>2</td><td>1</td>" in page  # type 5: three, two flowed, one stalled
    assert "67%" in page and "75%" in page
    assert '<meter min="0" max="1"' in page


def test_partner_with_contact_consent_logs_but_without_it_cannot(client, case, partner):
    add_member(case, partner)
    give_consent(case, "Schuldhulp Stad", Category.PLAN)
    as_user(client, partner)
    assert log(client, case, partner, 2, True).status_code == 404
    give_consent(case, "Schuldhulp Stad", Category.CONTACTS)
    assert log(client, case, partner, 2, True).status_code == 302
    assert Contact.objects.get().user == partner


def test_conversation_report_long_note_domains_own_name_and_next_type_per_domain(client, case, professional, other_professional):
    from tests.factories import add_member, give_consent

    add_member(case, other_professional)
    decide(case.client, professional, "werk", "kansen")
    client.force_login(professional)
    url = reverse("cases:contacts", args=[case.pk])
    note = ("Eerste alinea over de post.\n\n" + "Wat we bespraken. " * 250)[:4500]
    missing = client.post(url, {"held_on": timezone.localdate().isoformat(), "flowed": "ja", "note": note})
    assert "Kies het gesprekstype." in missing.content.decode()
    response = client.post(url, {
        "held_on": timezone.localdate().isoformat(), "conversation_type": 2, "flowed": "ja", "domains": ["werk", "wonen"],
        "note": note, "user": other_professional.pk,
        "next_appointment_on": (timezone.localdate() + datetime.timedelta(days=7)).isoformat(),
    })
    assert response.status_code == 302
    contact = case.contacts.get()
    assert (contact.user, contact.domains, contact.note) == (professional, ["werk", "wonen"], note.strip())
    assert len(contact.note) > 4000 and "\n\n" in contact.note
    case.refresh_from_db()
    assert case.next_appointment_with == professional
    page = client.get(url).content.decode()
    assert "Volgend gesprek per leefgebied" in page and "Werk</strong> (Kansen)" in page
    client.force_login(other_professional)  # a partner without consent for the self-image does not see it
    give_consent(case, other_professional.organisation, "contactlog")
    assert "Volgend gesprek per leefgebied" not in client.get(url).content.decode()
