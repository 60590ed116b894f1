"""Advice that measures itself (issue 19, parts 2-6): agreement, labelling studies, export, drift, publication."""

import datetime
import json

import pytest
from django.urls import reverse

from slim.accounts.models import Role
from slim.core import match_intake
from tests.conftest import make_user
from tests.factories import logged_in

STATEMENTS = [
    ("werk", "Ik wil zelf leren hoe ik een cv maak, niet dat Sandra het weer voor me doet."),
    ("inkomen_schulden", "Die brieven stapelen zich op, bel me op 06-12345678 want ik kom er niet meer uit."),
    ("wonen", "Ik heb al drie woningen bekeken en ik sta ingeschreven, het komt wel goed."),
    ("werk", "Ik wil voor mezelf beginnen met een klusbedrijf, ik heb al klanten in de buurt."),
]


@pytest.fixture
def people(db, knowledge):
    admin = make_user("beheer", role=Role.ADMIN, organisation="Gemeente")
    admin.is_staff = True
    admin.save()
    return {
        "anna": make_user("anna"),
        "carla": make_user("carla"),
        "bram": make_user("bram", organisation="Schuldhulp Stad"),
        "chantal": make_user("chantal", role=Role.TEAM_LEAD),
        "dirk": make_user("dirk", role=Role.POLICY, organisation="Gemeente"),
        "beheer": admin,
    }


browser_for = logged_in


def add_client(author, number, statement=None, consent=True, decide=True, override=False):
    from slim.cases.models import Client
    from slim.matching.models import Intake
    from tests.factories import decide as make_decision
    from slim.quality import operations

    domain, text = statement or STATEMENTS[number % len(STATEMENTS)]
    client = Client.objects.create(name=f"Mevrouw Geheim{number}", bsn="", created_by=author)
    payload = {"domains": [{"domain": domain, "answers": {}, "statements": [text]}]}
    result = match_intake(payload).to_dict()
    intake = Intake.objects.create(client=client, created_by=author, payload=payload, result=result)
    suggested = result["domains"][0]["logic"] or "sturing"
    if decide:
        chosen = "ondernemen" if override and suggested != "ondernemen" else ("kansen" if override else suggested)
        make_decision(
            client, author, domain, chosen, intake=intake, suggested_logic=suggested, confidence=0.7,
            reason="Wil het ZELF leren!" if override else "",
        )
    if consent:
        operations.record_consent(client, author, datetime.date.today())
    return client


# Part 2: agreement in the field

def test_agreement_page_access_and_suppression(people):
    for number in range(4):
        add_client(people["anna"], number, override=number == 0)
    url = reverse("quality:agreement")
    assert browser_for(people["anna"]).get(url).status_code == 403
    assert browser_for(people["bram"]).get(url).status_code == 403
    lead = browser_for(people["chantal"]).get(url).content.decode()
    assert 'id="acceptatie">75,0%' in lead
    assert "Wil het ZELF leren!" in lead  # the team leader reads the reasons as written
    assert "Nog geen zelfbeoordelingen." in lead
    policy = browser_for(people["dirk"]).get(url).content.decode()
    assert 'id="acceptatie">&lt;10' in policy  # four clients: suppressed for the policy maker
    assert 'id="kappa">&lt;10' in policy
    assert "Wil het ZELF leren!" not in policy
    admin = browser_for(people["beheer"]).get(url).content.decode()
    assert 'id="acceptatie">75,0%' in admin


def test_policy_sees_figures_and_only_normalised_reason_counts_from_ten_clients(people):
    for number in range(12):
        add_client(people["anna"], number, override=number < 10)
    policy = browser_for(people["dirk"]).get(reverse("quality:agreement")).content.decode()
    assert 'id="acceptatie">16,7%' in policy
    assert "wil het zelf leren" in policy and "Wil het ZELF leren!" not in policy


def test_team_leader_sees_only_own_team(people):
    add_client(people["anna"], 1)
    add_client(people["bram"], 2, override=True)
    lead = browser_for(people["chantal"]).get(reverse("quality:agreement")).content.decode()
    assert "Schuldhulp Stad" not in lead and 'id="acceptatie">100,0%' in lead
    admin = browser_for(people["beheer"]).get(reverse("quality:agreement")).content.decode()
    assert "Schuldhulp Stad" in admin


# Part 3: consent and blind labelling

def test_consent_is_recorded_by_someone_who_sees_the_client(people):
    from slim.quality.models import QualityEvent, ResearchConsent

    client = add_client(people["anna"], 1, consent=False)
    url = reverse("quality:consent", kwargs={"client_id": client.pk})
    listing = browser_for(people["anna"]).get(reverse("quality:consents")).content.decode()
    assert url in listing
    assert url not in browser_for(people["bram"]).get(reverse("quality:consents")).content.decode()
    assert browser_for(people["bram"]).get(url).status_code == 404
    assert browser_for(people["dirk"]).get(url).status_code == 403
    anna = browser_for(people["anna"])
    bad = anna.post(url, {"given_on": "2999-01-01"})
    assert bad.status_code == 400 and "toekomst" in bad.content.decode()
    assert anna.post(url, {"given_on": datetime.date.today().isoformat()}).status_code == 302
    assert ResearchConsent.objects.filter(client=client, withdrawn_on__isnull=True).count() == 1
    assert QualityEvent.objects.filter(kind="toestemming", client_id=client.pk).exists()
    anna.post(url, {"action": "withdraw"})
    assert not ResearchConsent.objects.filter(client=client, withdrawn_on__isnull=True).exists()


def make_study(people, size=10):
    lead = browser_for(people["chantal"])
    response = lead.post(reverse("quality:study-new"), {
        "title": "Proef", "size": size, "labellers": [people["anna"].pk, people["carla"].pk],
    })
    assert response.status_code == 302, response.content.decode()
    from slim.quality.models import Study

    return Study.objects.get(title="Proef"), lead


def test_study_samples_only_consented_masked_statements(people):
    add_client(people["anna"], 0)
    add_client(people["anna"], 1)
    add_client(people["anna"], 2, consent=False)
    study, _ = make_study(people)
    texts = list(study.items.values_list("text", flat=True))
    assert len(texts) == 2
    assert all("drie woningen" not in text for text in texts)  # no consent: never sampled
    assert all("Sandra" not in text and "06-12345678" not in text for text in texts)
    page = browser_for(people["anna"]).get(reverse("quality:study", kwargs={"study_id": study.pk})).content.decode()
    assert "Geheim" not in page  # no client name
    assert "[naam]" in page and "[telefoon]" in page


def test_no_study_without_consent_or_two_labellers(people):
    add_client(people["anna"], 0, consent=False)
    lead = browser_for(people["chantal"])
    response = lead.post(reverse("quality:study-new"), {"title": "Leeg", "size": 5, "labellers": [people["anna"].pk, people["carla"].pk]})
    assert response.status_code == 400 and "toestemming" in response.content.decode()
    response = lead.post(reverse("quality:study-new"), {"title": "Eén", "size": 5, "labellers": [people["anna"].pk]})
    assert response.status_code == 400


def test_labelling_is_blind_until_the_study_closes(people):
    for number in range(4):
        add_client(people["anna"], number)
    study, lead = make_study(people)
    url = reverse("quality:study", kwargs={"study_id": study.pk})
    label_url = reverse("quality:study-label", kwargs={"study_id": study.pk})
    anna, carla = browser_for(people["anna"]), browser_for(people["carla"])
    items = list(study.items.order_by("number"))
    for item in items:
        anna.post(label_url, {"number": item.number, "logic": "sturing"})
        carla.post(label_url, {"number": item.number, "logic": "sturing" if item.number != 1 else "kansen"})
    page = carla.get(url).content.decode()
    assert "Labelaar" not in page and "Verslag" not in page
    assert 'value="kansen" checked' in page  # her own label only
    assert page.count("checked") == len(items)
    assert browser_for(people["bram"]).get(url).status_code == 404
    assert browser_for(people["dirk"]).get(url).status_code == 403
    assert anna.post(reverse("quality:study-close", kwargs={"study_id": study.pk})).status_code == 403
    lead.post(reverse("quality:study-close", kwargs={"study_id": study.pk}))
    closed = carla.get(url).content.decode()
    assert "Verslag" in closed and 'id="fleiss"' in closed and "Labelaar 2" in closed
    carla.post(label_url, {"number": 1, "logic": "ondernemen"})
    from slim.quality.models import Label

    assert Label.objects.get(item=items[0], labeller=people["carla"]).logic == "kansen"  # closed: not changed


def test_withdrawn_consent_leaves_open_study(people):
    from slim.quality import operations

    client = add_client(people["anna"], 0)
    add_client(people["anna"], 1)
    study, _ = make_study(people)
    operations.withdraw_consent(client, people["anna"])
    assert study.items.count() == 1


# Part 4: export round trip

def test_export_round_trips_into_evaluate(people, tmp_path, capsys):
    from django.core.management import call_command

    from slim.cli import main
    from slim.core.evaluate import measure

    for number in range(4):
        add_client(people["anna"], number)
    study, lead = make_study(people)
    label_url = reverse("quality:study-label", kwargs={"study_id": study.pk})
    anna, carla = browser_for(people["anna"]), browser_for(people["carla"])
    expected = {}
    for item in study.items.order_by("number"):
        anna.post(label_url, {"number": item.number, "logic": "competenties"})
        carla_logic = "competenties" if item.number % 2 else "kansen"  # even numbers: a tie, not exported
        carla.post(label_url, {"number": item.number, "logic": carla_logic})
        if item.number % 2:
            expected[item.text] = "competenties"
    lead.post(reverse("quality:study-close", kwargs={"study_id": study.pk}))
    target = tmp_path / "field.json"
    call_command("export_labels", str(target), "--set-version", "v-test")
    items = json.loads(target.read_text())
    assert {item["text"]: item["logic"] for item in items} == expected
    assert all(item["style"] == "field" and item["version"] == "v-test" for item in items)
    measured = measure("field", str(target))
    assert measured.report.n == len(expected)
    assert sum(measured.report.confusion["competenties"].values()) == len(expected)
    capsys.readouterr()
    assert main(["evaluate", "--split", "field", "--file", str(target)]) in (0, None)
    assert f"n = {len(expected)}" in capsys.readouterr().out
    words = tmp_path / "words-field.json"
    assert main(["train-words", "--with-field", str(target), "--out", str(words)]) == 0
    written = json.loads(words.read_text())
    assert "field (2 statements)" in written["splits"]
    assert "realholdout2" in capsys.readouterr().out


def test_evaluate_field_with_a_missing_file_is_a_clear_error(capsys):
    from slim.cli import main

    assert main(["evaluate", "--split", "field", "--file", "/nonexistent/field.json"]) == 2
    assert "Kan de veldset" in capsys.readouterr().err


# Part 5: drift

def test_drift_page_and_csv(people):
    for number in range(3):
        add_client(people["anna"], number)
    lead = browser_for(people["chantal"])
    assert "Drift per kwartaal" in lead.get(reverse("quality:drift")).content.decode()
    csv_text = lead.get(reverse("quality:drift-csv")).content.decode("utf-8-sig")  # Dutch Excel: BOM, ';', decimal comma
    assert csv_text.splitlines()[0].startswith("kwartaal;besluiten")
    assert csv_text.splitlines()[0].endswith("zekerheid min gevolgd (procentpunt)")
    # all followed, mean certainty 70%: 30 points under; the same rounded figures as the page
    assert csv_text.splitlines()[1].endswith(";100,0;70,0;-30,0")
    policy_csv = browser_for(people["dirk"]).get(reverse("quality:drift-csv")).content.decode()
    assert "<10" in policy_csv.splitlines()[1]


# Part 6: publication

def test_register_entry_contains_the_current_figures(people):
    from slim.core.evaluate import measure

    for number in range(12):
        add_client(people["anna"], number, override=number < 3)
    browser = browser_for(people["dirk"])
    page = browser.get(reverse("quality:publish")).content.decode()
    held = measure("realholdout2")
    assert f"| realholdout2 | {held.report.n} | {100 * held.report.accuracy:.1f}%".replace(".", ",") in page
    assert "75,0%" in page  # field acceptance over 12 clients
    download = browser.get(reverse("quality:publish-markdown", kwargs={"document": "algoritmeregister"}))
    assert download["Content-Type"].startswith("text/markdown")
    assert "realholdout2" in download.content.decode() and "75,0%" in download.content.decode()
    iama = browser.get(reverse("quality:publish-markdown", kwargs={"document": "iama"})).content.decode()
    assert "Bezwaar" in iama and "nog geen zelfbeoordelingen" in iama
    assert browser.get("/kwaliteit/publicatie/onbekend.md").status_code == 404
    assert browser_for(people["anna"]).get(reverse("quality:publish")).status_code == 403


def test_demo_shows_a_study(people):
    from slim.quality.demo import demo
    from slim.quality.models import Study

    assert demo() is True and demo() is False
    assert Study.objects.filter(closed_at__isnull=False).count() == 1
    closed = Study.objects.get(closed_at__isnull=False)
    page = browser_for(people["anna"]).get(reverse("quality:study", kwargs={"study_id": closed.pk})).content.decode()
    assert 'id="fleiss"' in page
