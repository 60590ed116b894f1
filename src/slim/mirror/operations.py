"""The changes of the team mirror (rounds, answers, focus elements, actions), each in one transaction.

The mirror keeps no event log of its own: the rows carry who did what and when.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import Action, FocusElement, Round, Score


def open_round(team, actor, title):
    """IntegrityError when a round is already open."""
    with transaction.atomic():
        return Round.objects.create(team=team, title=title.strip(), opened_by=actor)


def save_answers(round, member, answers):
    """A member's scores ({element: (current, importance, remark) or None}); False when the round closed meanwhile."""
    with transaction.atomic():
        # Lock the round so a lead closing it at this moment cannot slip in between check and save.
        if not Round.objects.select_for_update().get(pk=round.pk).is_open:
            return False
        for element, answer in answers.items():
            if answer is None:
                Score.objects.filter(round=round, member=member, element=element).delete()
            else:
                current, importance, remark = answer
                Score.objects.update_or_create(
                    round=round, member=member, element=element,
                    defaults={"current": current, "importance": importance, "remark": remark},
                )
    return True


def close_round(round):
    if round.is_open:
        round.closed_at = timezone.now()
        round.save(update_fields=["closed_at"])


def reopen_round(round):
    """Open a closed round again; False when another round of the team is open (one open round per team)."""
    try:
        with transaction.atomic():
            Round.objects.filter(pk=round.pk).update(closed_at=None)
    except IntegrityError:
        return False
    round.closed_at = None
    return True


def choose_focus(round, actor, element):
    """IntegrityError when it is already a focus element of this round."""
    with transaction.atomic():
        return FocusElement.objects.create(team=round.team, round=round, element=element, chosen_by=actor)


def drop_focus(round, element):
    """True when it was a focus element; the actions recorded for it stay."""
    deleted, _details = round.focus_elements.filter(element=element).delete()
    return bool(deleted)


def add_action(team, actor, element, description, owner, due_date):
    return Action.objects.create(
        team=team, element=element, description=description, owner=owner, due_date=due_date, created_by=actor
    )


def set_action_status(action, status):
    action.status = status
    action.save(update_fields=["status"])
    return action
