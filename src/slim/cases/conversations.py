"""What the contact log says: the suggested next conversation and how conversations went lately."""

from dataclasses import dataclass

from slim.core import next_conversation
from slim.core.knowledge import conversation_title
from slim.matching.models import Decision

from .models import StallReason

# How many recent contacts the trends look at: enough to see a pattern, recent enough to matter.
TREND_WINDOW = 20

# 'Anders' has no return rule of its own; the engine then re-reads the client (conversation 2).
ENGINE_STALL_REASON = {StallReason.AGREEMENTS: "afspraken", StallReason.OTHER_WISH: "andere_wens"}


UNREAD = object()


def suggestion(case, last=UNREAD):
    """The engine's suggestion for the next conversation, from the overarching strategy and the last contact
    (pass `last` when the caller has already read it; None for no contact yet)."""
    if last is UNREAD:
        last = case.contacts.first()
    return next_conversation(
        case.strategy or None,
        has_shared_goal=bool(case.shared_goal),
        last_flowed=last.flowed if last else None,
        stall_reason=ENGINE_STALL_REASON.get(last.stall_reason) if last else None,
        needs_arranging=case.actions.filter(done_on__isnull=True).exists(),
    )


def domain_suggestions(case, recent):
    """[(domain, logic, NextConversation)] for each domain with a current decision: the next conversation from that
    domain's logic and the last recent contact that discussed the domain (`recent`: contacts, newest first)."""
    result = []
    for decision in Decision.objects.filter(client_id=case.client_id, is_current=True).order_by("domain"):
        last = next((contact for contact in recent if decision.domain in (contact.domains or [])), None)
        result.append((decision.domain, decision.chosen_logic, next_conversation(
            decision.chosen_logic, has_shared_goal=bool(case.shared_goal),
            last_flowed=last.flowed if last else None,
            stall_reason=ENGINE_STALL_REASON.get(last.stall_reason) if last else None,
        )))
    return result


@dataclass(frozen=True)
class Trend:
    title: object  # a Text, or a plain label for the total row
    total: int
    flowed: int

    @property
    def stalled(self):
        return self.total - self.flowed

    @property
    def share_flowed(self):
        return self.flowed / self.total if self.total else 0


def trends(case, window=TREND_WINDOW, recent=None):
    """(all recent contacts, one row per conversation type that occurred), over the last `window` contacts
    (pass `recent`, newest first, when the caller has already read them)."""
    recent = list(case.contacts.all()[:window]) if recent is None else recent[:window]
    per_type = []
    for number in sorted({contact.conversation_type for contact in recent}):
        of_type = [contact for contact in recent if contact.conversation_type == number]
        per_type.append(Trend(conversation_title(number), len(of_type), sum(c.flowed for c in of_type)))
    return Trend(None, len(recent), sum(c.flowed for c in recent)), per_type
