import pytest

pytestmark = pytest.mark.django_db


def test_api_needs_authentication(client):
    response = client.post("/api/v1/classify", {"text": "Ik wil een kans"}, content_type="application/json")
    assert response.status_code in (401, 403)


def test_classify_returns_logic_confidence_and_signals(client_as_professional):
    response = client_as_professional.post(
        "/api/v1/classify",
        {"text": "Het is me allemaal te veel, ik overzie het niet meer. Neem het alsjeblieft over."},
        content_type="application/json",
    )
    body = response.json()
    assert response.status_code == 200
    assert body["logic"] == "sturing"
    assert 0 < body["confidence"] <= 1
    by_source = {source: [s for s in body["signals"] if s["source"] == source] for source in ("statement", "words")}
    assert by_source["statement"] and all({"term", "start", "end", "lexicon_id"} <= s.keys() for s in by_source["statement"])
    assert by_source["words"] and all({"terms", "stems", "spans", "logic"} <= s.keys() for s in by_source["words"])
    assert len(by_source["statement"]) + len(by_source["words"]) == len(body["signals"])


@pytest.mark.parametrize(
    "payload, code",
    [
        ({"text": ""}, "empty_text"),
        ({"text": "I really want to find a job, just give me a chance"}, "not_dutch"),
        ({"text": "Ik wil werken", "domain": "ruimtevaart"}, "unknown_domain"),
    ],
)
def test_classify_bad_input_is_400_with_reason(client_as_professional, payload, code):
    response = client_as_professional.post("/api/v1/classify", payload, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"] == code and response.json()["detail"]


def test_classify_missing_field_is_400(client_as_professional):
    response = client_as_professional.post("/api/v1/classify", {}, content_type="application/json")
    assert response.status_code == 400 and response.json()["field"] == "text"


def test_match_whole_intake(client_as_professional):
    intake = {
        "domains": [
            {"domain": "werk", "answers": {"richting": "system", "kunnen": "able"}, "approach": "competenties"},
            {"domain": "inkomen_schulden", "answers": {"kunnen": "overloaded"}},
        ]
    }
    response = client_as_professional.post("/api/v1/match", intake, content_type="application/json")
    body = response.json()
    assert response.status_code == 200
    assert [d["logic"] for d in body["domains"]] == ["kansen", "sturing"]
    assert any(w["kind"] == "mismatch" for w in body["domains"][0]["warnings"])


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"domains": [{"domain": "werk", "answers": {"kunnen": "misschien"}}]}, "domains[0].answers.kunnen"),
        ({"domains": [{"domain": "werk", "leeftijd": 54}]}, "domains[0].leeftijd"),
        ({"domains": "werk"}, "domains"),
    ],
)
def test_match_bad_input_names_the_field(client_as_professional, payload, field):
    response = client_as_professional.post("/api/v1/match", payload, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["field"] == field


def test_openapi_schema_lists_engine_endpoints(client_as_professional):
    response = client_as_professional.get("/api/v1/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    text = response.content.decode()
    assert "/api/v1/classify" in text and "/api/v1/match" in text
