"""Every change of a case, each with its event, in one transaction.

The views parse input, call one of these and render; the demo data goes through
them too. An event stores what happened as data (kind, ids, codes, dates) plus
the free text a person typed (a goal, a reason, a description) in `detail`; it is
put into words when it is shown, in the reader's language (events.py).
"""

from django.db import transaction
from django.utils import timezone

from slim.clients.operations import register_client

from .alignment import case_alignment, member_alignment, refresh_case
from .locking import plan_change
from .models import Action, Case, CaseMember, CaseRole, Consent, Contact, ContactTally, DomainGoal, Event, EventKind, MemberApproach


def _day(value):
    return value.isoformat() if value else None


def open_case(actor, shared_goal, client=None, client_name="", bsn=""):
    """A new case (and a new client when none is given); the opener leads it. IntegrityError: already an open case."""
    with transaction.atomic():
        client = client or register_client(client_name, actor, bsn=bsn)
        case = Case.objects.create(client=client, shared_goal=shared_goal, created_by=actor)
        # The creator leads: case and casusregisseur come into being together or not at all.
        CaseMember.objects.create(case=case, user=actor, role=CaseRole.DIRECTOR, added_by=actor)
        Event.record(case, EventKind.CREATED, actor, shared_goal)
    return case


def add_member(case, actor, user, role):
    with transaction.atomic():
        member = CaseMember.objects.create(case=case, user=user, role=role, added_by=actor)
        Event.record(case, EventKind.MEMBER_ADDED, actor, data={"user": user.pk, "role": role})
    case.forget_team()
    return member


def change_role(case, actor, member, role):
    with transaction.atomic():
        # Lock the case so two role changes cannot interleave; then the regie roles move in one go:
        # the old holder steps down before the new one steps up, so there is always exactly one casusregisseur.
        Case.objects.select_for_update().get(pk=case.pk)
        if role in (CaseRole.DIRECTOR, CaseRole.PROCESS):
            case.members.filter(role=role).exclude(pk=member.pk).update(role=CaseRole.MEMBER)
        member.role = role
        member.save(update_fields=["role"])
        Event.record(case, EventKind.ROLE_CHANGED, actor, data={"user": member.user_id, "role": role})
    case.forget_team()
    return member


def give_consent(case, actor, organisation, category, basis, given_on, legal_ground=""):
    """IntegrityError when this organisation already has this consent."""
    with transaction.atomic():
        consent = Consent.objects.create(
            case=case, organisation=organisation, category=category, basis=basis, legal_ground=legal_ground,
            given_on=given_on, recorded_by=actor,
        )
        data = {"consent": consent.pk, "organisation": organisation, "category": category, "basis": basis,
                "legal_ground": legal_ground, "given_on": _day(given_on)}
        Event.record(case, EventKind.CONSENT_GIVEN, actor, data=data)
    return consent


def withdraw_consent(case, actor, consent, withdrawn_on):
    """Withdrawing is recorded on the consent itself; the record stays. False when it was already withdrawn."""
    with transaction.atomic():
        updated = case.consents.active().filter(pk=consent.pk).update(
            withdrawn_on=withdrawn_on, withdrawn_by=actor, withdrawn_at=timezone.now()
        )
        if updated:
            data = {"consent": consent.pk, "organisation": consent.organisation, "category": consent.category,
                    "withdrawn_on": _day(withdrawn_on)}
            Event.record(case, EventKind.CONSENT_WITHDRAWN, actor, data=data)
    return bool(updated)


def change_goal(case, actor, version, **fields):
    """The shared goal, the client's words and the strategy. False when nothing changed; PlanConflict on a stale version."""
    old = (case.shared_goal, case.client_words, case.strategy)
    if all(getattr(case, name) == value for name, value in fields.items()):
        return False
    with plan_change(case, version, **fields):
        if (case.shared_goal, case.client_words) != old[:2]:
            Event.record(case, EventKind.GOAL, actor, case.shared_goal)
        if case.strategy != old[2]:
            Event.record(case, EventKind.STRATEGY, actor, data={"logic": case.strategy})
    return True


def change_domain_goals(case, actor, version, changes):
    """changes: (domain, text) pairs; an empty text removes the goal."""
    if not changes:
        return False
    with plan_change(case, version):
        for domain, text in changes:
            if text:
                DomainGoal.objects.update_or_create(case=case, domain=domain, defaults={"text": text})
            else:
                case.domain_goals.filter(domain=domain).delete()
            Event.record(case, EventKind.DOMAIN_GOAL, actor, text, data={"domain": domain})
    return True


def change_approach(case, actor, version, user, domain, logic):
    """The logic `user` works from in `domain` (empty: none); keeps the stored case alignment current."""
    with plan_change(case, version):
        if logic:
            MemberApproach.objects.update_or_create(case=case, user=user, domain=domain, defaults={"logic": logic})
        else:
            case.approaches.filter(user=user, domain=domain).delete()
        refresh_case(case.pk)
        Event.record(case, EventKind.APPROACH, actor, data={"user": user.pk, "domain": domain, "logic": logic})
    return True


def add_action(case, actor, version, description, owner, due_on, domain="", *, owner_kind="", owner_name="",
               logic="", intervention=None):
    """One plan action. The owner is a professional (`owner`), the client (`owner_kind="client"`) or someone from
    the client's own network (`owner_kind="netwerk"`, `owner_name`); `logic` and `intervention` link it to the advice."""
    owner_kind = owner_kind or (Action.OwnerKind.PROFESSIONAL if owner is not None else Action.OwnerKind.CLIENT)
    if owner_kind != Action.OwnerKind.PROFESSIONAL:
        owner = None
    if owner_kind != Action.OwnerKind.NETWORK:
        owner_name = ""
    with plan_change(case, version):
        action = Action.objects.create(
            case=case, description=description, domain=domain, owner=owner, owner_kind=owner_kind,
            owner_name=owner_name, logic=logic, intervention=intervention, due_on=due_on, created_by=actor,
        )
        data = {"action": action.pk, "owner": owner.pk if owner else None, "owner_kind": owner_kind, "due_on": _day(due_on)}
        if owner_name:
            data["owner_name"] = owner_name
        if domain:
            data["domain"] = domain
        if logic:
            data["logic"] = logic
        if intervention is not None:
            data["intervention"] = intervention.slug
        Event.record(case, EventKind.ACTION_ADDED, actor, description, data=data)
    return action


def complete_action(case, actor, version, action):
    with plan_change(case, version):
        action.done_on = timezone.localdate()
        action.save(update_fields=["done_on"])
        Event.record(case, EventKind.ACTION_DONE, actor, action.description, data={"action": action.pk})
    return action


def log_contact(case, actor, user, held_on, conversation_type, flowed, stall_reason="", note="", domains=(),
                next_appointment_on=None):
    """One conversation, with the alignment of `user`'s approach now and the dashboard tally of the client;
    `next_appointment_on` (optional) becomes the case's next appointment with `user`."""
    with transaction.atomic():
        contact = Contact.objects.create(
            case=case, held_on=held_on, user=user, conversation_type=conversation_type, flowed=flowed,
            stall_reason=stall_reason, note=note, domains=list(domains), recorded_by=actor,
            # The approach this conversation actually met: the dashboards compare flow per alignment.
            alignment=member_alignment(case.pk, user.pk, case.client_id),
        )
        # Kept beside the snapshot because the figures need it: the contacts query of the dashboards
        # goes from 17 ms to 332 ms at 1M contacts without this tally (docs/architecture.md).
        ContactTally.add(case.client_id, contact)
        data = {"contact": contact.pk, "conversation_type": conversation_type, "flowed": flowed, "stall_reason": stall_reason}
        if domains:
            data["domains"] = list(domains)
        if next_appointment_on:
            case.next_appointment_on, case.next_appointment_with = next_appointment_on, user
            case.save(update_fields=["next_appointment_on", "next_appointment_with"])
            data["next_appointment_on"] = _day(next_appointment_on)
        Event.record(case, EventKind.CONTACT, actor, data=data)
    return contact


def client_action_update(case, action, done, note, issued_by):
    """The client, in Mijn plan, marks an action they own done and/or adds a note to it.

    The client has no user account, so the event's actor is the professional who issued the client's
    access code, and data.by = "client" says who really did it."""
    with transaction.atomic():
        if done and not action.done_on:
            action.done_on = timezone.localdate()
            action.save(update_fields=["done_on"])
            Event.record(case, EventKind.ACTION_DONE, issued_by, action.description, data={"action": action.pk, "by": "client"})
        if note:
            Event.record(case, EventKind.CLIENT_NOTE, issued_by, note, data={"action": action.pk, "by": "client"})
    return action


def record_views_discussed(case, actor):
    """The contact log notes that the client's own view and the professional's were discussed (issue 16)."""
    with transaction.atomic():
        return Event.record(case, EventKind.VIEWS_DISCUSSED, actor, data={"on": timezone.localdate().isoformat()})


def set_status(case, actor, closing, reason, outcome=""):
    """Close an open case or reopen a closed one, always with a reason. IntegrityError: another open case."""
    with transaction.atomic():
        case.status = Case.Status.CLOSED if closing else Case.Status.OPEN
        case.outcome = outcome if closing else ""
        # While open the alignment follows the approaches and decisions; closing freezes the one of this moment.
        case.alignment = case_alignment(case.pk, case.client_id)
        case.save(update_fields=["status", "outcome", "alignment"])
        Event.record(case, EventKind.CLOSED if closing else EventKind.REOPENED, actor, reason, data={"outcome": case.outcome})
    return case
