"""The two printable documents of a case, built once and shown as a web page or as a PDF.

- The casusverhaal (slim.md §7.4) is how the casusregisseur 'sells' the shared strategy to
  the partners: who the client is in their own words, the goal, the strategy and what each
  professional is asked to do.
- The client's own plan is written at language level B1: short sentences, always 'je', and
  only what we do, who helps and when.
"""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from slim.core import Logic
from slim.core.knowledge import logic_definitions
from slim.ui.templatetags.slim_text import loc
from slim.ui.templatetags.matching_tags import domain_name, logic_name

from .forms import person_label
from .models import CaseRole


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Document:
    title: str
    intro: list[str]
    sections: list[Section]
    filename: str


def _day(value):
    return date_format(value, "j F Y") if value else ""


def _members(case):
    return list(case.members.select_related("user"))


def _reach(user):
    """ "bel 06 …, mail naam@…" from the professional's own profile, or nothing."""
    ways = []
    if user.contact_phone:
        ways.append(_("bel %(phone)s") % {"phone": user.contact_phone})
    if user.contact_email:
        ways.append(_("mail %(email)s") % {"email": user.contact_email})
    return " " + _("Je bereikt deze persoon zo: %(ways)s.") % {"ways": ", ".join(ways)} if ways else ""


def client_plan(case):
    """The plan for the client, in B1 Dutch: what I do myself, who helps me and how to reach them, the next appointment."""
    actions = list(case.actions.select_related("owner"))
    open_actions = [action for action in actions if action.done_on is None]
    done_actions = [action for action in actions if action.done_on is not None]
    own = [action for action in open_actions if action.owner_kind != action.OwnerKind.PROFESSIONAL]
    others = [action for action in open_actions if action.owner_kind == action.OwnerKind.PROFESSIONAL]
    roles = {
        CaseRole.DIRECTOR: _("%(person)s. Dit is je vaste contactpersoon."),
        CaseRole.PROCESS: _("%(person)s. Deze persoon zorgt dat alle hulp goed samenwerkt."),
        CaseRole.MEMBER: _("%(person)s. Deze persoon helpt je ook."),
    }
    helpers = [roles[member.role] % {"person": person_label(member.user)} + _reach(member.user) for member in _members(case)]
    director = case.director

    def own_item(action):
        values = {"what": action.description.rstrip("."), "when": _day(action.due_on), "who": action.owner_name}
        if action.owner_kind == action.OwnerKind.NETWORK:
            if not action.due_on:
                return _("%(what)s. Samen met %(who)s.") % values
            return _("%(what)s. Samen met %(who)s. Klaar op %(when)s.") % values
        if not action.due_on:
            return _("%(what)s.") % values
        return _("%(what)s. Klaar op %(when)s.") % values

    sections = [
        Section(_("Wat wil je bereiken?"), [case.shared_goal or _("Dit spreken we nog samen af.")]),
        Section(
            _("Waar werken we aan?"),
            items=[f"{domain_name(goal.domain)}: {goal.text}" for goal in case.domain_goals.all()]
            or [_("Dit spreken we nog samen af.")],
        ),
        Section(_("Wat doe ik zelf?"), items=[own_item(action) for action in own] or [_("Dit spreken we nog samen af.")]),
        Section(
            _("Wat doen anderen? En wanneer?"),
            items=[
                (_("%(who)s: %(what)s. Klaar op %(when)s.") if action.due_on else _("%(who)s: %(what)s."))
                % {"who": action.owner_label, "what": action.description.rstrip("."), "when": _day(action.due_on)}
                for action in others
            ]
            or [_("Er staat nu niets op de lijst.")],
        ),
        Section(_("Wie helpt mij?"), items=helpers),
    ]
    if case.next_appointment_on:
        with_whom = case.next_appointment_with or director
        sections.append(
            Section(
                _("Wanneer is de volgende afspraak?"),
                [_("Op %(date)s, met %(person)s.") % {"date": _day(case.next_appointment_on), "person": person_label(with_whom)}],
            )
        )
    if done_actions:
        sections.append(
            Section(
                _("Wat is al klaar?"),
                items=[
                    _("%(what)s. Klaar op %(when)s.") % {"what": action.description.rstrip("."), "when": _day(action.done_on)}
                    for action in done_actions
                ],
            )
        )
    sections.append(
        Section(
            _("Heb je een vraag?"),
            [_("Klopt er iets niet? Of wil je iets anders? Zeg het tegen %(name)s.") % {"name": director}],
        )
    )
    return Document(
        title=_("Jouw plan"),
        intro=[
            _("Dit plan is voor %(name)s.") % {"name": str(case.client).rstrip(".")},
            _("We hebben het samen gemaakt. Het is van %(date)s.") % {"date": _day(timezone.localdate())},
        ],
        sections=sections,
        filename=f"plan-{case.pk}.pdf",
    )


def case_story(case):
    """The casusverhaal for partners."""
    sections = [
        Section(_("Wie is de cliënt? In eigen woorden"), [case.client_words or _("Nog niet beschreven.")]),
        Section(_("Gezamenlijk doel"), [case.shared_goal or _("Nog niet afgesproken.")]),
    ]
    if case.strategy:
        strategy = [f"{logic_name(case.strategy)}: {loc(logic_definitions()[Logic(case.strategy)]['summary'])}"]
    else:
        strategy = [_("De casusregisseur heeft nog geen overkoepelende strategie gekozen.")]
    sections.append(Section(_("Overkoepelende strategie"), strategy))
    sections.append(
        Section(
            _("Doelen per leefgebied"),
            items=[f"{domain_name(goal.domain)}: {goal.text}" for goal in case.domain_goals.all()] or [_("Nog geen doelen.")],
        )
    )
    approaches = list(case.approaches.all())
    open_actions = list(case.actions.filter(done_on__isnull=True))
    for member in _members(case):
        items = [
            _("Werkt bij %(domain)s vanuit %(logic)s.")
            % {"domain": domain_name(approach.domain), "logic": logic_name(approach.logic)}
            for approach in approaches
            if approach.user_id == member.user_id
        ] + [
            (_("%(what)s (klaar op %(when)s)") if action.due_on else "%(what)s")
            % {"what": action.description, "when": _day(action.due_on)}
            for action in open_actions
            if action.owner_id == member.user_id
        ]
        sections.append(
            Section(
                _("Gevraagd van %(person)s, %(role)s")
                % {"person": person_label(member.user), "role": member.get_role_display()},
                items=items or [_("Nog geen aanpak of acties vastgelegd.")],
            )
        )
    return Document(
        title=_("Casusverhaal: %(name)s") % {"name": case.client},
        intro=[
            _("Casusregisseur en eerste aanspreekpunt: %(person)s.") % {"person": person_label(case.director)},
            _("Stand van %(date)s.") % {"date": _day(timezone.localdate())},
        ],
        sections=sections,
        filename=f"casusverhaal-{case.pk}.pdf",
    )
