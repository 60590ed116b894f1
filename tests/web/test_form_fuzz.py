"""Every web form POST endpoint, fed garbage: no input may cause a 500 (issue 13).

The URLs come from the URL configuration; each is posted to by a persona that may
use it (the rules of tests/authorization.py), so the form really is processed.
The fields are the ones the page's own form shows, plus fields a form should never
accept (mass assignment), each filled with oversized, wrongly typed or hostile values.
"""

import re

import pytest

from tests.conftest import verify_second_step
from tests.authorization import all_url_names, rule_for, url_for

# Who posts: the first persona in this order that the URL's rule allows.
PREFERENCE = ["director", "team_lead", "policy", "auditor", "admin", "anonymous"]
# Posting these ends the session or lets nothing through by design; they are posted to last.
LAST = {"accounts:logout", "accounts:logout-everywhere", "admin:logout"}
EXTRA_FIELDS = ["id", "pk", "created_by", "client", "case", "role", "is_staff", "is_superuser", "status", "user", "organisation"]
HUGE_NUMBER = "9" * 40
VALUES = {
    "huge text": "x" * 100_000,
    "null byte": "a\x00b",
    "huge number": HUGE_NUMBER,
    "negative": "-1",
    "float": "1e400",
    "bad date": "2026-13-45",
    "markup": "<script>alert(1)</script>'\"; DROP TABLE x;--",
    "unicode": "\ud7ff\U0001f600\u202e",
}


def fields_of(html):
    return sorted(set(re.findall(r'name="([^"]+)"', html)) - {"csrfmiddlewaretoken"})


def browser_for(users, persona):
    from django.test import Client

    browser = Client(raise_request_exception=False)
    user = users.get(persona)
    if user is not None:
        fresh = type(user).objects.get(pk=user.pk)
        browser.force_login(fresh)
        if fresh.requires_second_factor:
            verify_second_step(browser, fresh)
    return browser


@pytest.mark.django_db
def test_garbage_in_every_form_never_gives_a_500(matrix_world):
    users, kwargs, per_url = matrix_world
    names = [(name, pattern) for name, pattern in all_url_names() if not name.startswith("api") and name not in LAST]
    names += [(name, pattern) for name, pattern in all_url_names() if name in LAST]
    wrong, posted = [], 0
    for name, pattern in names:
        allowed = rule_for(name)
        persona = next((p for p in PREFERENCE if p in allowed), None)
        if persona is None:
            continue
        url = url_for(name, pattern, kwargs, per_url)
        browser = browser_for(users, persona)
        page = browser.get(url)
        fields = fields_of(page.content.decode(errors="replace")) if page.status_code == 200 else []
        for label, value in VALUES.items():
            data = {field: value for field in fields + EXTRA_FIELDS}
            response = browser_for(users, persona).post(url, data)
            posted += 1
            if response.status_code >= 500:
                wrong.append(f"{persona} POST {url} ({name}) with {label}: {response.status_code}")
        # The same field twice (a list where one value is expected).
        response = browser_for(users, persona).post(url, {field: ["1", "2"] for field in fields + EXTRA_FIELDS})
        if response.status_code >= 500:
            wrong.append(f"{persona} POST {url} ({name}) with lists: {response.status_code}")
    assert posted > 300
    assert not wrong, "\n".join(wrong)


QUERIES = [
    {"q": "x" * 20_000, "pagina": HUGE_NUMBER, "page": "-1", "page_size": "abc", "sort": "'; drop", "print": "1"},
    {"q": "\x00", "pagina": "-1", "fit": ["werk:onbekend", "geen-dubbelepunt"], "ids": ["../../etc/passwd", "x" * 300]},
    {"vergelijk": HUGE_NUMBER, "next": "https://aanvaller.example/", "fit": "werk:" + "kansen," * 500},
]


@pytest.mark.django_db
def test_hostile_query_strings_on_every_page_never_give_a_500(matrix_world):
    users, kwargs, per_url = matrix_world
    wrong = []
    for name, pattern in all_url_names():
        if name in LAST or name.startswith("api"):
            continue
        allowed = rule_for(name)
        persona = next((p for p in PREFERENCE if p in allowed), "director")
        url = url_for(name, pattern, kwargs, per_url)
        browser = browser_for(users, persona)
        for query in QUERIES:
            response = browser.get(url, query)
            if response.status_code >= 500:
                wrong.append(f"{persona} GET {url} ({name}) {list(query)}: {response.status_code}")
            location = response.get("Location", "")
            if "aanvaller.example" in location.split("?")[0]:
                wrong.append(f"{persona} GET {url} ({name}): redirects off-site to {location}")
    assert not wrong, "\n".join(wrong)
