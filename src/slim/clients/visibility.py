"""Who may see which client: the one rule, open to the apps above that give access.

Who registers clients sees the ones they registered. Apps higher up (cases) add
their own grounds with add_rule at start-up, so this app never imports them.
"""

from django.db.models import Q

from slim.accounts.capabilities import CLIENTS_REGISTER, has

NOTHING = Q(pk__in=[])
_rules = []


def add_rule(rule):
    """`rule(user)` returns a Q on Client for the clients `user` may see on that ground."""
    if rule not in _rules:
        _rules.append(rule)


_manager_rules = []


def add_manager_rule(rule):
    """`rule(user, client)` returns True or False when it decides who manages the client, None when not."""
    if rule not in _manager_rules:
        _manager_rules.append(rule)


def may_manage(user, client):
    """Who may export or anonymise a client, and read its audit trail.

    The registering professional, unless an app above decides (cases: once the client has a
    case, its casusregisseur).
    """
    for rule in _manager_rules:
        verdict = rule(user, client)
        if verdict is not None:
            return verdict
    return can_register_clients(user) and client.created_by_id == user.pk


def can_register_clients(user):
    """The one rule for registering a client, on every path: the client list of matching and
    opening a case (which may register a new client, and makes its opener casusregisseur)."""
    return has(user, CLIENTS_REGISTER)


def visibility_rule(user):
    """A Q on Client for what `user` may open, or None for an anonymous user."""
    if not user.is_authenticated:
        return None
    grounds = [extra(user) for extra in _rules]
    if can_register_clients(user):  # who registers clients sees the ones they registered, without a case
        grounds.append(Q(created_by=user))
    if not grounds:
        return NOTHING
    rule = grounds[0]
    for ground in grounds[1:]:
        rule |= ground
    return rule
