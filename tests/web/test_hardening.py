"""Issue 13: the holes an outside probe found, each with the request that found it.

Runs on SQLite and PostgreSQL alike. Authorization per URL and role, and
`Cache-Control: no-store` on every page, are in test_authorization_matrix.py.
"""

import csv
import io
import json

import pytest
from django.test import Client as Browser
from django.urls import URLPattern, URLResolver, get_resolver

from slim.accounts.models import Role
from slim.audit.models import AuditEvent
from slim.cases.models import Case, CaseMember, CaseRole, Client
from tests.conftest import make_user
from tests.factories import logged_in

HUGE = "99999999999999999999999"


login = logged_in


def patterns(resolver=None, prefix=""):
    """(route as a string, URLPattern) for every URL, with the prefixes of its includes."""
    found = []
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            found += patterns(pattern, route)
        elif isinstance(pattern, URLPattern):
            found.append((route, pattern))
    return found


# Finding 3: type confusion and deep nesting in the API -------------------------------------------

WRONG_TYPES = [
    {"domains": [{"domain": "werk", "answers": {"richting": ["system"]}}]},
    {"domains": [{"domain": "werk", "answers": {"richting": {"a": 1}}}]},
    {"domains": [{"domain": "werk", "answers": {"kunnen": 3}}]},
    {"domains": [{"domain": ["werk"]}]},
    {"domains": [{"domain": {"x": 1}}]},
    {"domains": {"domain": "werk"}},
    {"domains": "werk"},
    {"domains": [{"domain": "werk", "answers": ["system"]}]},
    {"domains": [{"domain": "werk", "statements": "een zin"}]},
    {"domains": [{"domain": "werk", "statements": [["geneste lijst"]]}]},
    {"domains": [{"domain": "werk", "approach": ["kansen"]}]},
    {"domains": [{"domain": "werk", "shared_goal": "ja"}]},
    {"domains": [{"domain": "werk", "interventions": ["Werkfit"]}]},
    {"domains": [{"domain": "werk", "interventions": [{"name": ["x"], "logic": "kansen"}]}]},
    {"domains": [{"domain": "werk", "partners": [{"name": "x", "logic": {"k": 1}, "organisation": 5}]}]},
    [],
    "tekst",
    7,
    None,
]


@pytest.mark.django_db
@pytest.mark.parametrize("body", WRONG_TYPES)
def test_match_with_a_wrong_type_anywhere_is_a_400_with_a_reason(professional, body):
    response = login(professional).post("/api/v1/match", json.dumps(body), content_type="application/json")
    assert response.status_code == 400, response.content
    assert response.json()["detail"]


@pytest.mark.django_db
@pytest.mark.parametrize("body", [{"text": ["a"]}, {"text": {"a": 1}}, {"text": "Ik wil werken", "domain": ["werk"]}, []])
def test_classify_with_a_wrong_type_is_a_400_with_a_reason(professional, body):
    response = login(professional).post("/api/v1/classify", json.dumps(body), content_type="application/json")
    assert response.status_code == 400 and response.json()["detail"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v1/match", "/api/v1/classify"])
@pytest.mark.parametrize("body", ["[" * 50_000, "[" * 50_000 + "]" * 50_000, '{"a":' * 5_000 + "1" + "}" * 5_000])
def test_deeply_nested_json_is_a_400_with_a_reason(professional, url, body):
    response = login(professional).post(url, body, content_type="application/json")
    assert response.status_code == 400
    assert "nested" in response.json()["detail"] or "JSON" in response.json()["detail"]


# Finding 11: every error under /api/ is JSON ---------------------------------------------------


@pytest.mark.django_db
def test_an_oversized_body_is_a_json_413(professional):
    body = json.dumps({"text": "woord " * 900_000})  # about 5 MB
    for browser in (login(professional), Browser()):
        response = browser.post("/api/v1/classify", body, content_type="application/json")
        assert response.status_code in (413, 403), response.status_code
        assert response["Content-Type"].startswith("application/json") and response.json()["detail"]
    response = login(professional).post("/api/v1/classify", body, content_type="application/json")
    assert response.status_code == 413 and response.json()["error"] == "too_large"


@pytest.mark.django_db
def test_every_error_under_the_api_is_json(professional):
    api_routes = [route for route, _ in patterns() if route.startswith("api/")]
    assert len(api_routes) >= 6
    urls = ["/api/v1/bestaat-niet", "/api/", "/api/v1/interventions/bestaat-niet", "/api/v1/match/extra"]
    urls += ["/" + route.replace("<slug:slug>", "x") for route in api_routes]
    strict = Browser(enforce_csrf_checks=True)
    strict.force_login(professional)
    browsers = {"anonymous": Browser(), "logged in": login(professional), "without CSRF token": strict}
    wrong = []
    for url in urls:
        for who, browser in browsers.items():
            for method in ("get", "post", "put", "patch", "delete", "options"):
                if method == "get":
                    response = browser.get(url, {"page": "-1", "page_size": "x" * 50})
                else:
                    response = getattr(browser, method)(url, "{", content_type="application/json")
                if response.status_code < 400:
                    continue
                content_type = response.get("Content-Type", "")
                if not content_type.startswith("application/json") or not response.json().get("detail"):
                    wrong.append(f"{who} {method.upper()} {url}: {response.status_code} {content_type}")
    assert not wrong, "\n".join(wrong)


def test_a_csrf_failure_under_the_api_is_json(rf):
    from slim.common.api_errors import csrf_failure

    response = csrf_failure(rf.post("/api/v1/match"), reason="CSRF cookie not set.")
    assert response.status_code == 403 and "CSRF" in json.loads(response.content)["detail_en"]
    assert csrf_failure(rf.post("/casussen/nieuw/"), reason="x")["Content-Type"].startswith("text/html")


# Finding 7: huge ids -----------------------------------------------------------------------------


def test_no_url_uses_an_unbounded_int_converter():
    from django.urls.converters import IntConverter

    unbounded = [route for route, pattern in patterns() if any(type(c) is IntConverter for c in pattern.pattern.converters.values())]
    assert not unbounded, unbounded
    from slim.common.converters import IdConverter

    assert IdConverter.regex == "[0-9]{1,18}"


@pytest.fixture
def people(db):
    director = make_user("anna")
    person = Client.objects.create(name="Mevrouw K.", bsn="", created_by=director)
    case = Case.objects.create(client=person, shared_goal="Rust", created_by=director)
    CaseMember.objects.create(case=case, user=director, role=CaseRole.DIRECTOR, added_by=director)
    auditor = make_user("audrey", role=Role.AUDITOR)
    admin = make_user("eva", role=Role.ADMIN)
    admin.is_staff = admin.is_superuser = True
    admin.save()
    return {"director": director, "auditor": auditor, "admin": admin, "person": person}


def _filled(route, number):
    """The route with every <id:...> set to `number` and any other part to a harmless word."""
    import re

    route = re.sub(r"<id:[^>]+>", number, route)
    route = re.sub(r"<path:[^>]+>", number, route)  # the admin's object ids
    route = re.sub(r"<[^>]+>", "x", route)
    return "/" + route.lstrip("^").rstrip("$").replace("\\Z", "").replace("\\", "")


@pytest.mark.django_db
def test_huge_ids_in_every_url_are_a_404(people):
    id_routes = [route for route, pattern in patterns() if "<id:" in route or ("beheer/" in route and "<path:object_id>" in route)]
    assert len(id_routes) >= 30, id_routes
    wrong = []
    for who in ("director", "auditor", "admin"):
        browser = login(people[who])
        for route in id_routes:
            for number in (HUGE, "999999999999999999", "9223372036854775808"):
                url = _filled(route, number)
                response = browser.get(url)
                if response.status_code == 405:
                    response = browser.post(url, {})
                if response.status_code >= 500 or response.status_code == 200:
                    wrong.append(f"{who} {url}: {response.status_code}")
    assert not wrong, "\n".join(wrong)


# Finding 5: the admin shows no client and is audited ---------------------------------------------


@pytest.mark.django_db
def test_the_admin_shows_no_client_names_and_every_admin_page_is_audited(people):
    from django.urls import reverse

    browser = login(people["admin"])
    director = people["director"]
    pages = [
        reverse("admin:index"),
        reverse("admin:accounts_user_changelist"),
        reverse("admin:accounts_user_change", args=[director.pk]),
        reverse("admin:accounts_user_history", args=[director.pk]),
        f"/beheer/cases/client/{people['person'].pk}/change/",
        f"/beheer/cases/client/{people['person'].pk}/delete/",
        "/beheer/cases/",
    ]
    before = AuditEvent.objects.count()
    for page in pages:
        response = browser.get(page, follow=True)
        assert response.status_code in (200, 404), (page, response.status_code)
        assert "Mevrouw K." not in response.content.decode(), page
    # Deleting a user is refused (it would list the clients they registered, by name).
    assert browser.get(reverse("admin:accounts_user_delete", args=[director.pk])).status_code == 403
    assert AuditEvent.objects.count() >= before + len(pages)
    event = AuditEvent.objects.filter(view="admin:accounts_user_change").first()
    assert event.username == "eva" and event.objects_ref["object_id"] == str(director.pk)


@pytest.mark.django_db
def test_staff_flag_without_the_admin_role_does_not_open_the_admin(people):
    staff = make_user("stef")
    staff.is_staff = staff.is_superuser = True
    staff.save()
    response = login(staff).get("/beheer/")
    assert response.status_code == 302 and "/beheer/login/" in response["Location"]


# Finding 9: one rule for registering clients -----------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.POLICY, Role.ADMIN, Role.AUDITOR, "nieuwe-rol"])
def test_only_registrars_register_clients_on_any_path(role):
    user = make_user("dirk", role=role, organisation="Gemeente")
    browser = login(user)
    new_case = browser.post("/casussen/nieuw/", {"name": "Meneer X", "bsn": "", "shared_goal": "Werk"})
    matching = browser.post("/matching/", {"name": "Meneer Y", "bsn": ""})
    assert new_case.status_code == 403 and matching.status_code == 403
    assert not Client.objects.exists() and not Case.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.PROFESSIONAL, Role.TEAM_LEAD])
def test_registrars_still_open_cases(role):
    browser = login(make_user("anna", role=role))
    response = browser.post("/casussen/nieuw/", {"name": "Meneer X", "bsn": "", "shared_goal": "Werk"})
    assert response.status_code == 302 and Case.objects.get().client.name == "Meneer X"


# Finding 10: no caching of personal responses ----------------------------------------------------


@pytest.mark.django_db
def test_downloads_with_client_data_are_not_stored(people):
    person = people["person"]
    browser = login(people["director"])
    for url in (f"/privacy/clienten/{person.pk}/gegevens.json", f"/matching/clienten/{person.pk}/"):
        response = browser.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"], url
    assert "no-store" not in Browser().get("/kennis/").get("Cache-Control", "")


# Finding 8: one CSV writer -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "'=1", "''+x", "gewoon", "", "'", "a=b", "'quote"]
)
def test_csv_cells_never_start_a_formula_and_read_back_exactly(value):
    from slim.common import safecsv

    out = io.StringIO()
    safecsv.writer(out, bom=False).writerow([value, 5, -3])
    cell, number, negative = next(csv.reader(io.StringIO(out.getvalue()), delimiter=";"))
    assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r")
    assert safecsv.unescape(cell) == value and (number, negative) == ("5", "-3")


def test_no_module_writes_csv_without_the_shared_writer():
    import pathlib
    import re

    import slim

    root = pathlib.Path(slim.__file__).parent
    direct = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if re.search(r"\bcsv\.(writer|DictWriter)\(", path.read_text(encoding="utf-8")) and path.name != "safecsv.py"
    ]
    assert not direct, direct


# Probed beyond the list: open redirects ---------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("target", ["https://aanvaller.example/", "//aanvaller.example/", "/\\aanvaller.example/", "https:aanvaller.example"])
def test_next_never_sends_anyone_off_site(target):
    from tests.conftest import PASSWORD

    make_user("anna")
    response = Browser().post(f"/account/inloggen/?next={target}", {"username": "anna", "password": PASSWORD})
    assert response.status_code == 302 and "aanvaller" not in response["Location"]
    response = Browser().post("/i18n/setlang/", {"language": "en", "next": target})
    assert "aanvaller" not in response.get("Location", "")


# Probed beyond the list: mass assignment and someone else's objects in a form ----------------------


@pytest.mark.django_db
def test_a_form_ignores_fields_it_does_not_show_and_refuses_other_peoples_clients():
    anna, bram = make_user("anna"), make_user("bram", organisation="Schuldhulp Stad")
    hidden = Client.objects.create(name="Meneer Z", created_by=bram)
    browser = login(anna)
    response = browser.post("/casussen/nieuw/", {"client": hidden.pk, "shared_goal": "Werk"})
    assert response.status_code == 200 and not Case.objects.exists()  # not a choice for anna: a form error
    response = browser.post(
        "/casussen/nieuw/",
        {"name": "Meneer X", "bsn": "", "shared_goal": "Werk", "created_by": bram.pk, "status": "gesloten", "id": 4242},
    )
    case = Case.objects.get()
    assert response.status_code == 302 and case.created_by == anna and case.client.created_by == anna
    assert case.is_open and case.pk != 4242


# Probed beyond the list: uploads -----------------------------------------------------------------


@pytest.mark.django_db
def test_file_uploads_are_thrown_away_and_the_api_takes_json_only(professional, rf):
    from django.core.files.uploadedfile import SimpleUploadedFile

    big = SimpleUploadedFile("groot.bin", b"x" * 5_000_000)
    request = rf.post("/casussen/nieuw/", {"name": "Meneer X", "bestand": big})
    assert request.POST["name"] == "Meneer X" and not request.FILES  # read and dropped, never on disk
    browser = login(professional)
    big.seek(0)
    response = browser.post("/casussen/nieuw/", {"name": "Meneer X", "bsn": "", "shared_goal": "Werk", "bestand": big})
    assert response.status_code == 302
    response = browser.post("/api/v1/classify", {"text": "Ik wil werken", "bestand": SimpleUploadedFile("a.txt", b"a")})
    assert response.status_code == 415 and response.json()["detail"]


@pytest.mark.django_db
def test_a_professional_who_changes_role_no_longer_manages_the_clients_they_registered():
    anna = make_user("anna")
    person = Client.objects.create(name="Meneer X", created_by=anna)
    assert login(anna).get(f"/audit/clienten/{person.pk}/").status_code == 200
    anna.role = Role.POLICY
    anna.save()
    for url in (f"/audit/clienten/{person.pk}/", f"/privacy/clienten/{person.pk}/", f"/matching/clienten/{person.pk}/"):
        assert login(anna).get(url).status_code == 404, url
