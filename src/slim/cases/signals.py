"""Keep the stored case alignment current when a decision or an approach changes (see alignment.py).

Signals rather than calls in the views, so that every path that changes these
rows (the plan page, the intake decision, the admin, the demo data) is covered.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from slim.matching.models import Decision, current_logic_changed

from .alignment import refresh_case, refresh_client
from .models import MemberApproach


@receiver(current_logic_changed, sender=Decision, dispatch_uid="cases_alignment_decision")
def decision_saved(sender, client_id, **kwargs):
    refresh_client(client_id)


@receiver([post_save, post_delete], sender=MemberApproach, dispatch_uid="cases_alignment_approach")
def approach_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        refresh_case(instance.case_id)
