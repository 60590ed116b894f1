"""The fields of one intervention record, in one place.

Import and export (exchange.py), validation (records.py), storage (store.py), the API
(api.py) and the detail page derive from FIELDS; a new field is added here once. The detail
page shows SECTIONS in their order, each with its fields in the order of FIELDS
(presentation.Description.sections), so a field with a `section` is on the page without
touching a template.

kind:
  text         a text; `required` texts may not be empty, `nullable` ones store None for
               'onbekend', the others store "" when empty
  texts        a list of free texts ('a | b' in CSV)
  codes        a list of codes from a vocabulary (`allowed`); stored as tags when `facet` is set
  recognitions a list of recognitions (one JSON cell in CSV)
  date         a day as JJJJ-MM-DD, or None
  boolean      true, false or None ('ja', 'nee' or empty in CSV)
  derived      worked out on export, ignored on import ('unknown')

display (how the detail page shows the value; interventions/_value.html):
  paragraphs   a text in paragraphs          items   a bulleted list (in a definition list: 'a; b')
  text         a text as it is               contact a text with its addresses as links
  link         an address as a link          terms   codes as links to their knowledge pages
  badges       codes as badges with links    names   codes by their names
  yes_no       ja, nee or the empty text     recognitions   the table of recognitions per scheme
  checked      the sentence with the day the entry was checked against its source
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .vocabulary import DELIVERY, ELEMENT, LEVEL, LOGIC, TARGET_GROUP, THEME


@dataclass(frozen=True)
class Section:
    """A part of the detail page, with an h2 and an id to link to."""

    id: str
    title: str
    layout: str = "blocks"  # "blocks": the fields one below the other; "definitions": a definition list (dt, dd)
    intro: str | None = None  # a line under the heading
    about: tuple[str, str] | None = None  # (kind, code) of the knowledge page linked after the intro
    about_text: str | None = None  # the text of that link
    derived: bool = False  # our own work rather than the source's: the heading says 'afgeleid'


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
    title: str | None = None  # detail page: the label above or before the value; None for the main text of a section
    display: str = "text"  # detail page: how the value is shown (see above)
    empty: str | None = None  # detail page: what is said when there is no value; None: the field is left out

    @property
    def is_list(self) -> bool:
        """Written as 'a | b' in one CSV cell."""
        return self.kind in ("texts", "codes", "derived")

    @property
    def is_block(self) -> bool:
        """Shown as a block of its own (under an h3 when it has a title), not within a line."""
        return self.display in ("paragraphs", "items", "recognitions")

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
    _text("summary", "samenvatting", required=True, section="samenvatting", display="paragraphs"),
    _text("goal", "doel", required=True, section="doel", display="paragraphs"),
    _texts("target_groups", "doelgroepen", "doelgroepen in woorden", required=True, section="doelgroep", display="items"),
    _codes("target_group_codes", "doelgroepcodes", lambda: TARGET_GROUP.terms, "codes uit target_groups.yaml",
           facet="target_group", section="doelgroep", title=_("In de databank"), display="terms"),
    _text("approach", "aanpak", required=True, section="aanpak", display="paragraphs"),
    _codes("themes", "thema's", lambda: THEME.terms, "codes uit themes.yaml", required=True, facet="theme"),
    _texts("executing_organisations", "uitvoerende organisaties", "uitvoerende organisaties", section="uitvoering",
           title=_("Uitvoerende organisaties"), display="items", empty=_("onbekend")),
    _texts("werkzame_elementen", "werkzame elementen", "werkzame elementen in woorden", section="werkzame-elementen",
           display="items", empty=_("onbekend")),
    _codes("element_codes", "elementcodes", lambda: ELEMENT.terms, "codes uit werkzame_elementen.yaml",
           facet="element", section="werkzame-elementen",
           title=_("Van de 15 werkzame elementen voor toegang en ondersteuning"), display="terms"),
    # Modeltrouw: empty means the source does not describe them ("niet beschreven in de bron").
    _texts("core_elements", "kernelementen", "kernelementen (modeltrouw); leeg = niet beschreven in de bron",
           section="modeltrouw", title=_("Kernelementen"), display="items", empty=_("niet beschreven in de bron")),
    _texts("adaptations", "wat aangepast mag worden", "wat aangepast mag worden; leeg = niet beschreven in de bron",
           section="modeltrouw", title=_("Wat aangepast mag worden"), display="items",
           empty=_("niet beschreven in de bron")),
    _text("research", "onderzoek", nullable=True, section="onderzoek", display="paragraphs", empty=_("onbekend")),
    Field("recognitions", "recognitions", "erkenningen", section="erkenning", display="recognitions",
          empty=_("geen erkenning bekend")),
    _text("developer", "ontwikkelaar", nullable=True, section="uitvoering", title=_("Ontwikkelaar of eigenaar"),
          empty=_("onbekend")),
    _text("contact", "contact", nullable=True, section="uitvoering", title=_("Contact"), display="contact",
          empty=_("onbekend")),
    _text("handbook", "handboek", nullable=True, section="uitvoering", title=_("Handboek"), empty=_("onbekend")),
    _text("source_url", "bron", required=True, url=True, section="bron", display="link"),
    Field("checked_at", "date", "gecontroleerd op", help="JJJJ-MM-DD: laatst nagekeken tegen de bron; null = nog niet",
          section="bron", display="checked", empty=_("Nog niet opnieuw nagekeken tegen de bron.")),
    _codes("logics", "SLIM-logica's", lambda: LOGIC.terms, "SLIM-logica's", required=True, facet="logic",
           section="slim-logica", title=_("Gaat uit van de logica"), display="badges"),
    _text("logic_reason", "reden logica", section="slim-logica", title=_("Waarom")),
    _codes("levels", "niveaus", lambda: LEVEL.terms, "micro, meso, macro", required=True, facet="level",
           section="slim-logica", title=_("Niveau"), display="terms"),
    _codes("delivery", "vorm", lambda: DELIVERY, "vorm", section="aanpak", title=_("Vorm"), display="names"),
    Field("volunteers", "boolean", "vrijwilligers", section="uitvoering", title=_("Met vrijwilligers"), display="yes_no",
          empty=_("onbekend")),
    Field("unknown", "derived", "onbekend", help="velden die de bronnen niet geven ('onbekend')"),
)

# The sections of the detail page, in their order; the fields say which section shows them.
SECTIONS = (
    Section("samenvatting", _("Samenvatting")),
    Section("doel", _("Doel")),
    Section("doelgroep", _("Doelgroep")),
    Section("aanpak", _("Aanpak")),
    Section("werkzame-elementen", _("Werkzame elementen")),
    Section("modeltrouw", _("Modeltrouw"),
            intro=_("Wat moet blijven zoals beschreven, en wat mag een team aanpassen aan de eigen situatie?"),
            about=("model", "modeltrouw"), about_text=_("Over modeltrouw")),
    Section("onderzoek", _("Onderzoek en onderbouwing")),
    Section("erkenning", _("Erkenning per regeling")),
    Section("uitvoering", _("Uitvoering en contact"), layout="definitions"),
    Section("slim-logica", _("SLIM-logica en niveau"), layout="definitions", derived=True),
    Section("bron", _("Bron")),
)
DISPLAYS = {"paragraphs", "items", "text", "contact", "link", "terms", "badges", "names", "yes_no", "recognitions", "checked"}

BY_NAME = {field.name: field for field in FIELDS}
NAMES = tuple(field.name for field in FIELDS)
# Record field -> facet of its InterventionTag rows.
TAGGED = {field.name: field.facet for field in FIELDS if field.facet}
RECOGNITION_KEYS = ("scheme", "level", "date", "note", "verified")


def of_kind(*kinds: str) -> tuple[Field, ...]:
    return tuple(field for field in FIELDS if field.kind in kinds)


def page_sections() -> list[tuple[Section, tuple[Field, ...]]]:
    """Each section of the detail page with the fields it shows, in the order of FIELDS (read when
    called, so a field added to FIELDS is shown)."""
    return [(section, tuple(field for field in FIELDS if field.section == section.id)) for section in SECTIONS]
