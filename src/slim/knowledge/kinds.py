"""The kinds of knowledge SLIM carries, how they are grouped and what each must contain.

The content itself lives in src/slim/data/knowledge/*.yaml; this module only
describes its shape so the loader can refuse an incomplete file.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Kind:
    code: str
    file: str
    slug: str
    title: str
    group: str
    required_sections: tuple[str, ...] = ()
    # (section code, heading) pairs: a group heading shown above that section, as in the source's fixed structure.
    section_groups: tuple[tuple[str, str], ...] = ()


GROUPS = [
    ("model", _("Het model")),
    ("gesprek", _("Gesprekken")),
    ("samenwerken", _("Samenwerken")),
    ("elementen", _("Werkzame elementen")),
    ("databank", _("Databank")),
]

KINDS = [
    Kind("concept", "concepts.yaml", "model", _("Over SLIM"), "model"),
    Kind(
        "logic", "logics.yaml", "logicas", _("De vier interventielogica's"), "model",
        ("self_image", "statements", "attitude", "support", "principles", "level", "mismatch"),
    ),
    Kind("life_domain", "life_domains.yaml", "leefgebieden", _("Leefgebieden"), "model", ("what", "questions")),
    Kind("principle", "principles.yaml", "principes", _("Werkzame principes"), "model", ("what", "in_practice")),
    Kind("level", "levels.yaml", "niveaus", _("Micro, meso en macro"), "model", ("what",)),
    Kind(
        "conversation_type", "conversation_types.yaml", "gesprekstypen", _("De zeven gesprekstypen"),
        "gesprek", ("purpose", "when", "tips"),
    ),
    Kind("signal", "signals.yaml", "signalen", _("Stromen en haperen"), "gesprek", ("what", "what_to_do")),
    Kind("success_factor", "success_factors.yaml", "succesfactoren", _("Succesfactoren"), "samenwerken", ("what",)),
    Kind("regie", "regie.yaml", "regie", _("Casusregie en procesregie"), "samenwerken", ("what",)),
    Kind(
        "werkzaam_element", "werkzame_elementen.yaml", "werkzame-elementen", _("De 15 werkzame elementen"),
        "elementen",
        (
            "what_is", "why_resident", "starting_points", "tools", "policy_organisation", "examples",
            "substantiation", "further_reading",
        ),
        # SEED-003: the fixed structure of every element description.
        (("starting_points", _("Hoe werkt dit in de praktijk?")), ("substantiation", _("Meer uitleg en verder lezen"))),
    ),
    Kind("theme", "themes.yaml", "themas", _("Thema's"), "databank", ("what",)),
    Kind("target_group", "target_groups.yaml", "doelgroepen", _("Doelgroepen"), "databank", ("what",)),
    Kind(
        "recognition_level", "recognition_levels.yaml", "erkenningsniveaus", _("Erkenningsniveaus"),
        "databank", ("what",),
    ),
    Kind(
        "recognition_scheme", "recognition_schemes.yaml", "erkenningsregelingen", _("Erkenningsregelingen"),
        "databank", ("what",),
    ),
]

BY_CODE = {kind.code: kind for kind in KINDS}
BY_SLUG = {kind.slug: kind for kind in KINDS}
