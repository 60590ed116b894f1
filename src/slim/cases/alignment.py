"""Whether the approaches in a case fit the client's logic, stored where the dashboards need it.

The policy dashboards compare contacts that flowed or stalled, and dropout, for
approaches that match or clash with how the client sees themself (slim.md §1,
§3.4). Working that out per request over a million contacts is too slow, so the
answer is stored when something changes:

- a contact keeps the alignment of its professional at the moment it was
  recorded: that is the approach the conversation actually met;
- an open case keeps its current alignment, refreshed by the operations that
  change it: an approach (cases.operations.change_approach), a decision
  (matching.operations.decide calls refresh_client, registered in apps.py) and
  reopening; a closed case keeps the alignment it closed with, so dropout is
  compared with the approach that was in place when the client dropped out.

Rule for a set of approaches: 'clash' when any approach differs from the
client's logic in its life domain, 'match' when at least one equals it and none
differs, 'unknown' when nothing can be compared (no decision in that domain, or
no approach). One clash is enough because a clash anywhere is a reason to expect
friction.
"""

from slim.matching.models import Decision

from .models import Alignment, Case, MemberApproach


def compare(approaches, client_logics):
    """approaches: (domain, logic) pairs; client_logics: {domain: logic}. Returns an Alignment value."""
    compared = [client_logics[domain] == logic for domain, logic in approaches if domain in client_logics]
    if not compared:
        return Alignment.UNKNOWN
    return Alignment.MATCH if all(compared) else Alignment.CLASH


def client_logics(client_id):
    """{domain: logic} from the client's current decisions."""
    return dict(Decision.objects.filter(client_id=client_id, is_current=True).values_list("domain", "chosen_logic"))


def member_alignment(case_id, user_id, client_id):
    """The alignment of one professional's approaches in a case of this client, now."""
    approaches = MemberApproach.objects.filter(case_id=case_id, user_id=user_id).values_list("domain", "logic")
    return compare(approaches, client_logics(client_id))


def case_alignment(case_id, client_id):
    """The alignment of all approaches in a case, now."""
    approaches = MemberApproach.objects.filter(case_id=case_id).values_list("domain", "logic")
    return compare(approaches, client_logics(client_id))


def _store(case_id, client_id):
    alignment = case_alignment(case_id, client_id)
    Case.objects.filter(pk=case_id).exclude(alignment=alignment).update(alignment=alignment)


def refresh_case(case_id):
    """Recompute the stored alignment of an open case; closed cases keep theirs."""
    client_id = Case.objects.filter(pk=case_id, status=Case.Status.OPEN).values_list("client_id", flat=True).first()
    if client_id is not None:
        _store(case_id, client_id)


def refresh_client(client_id):
    """After a new decision: the client's open case (there is at most one) may now match or clash."""
    for case_id in Case.objects.filter(client_id=client_id, status=Case.Status.OPEN).values_list("pk", flat=True):
        _store(case_id, client_id)
