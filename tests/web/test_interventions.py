"""The interventions databank: import/export, Dutch search on the active database, facets,
'fits this client', the pages and the API. Runs on SQLite and PostgreSQL alike."""

import json
import re
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from slim.interventions.exchange import bundled_file, dump_csv
from slim.interventions.models import Intervention, SearchEntry
from slim.interventions.records import with_derived
from slim.interventions.store import all_records
from tests.factories import intervention_record as record
from tests.factories import load_interventions as load
from tests.factories import run_command as run
from tests.factories import write_interventions as write_json

pytestmark = pytest.mark.django_db

BUNDLED = json.loads(bundled_file().read_text(encoding="utf-8"))["interventions"]


@pytest.fixture
def databank():
    """The bundled databank, loaded the way `slim setup` does: the command without a file."""
    out, _ = run("import_interventions")
    assert f"{len(BUNDLED)} nieuw" in out


# Import ----------------------------------------------------------------------------------------


def test_import_reports_every_bad_row_with_its_line_and_imports_nothing(tmp_path):
    records = [
        record("goed"),
        record("zonder-naam", name=""),
        record("fout-thema", themes=["ruimtevaart"]),
        record("fout-niveau", levels=["mezo"], recognitions=[{"scheme": "movisie", "level": "goed_beschreven", "date": "2019-13", "note": None}]),
        record("goed", name="Dubbel"),
    ]
    path = write_json(tmp_path, records)
    starts = [number for number, line in enumerate(path.read_text().splitlines(), start=1) if line == "    {"]
    err = StringIO()
    with pytest.raises(CommandError, match="niets geïmporteerd"):
        call_command("import_interventions", str(path), stderr=err)
    report = err.getvalue()
    assert f"regel {starts[1]} (zonder-naam): name: naam ontbreekt" in report
    assert f"regel {starts[2]} (fout-thema): themes: onbekende code 'ruimtevaart'" in report
    assert f"regel {starts[3]} (fout-niveau): levels: onbekende code 'mezo'" in report
    assert f"regel {starts[3]} (fout-niveau): recognitions[1].date: ongeldige datum '2019-13'" in report
    assert f"regel {starts[4]} (goed): slug: dubbele slug 'goed' (staat ook op regel {starts[0]})" in report
    assert Intervention.objects.count() == 0


def test_csv_errors_point_at_the_line_where_the_row_starts(tmp_path):
    rows = [with_derived(record("eerste", summary="Twee regels:\nhier de tweede.")), with_derived(record("tweede"))]
    text = dump_csv(rows)
    text = text.replace(";individueel;;", ";individueel;misschien;", 2)
    text = text.replace("https://example.org/interventie", "geen-adres", 2)
    path = tmp_path / "interventies.csv"
    path.write_text(text, encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_interventions", str(path), stderr=err)
    report = err.getvalue()
    # Line 2 holds the first row, which spans two lines because of the line break in its summary.
    assert "regel 2 (eerste): volunteers: 'misschien' is geen ja, nee of leeg" in report
    assert "regel 4 (tweede): source_url: ongeldig webadres 'geen-adres'" in report
    assert Intervention.objects.count() == 0


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"interventions": [\n  {"slug": "x",\n  }\n]}', "regel 3: geen geldige JSON"),
        ('{"andere": []}', "regel 1: verwacht een lijst"),
        ("slug,naam\nx,y\n", "regel 1: onbekende kolom(men): naam"),
    ],
)
def test_unreadable_files_are_refused_with_a_line(tmp_path, content, message):
    path = tmp_path / ("bestand.csv" if content.startswith("slug") else "bestand.json")
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("import_interventions", str(path))
    assert message in str(error.value)


def test_a_broken_file_leaves_the_databank_as_it_was(tmp_path, databank):
    before = all_records()
    changed = dict(BUNDLED[0], name="Nieuwe naam")
    with pytest.raises(CommandError):
        call_command("import_interventions", str(write_json(tmp_path, [changed, record("kapot", logics=["twijfel"])])), stderr=StringIO())
    assert all_records() == before


def test_import_is_an_idempotent_upsert_by_slug(tmp_path, databank):
    out, _ = run("import_interventions")
    assert f"0 nieuw, 0 gewijzigd, {len(BUNDLED)} ongewijzigd" in out
    changed = dict(BUNDLED[0], goal="Een nieuw doel.")
    out, _ = run("import_interventions", str(write_json(tmp_path, [changed, record("nieuw")])))
    assert "1 nieuw, 1 gewijzigd, 0 ongewijzigd" in out
    assert Intervention.objects.get(slug=BUNDLED[0]["slug"]).goal == "Een nieuw doel."
    assert Intervention.objects.count() == len(BUNDLED) + 1


def test_export_gives_back_the_bundled_records(databank):
    out, _ = run("export_interventions", "--format", "json")
    assert json.loads(out)["interventions"] == BUNDLED


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_round_trip_is_byte_identical(tmp_path, databank, fmt):
    first, second = tmp_path / f"eerste.{fmt}", tmp_path / f"tweede.{fmt}"
    run("export_interventions", "--format", fmt, "--output", str(first))
    Intervention.objects.all().delete()
    run("import_interventions", str(first))
    run("export_interventions", "--format", fmt, "--output", str(second))
    assert first.read_bytes() == second.read_bytes()
    assert Intervention.objects.count() == len(BUNDLED)


FORMULAS = ["=HYPERLINK(\"https://x.example\",\"klik\")", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3", "'=al met apostrof"]


def test_csv_export_neutralises_formulas_and_the_round_trip_stays_exact(tmp_path):
    """Issue 13, finding 8: no cell of an export starts a spreadsheet formula; import undoes the guard."""
    import csv

    originals = [
        record(f"formule-{number}", name=formula, summary=formula, aliases=[formula.replace("|", "/"), "gewoon"])
        for number, formula in enumerate(FORMULAS)
    ] + [record("gewoon", name="Gewoon - met streepje", summary="'geen formule")]
    load(tmp_path, originals)
    exported = tmp_path / "export.csv"
    run("export_interventions", "--format", "csv", "--output", str(exported))
    with exported.open(encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle, delimiter=";") for cell in row]
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'=HYPERLINK" in exported.read_text(encoding="utf-8")

    before = all_records()
    Intervention.objects.all().delete()
    run("import_interventions", str(exported))
    assert all_records() == before
    assert Intervention.objects.get(slug="formule-0").name == FORMULAS[0]
    assert Intervention.objects.get(slug="gewoon").summary == "'geen formule"


# Search ----------------------------------------------------------------------------------------


def api(client, query=""):
    response = client.get(f"/api/v1/interventions?{query}")
    assert response.status_code == 200, response.content
    return response.json()


def slugs(body):
    return [hit["slug"] for hit in body["results"]]


@pytest.fixture
def small(tmp_path):
    load(
        tmp_path,
        [
            record("schuldhulp", approach="Hulp bij een schuld aan de woningcorporatie.", themes=["armoede_schulden"], logics=["sturing"]),
            record("maatjes", approach="Een vrijwilliger komt elke week langs.", themes=["eenzaamheid", "vrijwillige_inzet"], logics=["kansen", "competenties"], levels=["micro", "meso"]),
            record("buurt", approach="Bewoners organiseren samen activiteiten.", themes=["wijkontwikkeling", "vrijwillige_inzet"], logics=["ondernemen"], levels=["meso"]),
        ],
    )


def test_dutch_stemming_finds_other_word_forms(client, small):
    assert slugs(api(client, "q=schulden")) == ["schuldhulp"]
    # buurt: its theme 'Vrijwillige inzet' lists the word (data/interventions/search_synonyms.yaml)
    assert sorted(slugs(api(client, "q=vrijwilligers"))) == ["buurt", "maatjes"]
    assert sorted(slugs(api(client, "q=Vrijwilligers"))) == ["buurt", "maatjes"]


def test_all_words_must_match_with_phrases_alternatives_and_exclusions(client, small):
    assert slugs(api(client, "q=vrijwilliger schuld")) == []
    assert sorted(slugs(api(client, "q=vrijwilliger or schuld"))) == ["buurt", "maatjes", "schuldhulp"]
    assert slugs(api(client, "q=%22elke week%22")) == ["maatjes"]
    assert slugs(api(client, "q=%22week elke%22")) == []
    assert slugs(api(client, "q=samenvatting -week -schuld")) == ["buurt"]


def test_a_query_of_only_common_words_is_not_searched(client, small):
    body = api(client, "q=de het")
    assert body["ignored_query"] is True and body["count"] == 3


def test_a_word_that_occurs_nowhere_gets_a_suggestion_not_a_replacement(client, small):
    body = api(client, "q=vrijwiliger")
    assert body["suggested_query"] == "vrijwilliger" and body["query"] == "vrijwiliger"
    assert slugs(body) == []  # searched as typed
    html = client.get("/interventies/?q=vrijwiliger").content.decode()
    assert '<a href="?q=vrijwilliger">Bedoelde je vrijwilliger?</a>' in html
    assert api(client, "q=vrijwilliger")["suggested_query"] is None


def test_relevance_orders_text_results(client, databank):
    body = api(client, "q=schulden")
    assert body["sort"] == "relevance" and body["count"] >= 2
    relevances = [hit["relevance"] for hit in body["results"]]
    assert relevances == sorted(relevances, reverse=True)


def test_sort_by_name_and_by_recognition(client, databank):
    initials = [hit["name"][0].casefold() for hit in api(client, "page_size=100")["results"]]
    assert initials == sorted(initials)
    ranks = [
        max((r["level"] for r in hit["recognitions"]), key=RANK.get, default=None)
        for hit in api(client, "sort=recognition&page_size=100")["results"]
    ]
    values = [RANK.get(level, -1) for level in ranks]
    assert values == sorted(values, reverse=True)


RANK = {"goed_beschreven": 0, "goed_onderbouwd": 1, "effectief_eerste": 2, "effectief_goede": 3, "effectief_sterke": 4}


def test_facet_counts_use_or_within_and_and_across_facets(client, small):
    body = api(client, "theme=eenzaamheid&theme=wijkontwikkeling")
    assert sorted(slugs(body)) == ["buurt", "maatjes"]
    counts = {facet["name"]: {o["value"]: o["count"] for o in facet["options"]} for facet in body["facets"]}
    # Within the theme facet the other selections do not apply: ticking one more theme adds results.
    assert counts["theme"] == {"armoede_schulden": 1, "eenzaamheid": 1, "vrijwillige_inzet": 2, "wijkontwikkeling": 1}
    # Other facets are counted over the current results.
    assert counts["logic"] == {"kansen": 1, "competenties": 1, "ondernemen": 1}
    assert counts["level"] == {"micro": 1, "meso": 2}
    body = api(client, "theme=vrijwillige_inzet&level=micro")
    assert slugs(body) == ["maatjes"]
    counts = {facet["name"]: {o["value"]: o["count"] for o in facet["options"]} for facet in body["facets"]}
    assert counts["level"] == {"micro": 1, "meso": 2}
    assert counts["theme"]["vrijwillige_inzet"] == 1 and counts["theme"]["eenzaamheid"] == 1


def test_facet_counts_match_the_records_of_the_databank(client, databank):
    body = api(client, "q=vrijwilligers&logic=kansen&logic=sturing")
    found = set(slugs(api(client, "q=vrijwilligers&logic=kansen&logic=sturing&page_size=100")))
    records = {r["slug"]: r for r in BUNDLED}
    expected = Counter(theme for slug in found for theme in records[slug]["themes"])
    counts = {o["value"]: o["count"] for o in next(f for f in body["facets"] if f["name"] == "theme")["options"]}
    assert counts == dict(expected)
    assert body["count"] == len(found)


@pytest.mark.parametrize("query", ["q=werk", "q=jongeren&theme=jeugd", "q=schulden&level=micro&logic=sturing", "q=ouderen eenzaamheid"])
def test_facet_counts_of_a_text_search_are_the_results_of_ticking_that_value(client, databank, query):
    """Each count is the number of results the search gives with that value as its facet's only selection."""
    from django.http import QueryDict

    given = QueryDict(query)
    body = api(client, query)
    counted = 0
    for facet in body["facets"]:
        for option in facet["options"]:
            if not option["count"]:
                continue
            ticked = given.copy()
            ticked.setlist(facet["name"], [option["value"]])
            assert api(client, ticked.urlencode())["count"] == option["count"], (facet["name"], option["value"])
            counted += 1
    assert counted, "the query should match something"


def test_fits_this_client_ranks_matching_interventions_first_with_a_reason(client, small):
    body = api(client, "fit=werk:competenties&fit=wonen:sturing")
    assert [hit["fit"]["score"] for hit in body["results"]] == [1, 1, 0]
    assert set(slugs(body)[:2]) == {"maatjes", "schuldhulp"}
    maatjes = next(hit for hit in body["results"] if hit["slug"] == "maatjes")
    assert maatjes["fit"]["reasons"][0]["message"]["nl"] == "Gaat uit van competenties, net als de cliënt op werk."
    buurt = body["results"][2]
    # buurt (wijkontwikkeling: wonen and sociaal netwerk) clashes on wonen; it is not about werk, so no warning there
    assert buurt["slug"] == "buurt" and [clash["domain"] for clash in buurt["fit"]["clashes"]] == ["wonen"]
    assert buurt["fit"]["clashes"][0]["warnings"][0]["kind"] == "mismatch"
    html = client.get("/interventies/?fit=werk:competenties&fit=wonen:sturing").content.decode()
    assert "Gaat uit van competenties, net als de cliënt op werk." in html
    assert "Let op bij wonen" in html


def test_fit_warnings_only_on_the_life_domains_the_intervention_is_about(client, tmp_path):
    """A debts intervention warns about the client's logic on inkomen en schulden, never on gezondheid; the
    domains come from the themes' and target groups' life_domains in the knowledge data."""
    load(
        tmp_path,
        [
            record("schuldhulp", themes=["armoede_schulden"], target_group_codes=["volwassenen"], logics=["sturing"]),
            record("valpreventie", themes=["ouderen"], target_group_codes=["ouderen"], logics=["competenties"]),
            record("mantelzorg", themes=["vrijwillige_inzet"], target_group_codes=["mantelzorgers"], logics=["ondernemen"]),
        ],
    )
    carried = "fit=inkomen_schulden:kansen&fit=gezondheid:kansen"
    body = {hit["slug"]: hit["fit"] for hit in api(client, carried)["results"]}
    assert [clash["domain"] for clash in body["schuldhulp"]["clashes"]] == ["inkomen_schulden"]
    # mantelzorgers are about sociaal netwerk and gezondheid: the warning on gezondheid stays, none on debts
    assert [clash["domain"] for clash in body["mantelzorg"]["clashes"]] == ["gezondheid"]
    # an intervention the data ties to no domain (ouderen is a group, not a domain) is weighed on every domain
    assert [clash["domain"] for clash in body["valpreventie"]["clashes"]] == ["inkomen_schulden", "gezondheid"]

    html = client.get(f"/interventies/?q=schuldhulp&{carried}").content.decode()
    assert "Let op bij inkomen en schulden" in html and "Let op bij gezondheid" not in html
    detail = client.get(f"/interventies/schuldhulp/?{carried}").content.decode()
    assert "Let op bij inkomen en schulden" in detail and "Let op bij gezondheid" not in detail
    detail = client.get(f"/interventies/mantelzorg/?{carried}").content.decode()
    assert "Let op bij gezondheid" in detail and "Let op bij inkomen en schulden" not in detail


def test_every_life_domain_named_in_themes_and_target_groups_exists():
    from slim.core.knowledge import life_domain_codes
    from slim.interventions.vocabulary import TARGET_GROUP, THEME

    for vocabulary in (THEME, TARGET_GROUP):
        for code, entry in vocabulary.terms.items():
            assert "life_domains" in entry.attributes, (vocabulary.name, code)
            assert set(entry.attributes["life_domains"]) <= set(life_domain_codes()), (vocabulary.name, code)


# Pages -----------------------------------------------------------------------------------------


def test_search_page_is_public_and_shows_facets_with_counts(client, databank):
    youth = sum("jeugd" in r["themes"] for r in BUNDLED)
    response = client.get("/interventies/?theme=jeugd")
    html = response.content.decode()
    assert response.status_code == 200
    assert f"{youth} interventies gevonden" in html
    assert re.search(rf'name="theme" value="jeugd" checked>\s*<label[^>]*>Jeugd <span class="count">\({youth}\)</span>', html)
    assert '<label for="fit-werk">Werk</label>' in html


@pytest.mark.parametrize(
    "query, message",
    [
        ("theme=ruimtevaart", "Onbekende waarde &#x27;ruimtevaart&#x27; voor theme"),
        ("fit=werk-kansen", "is geen leefgebied:logica"),
        ("page=nul", "geen geldige waarde voor page"),
        ("q=-alleen", "alleen uitsluiten"),
    ],
)
def test_search_page_explains_bad_input(client, databank, query, message):
    response = client.get(f"/interventies/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()


def test_detail_page_has_the_fixed_sections_validity_and_unknowns(client, tmp_path):
    recognitions = [
        {"scheme": "movisie", "level": "goed_beschreven", "date": "2014-12", "note": None},
        {"scheme": "nji", "level": "effectief_eerste", "date": "2024", "note": "Herbeoordeeld."},
        {"scheme": "rivm", "level": "goed_onderbouwd", "date": None, "note": None},
    ]
    load(tmp_path, [record("erkend", recognitions=recognitions, volunteers=True)])
    html = client.get("/interventies/erkend/").content.decode()
    for heading in (
        "Samenvatting", "Doel", "Doelgroep", "Aanpak", "Werkzame elementen", "Onderzoek en onderbouwing",
        "Erkenning per regeling", "Uitvoering en contact", "SLIM-logica en niveau", "Bron",
    ):
        assert f"<h2>{heading}" in html, heading
    assert "december 2017 <span class=\"expired\">verlopen</span>" in html  # 3 years for Goed beschreven
    assert "<td>2029</td>" in html  # 5 years for Effectief
    assert html.count('<span class="unknown">onbekend</span>') >= 4  # date, validity, developer, contact, handbook
    assert 'class="unknown">onbekend</p>' in html  # research
    assert "?print=1" in html and "Afdrukken" in html
    assert "slim/print.css" in client.get("/interventies/erkend/?print=1").content.decode()
    assert client.get("/interventies/bestaat-niet/").status_code == 404


def test_detail_page_explains_the_fit_when_asked(client, small):
    html = client.get("/interventies/buurt/?fit=werk:ondernemen").content.decode()
    assert "Gaat uit van ondernemen, net als de cliënt op werk." in html


def test_compare_two_to_four_interventions(client, small):
    response = client.get("/interventies/vergelijk/?ids=maatjes,buurt")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<caption>Vergelijking van 2 interventies</caption>" in html
    assert client.get("/interventies/vergelijk/?ids=maatjes&ids=buurt&ids=schuldhulp").status_code == 200


@pytest.mark.parametrize(
    "ids, message",
    [
        ("maatjes", "Kies minstens 2 interventies"),
        ("a,b,c,d,e", "hoogstens 4 interventies tegelijk vergelijken; je koos er 5"),
        ("maatjes,bestaat-niet", "Deze interventies bestaan niet: bestaat-niet."),
    ],
)
def test_compare_explains_wrong_choices(client, small, ids, message):
    response = client.get(f"/interventies/vergelijk/?ids={ids}")
    assert response.status_code == 400
    assert message in response.content.decode()


def test_changed_text_is_searchable_after_reimport(client, small, tmp_path):
    load(tmp_path, [record("buurt", approach="Bewoners koken samen in het buurthuis.")])
    assert slugs(api(client, "q=koken")) == ["buurt"]
    assert slugs(api(client, "q=organiseren")) == []


def test_facets_follow_changed_tags_after_reimport(client, small, tmp_path):
    load(tmp_path, [record("buurt", approach="Bewoners organiseren samen activiteiten.", themes=["armoede_schulden"])])
    body = api(client, "q=organiseren")
    themes = {o["value"]: o["count"] for facet in body["facets"] if facet["name"] == "theme" for o in facet["options"]}
    assert themes == {"armoede_schulden": 1}
    assert slugs(api(client, "q=organiseren&theme=wijkontwikkeling")) == []


def test_a_removed_intervention_leaves_the_search_index(client, small, tmp_path):
    load(tmp_path, [record("buurt", approach="Bewoners koken samen in het buurthuis.")])
    Intervention.objects.filter(slug="buurt").delete()
    assert slugs(api(client, "q=koken")) == []
    assert not SearchEntry.objects.filter(intervention__slug="buurt").exists()


def test_pages_follow_each_other_in_the_order_of_the_results(client, databank):
    for query in ("q=werk", "sort=recognition", "q=jongeren&fit=werk:kansen&fit=wonen:sturing", "theme=jeugd&theme=ouderen"):
        everything = slugs(api(client, f"{query}&page_size=100"))
        pages = [slugs(api(client, f"{query}&page_size=7&page={page}")) for page in (1, 2, 3)]
        assert sum(pages, []) == everything[:21], query


def test_a_value_that_no_intervention_has_finds_nothing(client, small):
    for query in ("recognition=niet_erkend", "q=samenvatting&recognition=niet_erkend", "recognition=niet_erkend&theme=eenzaamheid"):
        body = api(client, query)
        assert body["count"] == 0 and body["results"] == [], query


# The catalogue: what each process keeps per databank version (catalogue.py) ---------------------


def hit_of(body, slug):
    return next(hit for hit in body["results"] if hit["slug"] == slug)


def test_a_search_after_an_import_shows_the_new_tags_and_recognitions(client, small, tmp_path):
    before = hit_of(api(client, "q=organiseren"), "buurt")  # the catalogue of this version is now in memory
    assert before["themes"] == ["wijkontwikkeling", "vrijwillige_inzet"] and before["recognitions"] == []
    recognition = {"scheme": "movisie", "level": "goed_beschreven", "date": "2020", "note": None}
    changed = record(
        "buurt", approach="Bewoners organiseren samen activiteiten.", themes=["armoede_schulden"], logics=["sturing"],
        recognitions=[recognition],
    )
    load(tmp_path, [changed])
    body = api(client, "q=organiseren")
    after = hit_of(body, "buurt")
    assert after["themes"] == ["armoede_schulden"] and after["logics"] == ["sturing"] and after["levels"] == ["micro"]
    assert after["recognitions"] == [
        {"scheme": "movisie", "level": "goed_beschreven", "date": "2020", "valid_until": "2023", "current": False, "note": None, "verified": True}
    ]
    counts = {facet["name"]: {o["value"]: o["count"] for o in facet["options"]} for facet in body["facets"]}
    assert counts["recognition"] == {"goed_beschreven": 1} and counts["logic"] == {"sturing": 1}
    html = client.get("/interventies/?q=organiseren").content.decode()
    assert "Armoede en schulden" in html and "Goed beschreven" in html


def test_tags_and_recognitions_written_without_an_import_show_in_the_next_search(client, small):
    from slim.interventions.models import InterventionTag, Recognition, Term

    assert hit_of(api(client, "q=organiseren"), "buurt")["element_codes"] == ["maatwerk"]
    buurt = Intervention.objects.get(slug="buurt")
    term, _ = Term.objects.get_or_create(facet="element", code="eigen_regie")
    InterventionTag.objects.create(intervention=buurt, term=term, position=1)
    body = api(client, "q=organiseren")
    assert hit_of(body, "buurt")["element_codes"] == ["maatwerk", "eigen_regie"]
    elements = {o["value"]: o["count"] for facet in body["facets"] if facet["name"] == "element" for o in facet["options"]}
    assert elements == {"maatwerk": 1, "eigen_regie": 1}
    assert slugs(api(client, "element=eigen_regie")) == ["buurt"]
    Recognition.objects.create(intervention=buurt, scheme="nji", level="effectief_eerste", date="2024", position=0)
    recognitions = hit_of(api(client, "q=organiseren"), "buurt")["recognitions"]
    assert [(r["scheme"], r["level"], r["valid_until"]) for r in recognitions] == [("nji", "effectief_eerste", "2029")]


def test_a_misspelt_word_is_corrected_from_the_words_of_the_catalogue(client, small, tmp_path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    assert api(client, "q=schuldhulpp")["suggested_query"] == "schuldhulp"  # the catalogue reads the words once
    with CaptureQueriesContext(connection) as queries:
        body = api(client, "q=vrijwiliger")
    assert body["suggested_query"] == "vrijwilliger" and body["query"] == "vrijwiliger"
    assert sorted(slugs(api(client, "q=vrijwilliger"))) == ["buurt", "maatjes"]
    assert not [query for query in queries.captured_queries if "indexedword" in query["sql"].lower()]
    # An import brings new words; the next search corrects towards them.
    assert api(client, "q=buurthius")["suggested_query"] is None
    load(tmp_path, [record("kookclub", approach="Samen koken in het buurthuis.")])
    body = api(client, "q=buurthius")
    assert body["suggested_query"] == "buurthuis" and slugs(body) == []
    html = client.get("/interventies/?q=buurthius").content.decode()
    assert "Bedoelde je buurthuis?" in html


# API -------------------------------------------------------------------------------------------


def test_api_search_returns_results_facets_and_links(client, databank):
    body = api(client, "q=eenzaamheid&theme=ouderen")
    assert body["count"] == len(body["results"]) > 0
    hit = body["results"][0]
    assert hit["url"].endswith(f"/interventies/{hit['slug']}/") and hit["api_url"].endswith(f"/api/v1/interventions/{hit['slug']}")
    assert {facet["name"] for facet in body["facets"]} == {"theme", "target_group", "recognition", "logic", "element", "level"}


def test_api_detail_keeps_each_scheme_and_its_validity(client, databank):
    slug = next(r["slug"] for r in BUNDLED if len(r["recognitions"]) > 1)
    body = client.get(f"/api/v1/interventions/{slug}").json()
    source = next(r for r in BUNDLED if r["slug"] == slug)
    assert [(r["scheme"], r["level"]) for r in body["recognitions"]] == [(r["scheme"], r["level"]) for r in source["recognitions"]]
    assert all("valid_until" in r and "current" in r for r in body["recognitions"])
    assert body["unknown"] == source["unknown"]


@pytest.mark.parametrize(
    "query, code, field",
    [
        ("theme=ruimtevaart", "unknown_value", "theme"),
        ("recognition=erkend", "unknown_value", "recognition"),
        ("fit=werk:twijfel", "unknown_logic", "fit"),
        ("fit=maan:kansen", "unknown_domain", "fit"),
        ("fit=werk:kansen&fit=werk:sturing", "duplicate_domain", "fit"),
        ("sort=datum", "invalid_sort", "sort"),
        ("page=0", "invalid_page", "page"),
        ("page_size=1000", "invalid_page_size", "page_size"),
        ("thema=jeugd", "unknown_parameter", "thema"),
        ("q=-jeugd", "only_exclusions", "q"),
        ("q=" + "x" * 201, "query_too_long", "q"),
    ],
)
def test_api_bad_parameters_are_400_with_reason(client, databank, query, code, field):
    response = client.get(f"/api/v1/interventions?{query}")
    body = response.json()
    assert response.status_code == 400
    assert body["error"] == code and body["field"] == field and body["detail"]


def test_api_unknown_intervention_is_404_in_the_error_shape(client, databank):
    response = client.get("/api/v1/interventions/bestaat-niet")
    assert response.status_code == 404
    assert set(response.json()) >= {"error", "detail", "field"}


def test_both_endpoints_are_in_the_openapi_schema(client, professional):
    client.force_login(professional)
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").content.decode()
    assert "/api/v1/interventions/{slug}" in schema
    assert "interventions_search" in schema and "fit" in schema
