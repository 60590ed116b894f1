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

Every rule is one query built by _cases_with, so lists and single checks cannot drift
apart. Whatever is not visible is a 404 for the views.
"""

from django.db.models import Exists, OuterRef, Q, Subquery
from django.http import Http404

from slim.accounts.capabilities import CASES_OVERSEE_ORGANISATION, CASES_TAKE_PART, has
from slim.clients.models import visible_clients  # noqa: F401  (the rule lives in slim.clients)
from slim.clients.visibility import can_register_clients

from .models import Case, CaseMember, CaseRole, Category, Consent

NOTHING = Q(pk__in=[])


def _cases_with(user, category=None):
    """The cases in which `user` may see `category` (None: at least something)."""
    if not has(user, CASES_TAKE_PART):
        return Case.objects.none()
    director_org = Subquery(
        CaseMember.objects.filter(case=OuterRef("pk"), role=CaseRole.DIRECTOR).values("user__organisation")[:1]
    )
    membership = CaseMember.objects.filter(case=OuterRef("pk"), user=user)
    same_org = Q(director_org=user.organisation) if user.organisation else NOTHING
    categories = list(Category) if category is None else [category, Category.ALL]
    consents = Consent.objects.active().filter(case=OuterRef("pk"), organisation=user.organisation, category__in=categories)
    consent = Q(Exists(consents)) if user.organisation else NOTHING
    rule = Q(Exists(membership.filter(role=CaseRole.DIRECTOR))) | (Q(Exists(membership)) & (same_org | consent))
    if has(user, CASES_OVERSEE_ORGANISATION):
        rule |= same_org
    return Case.objects.annotate(director_org=director_org).filter(rule)


# What case_or_404 reads along with the case, so the checks below ask the database once per request.
FACTS = {Category.PLAN: "sees_plan", Category.CONTACTS: "sees_contacts", Category.MATCHING: "sees_matching"}


def _with_facts(cases, user):
    membership = CaseMember.objects.filter(case=OuterRef("pk"), user=user)
    facts = {"is_member": Exists(membership), "is_director": Exists(membership.filter(role=CaseRole.DIRECTOR))}
    for category, name in FACTS.items():
        facts[name] = Exists(_cases_with(user, category).filter(pk=OuterRef("pk")))
    return cases.annotate(**{f"_access_{name}": fact for name, fact in facts.items()})


def _known(user, case, name):
    """A fact read by case_or_404 for this user, or None when the case was read some other way."""
    if name and getattr(case, "_access_user", None) == user.pk:
        return getattr(case, f"_access_{name}")
    return None


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
    known = _known(user, case, FACTS.get(category))
    return known if known is not None else _cases_with(user, category).filter(pk=case.pk).exists()


def visible_categories(user, case):
    """The categories of `case` the user may see, for showing or hiding parts of a page."""
    parts = (Category.PLAN, Category.CONTACTS, Category.MATCHING)
    return {category for category in parts if can_see(user, case, category)}


def is_member(user, case):
    if not user.is_authenticated:
        return False
    known = _known(user, case, "is_member")
    return known if known is not None else case.members.filter(user=user).exists()


def is_case_director(user, case):
    if not user.is_authenticated:
        return False
    known = _known(user, case, "is_director")
    return known if known is not None else case.members.filter(user=user, role=CaseRole.DIRECTOR).exists()


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
    case = _with_facts(visible_cases(user), user).select_related("client").filter(pk=case_id).first()
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
