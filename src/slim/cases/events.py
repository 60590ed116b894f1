"""Put case events into words, in the language of whoever reads them.

An event keeps what happened as data (operations.py writes it); the sentence is
made here, when it is shown. Events from before there was data keep the text they
were written with (`detail`), which is shown as it is.
"""

import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from slim.accounts.models import User
from slim.ui.templatetags.matching_tags import conversation_name, domain_name, logic_name

from .forms import person_label
from .models import CaseRole, Category, Consent, EventKind, StallReason


def _date(value):
    """A stored ISO date in the reader's language: "7 december 2026"."""
    return date_format(datetime.date.fromisoformat(value), "j F Y") if value else ""


def _label(choices, value):
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def describe_all(events):
    """{event.pk: text} for these events, reading the people they name in one query."""
    events = list(events)
    ids = {event.data.get(key) for event in events for key in ("user", "owner") if event.data.get(key)}
    people = {user.pk: user for user in User.objects.filter(pk__in=ids)} if ids else {}
    return {event.pk: describe(event, people) for event in events}


def describe(event, people=None):
    data = event.data or {}
    if not data:
        return event.detail
    people = people if people is not None else {}

    def person(key, label=person_label):
        user = people.get(data.get(key)) or User.objects.filter(pk=data.get(key)).first()
        return label(user) if user else "?"

    kind = event.kind
    if kind in (EventKind.MEMBER_ADDED, EventKind.ROLE_CHANGED):
        return f"{person('user')}: {_label(CaseRole, data['role'])}"
    if kind == EventKind.CONSENT_GIVEN:
        ground = f" ({data['legal_ground']})" if data.get("legal_ground") else ""
        return (
            f"{data['organisation']}: {_label(Category, data['category'])}; "
            f"{_label(Consent.Basis, data['basis'])}{ground}; {_date(data['given_on'])}"
        )
    if kind == EventKind.CONSENT_WITHDRAWN:
        return f"{data['organisation']}: {_label(Category, data['category'])}; {_date(data['withdrawn_on'])}"
    if kind == EventKind.STRATEGY:
        return logic_name(data["logic"]) if data.get("logic") else _("geen")
    if kind == EventKind.DOMAIN_GOAL:
        return f"{domain_name(data['domain'])}: {event.detail or _('geen doel meer')}"
    if kind == EventKind.APPROACH:
        logic = logic_name(data["logic"]) if data.get("logic") else _("geen")
        return f"{person('user')}, {domain_name(data['domain'])}: {logic}"
    if kind == EventKind.ACTION_ADDED:
        kind_ = data.get("owner_kind", "professional")
        who = (_("de cliënt zelf") if kind_ == "client" else data.get("owner_name", "?") if kind_ == "netwerk"
               else person("owner", str))
        due = _date(data.get("due_on"))
        return f"{event.detail} – {who}" + (f", {due}" if due else "")
    if kind == EventKind.CONTACT:
        reason = {"reason": _label(StallReason, data.get("stall_reason", ""))}
        how = _("stroomde") if data.get("flowed") else _("haperde: %(reason)s") % reason
        return f"{conversation_name(data['conversation_type'])} – {how}"
    if kind == EventKind.CLIENT_NOTE:
        return _("de cliënt schrijft: %(note)s") % {"note": event.detail}
    if kind == EventKind.ACTION_DONE and data.get("by") == "client":
        return _("%(action)s (afgevinkt door de cliënt)") % {"action": event.detail}
    if kind == EventKind.VIEWS_DISCUSSED:
        return _("zelfbeeld van de cliënt en besluit van de professional naast elkaar besproken")
    return event.detail
