"""The fields of one intervention record, in one place.

Import and export (exchange.py), validation (records.py), storage (store.py), the API
(api.py) and the detail page derive from FIELDS; a new field is added here once.

kind:
  text         a text; `required` texts may not be empty, `nullable` ones store None for
               'onbekend', the others store "" when empty
  texts        a list of free texts ('a | b' in CSV)
  codes        a list of codes from a vocabulary (`allowed`); stored as tags when `facet` is set
  recognitions a list of recognitions (one JSON cell in CSV)
  date         a day as JJJJ-MM-DD, or None
  boolean      true, false or None ('ja', 'nee' or empty in CSV)
  derived      worked out on export, ignored on import ('unknown')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .vocabulary import DELIVERY, ELEMENT, LEVEL, LOGIC, TARGET_GROUP, THEME


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    label: str  # Dutch, for error messages
    required: bool = False  # text: not empty; list: at least one item; CSV: the column must be there
    nullable: bool = False  # text: empty means 'onbekend' (None)
    allowed: Callable[[], object] | None = None  # codes: the allowed codes
    facet: str | None = None  # codes: stored as InterventionTag rows of this facet
    url: bool = False  # text: an http(s) address
    help: str | None = None  # API description
    section: str | None = None  # id of the section of the detail page that shows the field

    @property
    def is_list(self) -> bool:
        """Written as 'a | b' in one CSV cell."""
        return self.kind in ("texts", "codes", "derived")

    @property
    def stored_on_model(self) -> bool:
        """A column of Intervention (the rest are tags, recognitions or derived)."""
        return self.facet is None and self.kind not in ("recognitions", "derived")


def _text(name, label, **options):
    return Field(name, "text", label, **options)


def _texts(name, label, help, **options):
    return Field(name, "texts", label, help=help, **options)


def _codes(name, label, allowed, help, **options):
    return Field(name, "codes", label, allowed=allowed, help=help, **options)


# In the order of the bundled interventions.json, kept in every export.
FIELDS = (
    _text("slug", "slug", required=True),
    _text("name", "naam", required=True),
    _texts("aliases", "andere namen", "andere namen"),
    _text("summary", "samenvatting", required=True, section="samenvatting"),
    _text("goal", "doel", required=True, section="doel"),
    _texts("target_groups", "doelgroepen", "doelgroepen in woorden", required=True, section="doelgroep"),
    _codes("target_group_codes", "doelgroepcodes", lambda: TARGET_GROUP.terms, "codes uit target_groups.yaml",
           facet="target_group", section="doelgroep"),
    _text("approach", "aanpak", required=True, section="aanpak"),
    _codes("themes", "thema's", lambda: THEME.terms, "codes uit themes.yaml", required=True, facet="theme"),
    _texts("executing_organisations", "uitvoerende organisaties", "uitvoerende organisaties", section="uitvoering"),
    _texts("werkzame_elementen", "werkzame elementen", "werkzame elementen in woorden", section="werkzame-elementen"),
    _codes("element_codes", "elementcodes", lambda: ELEMENT.terms, "codes uit werkzame_elementen.yaml",
           facet="element", section="werkzame-elementen"),
    # Modeltrouw: empty means the source does not describe them ("niet beschreven in de bron").
    _texts("core_elements", "kernelementen", "kernelementen (modeltrouw); leeg = niet beschreven in de bron",
           section="modeltrouw"),
    _texts("adaptations", "wat aangepast mag worden", "wat aangepast mag worden; leeg = niet beschreven in de bron",
           section="modeltrouw"),
    _text("research", "onderzoek", nullable=True, section="onderzoek"),
    Field("recognitions", "recognitions", "erkenningen", section="erkenning"),
    _text("developer", "ontwikkelaar", nullable=True, section="uitvoering"),
    _text("contact", "contact", nullable=True, section="uitvoering"),
    _text("handbook", "handboek", nullable=True, section="uitvoering"),
    _text("source_url", "bron", required=True, url=True, section="bron"),
    Field("checked_at", "date", "gecontroleerd op", help="JJJJ-MM-DD: laatst nagekeken tegen de bron; null = nog niet",
          section="bron"),
    _codes("logics", "SLIM-logica's", lambda: LOGIC.terms, "SLIM-logica's", required=True, facet="logic",
           section="slim-logica"),
    _text("logic_reason", "reden logica", section="slim-logica"),
    _codes("levels", "niveaus", lambda: LEVEL.terms, "micro, meso, macro", required=True, facet="level",
           section="slim-logica"),
    _codes("delivery", "vorm", lambda: DELIVERY, "vorm", section="aanpak"),
    Field("volunteers", "boolean", "vrijwilligers", section="uitvoering"),
    Field("unknown", "derived", "onbekend", help="velden die de bronnen niet geven ('onbekend')"),
)

BY_NAME = {field.name: field for field in FIELDS}
NAMES = tuple(field.name for field in FIELDS)
# Record field -> facet of its InterventionTag rows.
TAGGED = {field.name: field.facet for field in FIELDS if field.facet}
RECOGNITION_KEYS = ("scheme", "level", "date", "note", "verified")


def of_kind(*kinds: str) -> tuple[Field, ...]:
    return tuple(field for field in FIELDS if field.kind in kinds)
