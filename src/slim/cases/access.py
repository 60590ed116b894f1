"""Who may see and do what with clients and cases: the one place for these rules.

- A professional or team lead sees the clients they registered, and everyone sees the
  cases they are a member of (within the rules below).
- Members from the casusregisseur's organisation (the home team) see the whole case.
  A partner (a member from another organisation) sees only the categories that are
  consented to for their organisation; without any active consent, nothing at all.
- A team lead sees the cases whose casusregisseur works in the team lead's organisation.
- Policy makers and admins see no client unless they are a case member; auditors see none.

Which role may do which of these is decided by its capabilities (slim.accounts.capabilities);
the rules here add what depends on the case itself.

Every rule is one condition built by _rule, used by the lists (_cases_with) and by the one
query of case_or_404 alike, so they cannot drift apart. Whatever is not visible is a 404.
"""

from django.db.models import BooleanField, Exists, ExpressionWrapper, F, FilteredRelation, OuterRef, Q
from django.http import Http404

from slim.accounts.capabilities import CASES_OVERSEE_ORGANISATION, CASES_TAKE_PART, has
from slim.clients.models import visible_clients  # noqa: F401  (the rule lives in slim.clients)
from slim.clients.visibility import can_register_clients

from .models import Case, CaseMember, CaseRole, Category, Consent

NOTHING = Q(pk__in=[])


# What case_or_404 reads along with the case, so the checks below ask the database once per request.
FACTS = {Category.PLAN: "sees_plan", Category.CONTACTS: "sees_contacts", Category.MATCHING: "sees_matching"}
# The alias that holds "the user's organisation has an active consent covering this category" (None: any).
CONSENT = {None: "consent_any", **{category: f"consent_{category.value}" for category in Category}}


def _with_rule_facts(cases, user, categories):
    """`cases` with what the rule reads per case, each once: the user's role in the case (None: not a
    member) and the casusregisseur's organisation, as joins on the unique membership rows (a user is a
    member once at most, a case has one casusregisseur), and per category in `categories` whether the
    user's organisation has an active consent that covers it."""
    cases = cases.annotate(
        _own=FilteredRelation("members", condition=Q(members__user=user)),
        _director=FilteredRelation("members", condition=Q(members__role=CaseRole.DIRECTOR)),
    ).alias(member_role=F("_own__role"), director_org=F("_director__user__organisation"))
    if user.organisation:
        consents = {}
        for category in categories:
            covered = list(Category) if category is None else [category, Category.ALL]
            active = Consent.objects.active().filter(case=OuterRef("pk"), organisation=user.organisation, category__in=covered)
            consents[CONSENT[category]] = Exists(active)
        cases = cases.alias(**consents)
    return cases


def _rule(user, category=None):
    """The condition under which `user` may see `category` (None: at least something) of a case, as a Q
    on cases from _with_rule_facts. The one rule behind both the lists and the single checks."""
    same_org = Q(director_org=user.organisation) if user.organisation else NOTHING
    consent = Q(**{CONSENT[category]: True}) if user.organisation else NOTHING
    rule = Q(member_role=CaseRole.DIRECTOR) | (Q(member_role__isnull=False) & (same_org | consent))
    if has(user, CASES_OVERSEE_ORGANISATION):
        rule |= same_org
    return rule


def _cases_with(user, category=None):
    """The cases in which `user` may see `category` (None: at least something)."""
    if not has(user, CASES_TAKE_PART):
        return Case.objects.none()
    return _with_rule_facts(Case.objects.all(), user, [category]).filter(_rule(user, category))


def _visible_with_facts(user):
    """The cases `user` sees, each with the facts of FACTS and the user's role: the same rule per
    category, on the facts of the row already read instead of in subqueries of its own."""
    if not has(user, CASES_TAKE_PART):
        return Case.objects.none()
    cases = _with_rule_facts(Case.objects.all(), user, [None, *FACTS]).filter(_rule(user))
    facts = {f"_access_{name}": ExpressionWrapper(_rule(user, category), output_field=BooleanField()) for category, name in FACTS.items()}
    return cases.annotate(_access_role=F("member_role"), **facts)


def _read_for(user, case):
    """Did case_or_404 read this case for this user, with the facts above? (Else they are asked.)"""
    return getattr(case, "_access_user", None) == user.pk


def partner_organisations(case):
    """Organisations of the members that are partners: not the casusregisseur's organisation."""
    director = case.director
    home = director.organisation if director else ""
    organisations = {member.user.organisation for member in case.team()}
    return sorted(organisation for organisation in organisations if organisation and organisation != home)


def visible_cases(user):
    return _cases_with(user)


def clients_in_cases(user):
    """The clients visible to `user` through a case (added to slim.clients' rule at start-up)."""
    return Q(pk__in=_cases_with(user, Category.MATCHING).values("client"))


def can_see(user, case, category):
    if category in FACTS and _read_for(user, case):
        return getattr(case, f"_access_{FACTS[category]}")
    return _cases_with(user, category).filter(pk=case.pk).exists()


def visible_categories(user, case):
    """The categories of `case` the user may see, for showing or hiding parts of a page."""
    parts = (Category.PLAN, Category.CONTACTS, Category.MATCHING)
    return {category for category in parts if can_see(user, case, category)}


def is_member(user, case):
    if not user.is_authenticated:
        return False
    if _read_for(user, case):
        return case._access_role is not None
    return case.members.filter(user=user).exists()


def is_case_director(user, case):
    if not user.is_authenticated:
        return False
    if _read_for(user, case):
        return case._access_role == CaseRole.DIRECTOR
    return case.members.filter(user=user, role=CaseRole.DIRECTOR).exists()


def can_open_cases(user):
    return can_register_clients(user)


def can_edit_plan(user, case):
    return case.is_open and is_member(user, case) and can_see(user, case, Category.PLAN)


def can_log_contact(user, case):
    return case.is_open and is_member(user, case) and can_see(user, case, Category.CONTACTS)


def case_or_404(user, case_id, category=None):
    """The case if the user may see it (and `category` of it), else a 404 that reveals nothing."""
    if not user.is_authenticated:
        raise Http404
    case = _visible_with_facts(user).select_related("client").filter(pk=case_id).first()
    if case is None:
        raise Http404
    case._access_user = user.pk
    if category and not can_see(user, case, category):
        raise Http404
    return case


def director_manages(user, client):
    """Registered with slim.clients.visibility: once a client has a case, only its casusregisseur manages the client."""
    if not client.cases.exists():
        return None
    return has(user, CASES_TAKE_PART) and CaseMember.objects.filter(
        case__client=client, user=user, role=CaseRole.DIRECTOR
    ).exists()
