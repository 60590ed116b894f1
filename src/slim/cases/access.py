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

The rule is written once (_rule) over a handful of facts per case, and read two ways: as a Q over
the facts as SQL columns (_SqlFacts) for the lists, and as True/False over the facts of one case read
with its team (_CaseFacts) for case_or_404. So the lists and the single checks cannot drift apart,
and opening a case does not pay for compiling the whole rule into SQL (2.3 ms of CPU per page,
against 0.1 ms to run it: bench/README.md). Whatever is not visible is a 404.
"""

from django.db.models import Exists, F, FilteredRelation, OuterRef, Q
from django.http import Http404

from slim.accounts.capabilities import CASES_OVERSEE_ORGANISATION, CASES_TAKE_PART, has
from slim.clients.models import visible_clients  # noqa: F401  (the rule lives in slim.clients)
from slim.clients.visibility import can_register_clients

from .models import Case, CaseMember, CaseRole, Category, Consent

NOTHING = Q(pk__in=[])


# What case_or_404 works out per category, so the checks below ask the database once per request.
FACTS = {Category.PLAN: "sees_plan", Category.CONTACTS: "sees_contacts", Category.MATCHING: "sees_matching"}
# The alias that holds "the user's organisation has an active consent covering this category" (None: any).
CONSENT = {None: "consent_any", **{category: f"consent_{category.value}" for category in Category}}


def _covered(category):
    """The consent categories that cover `category` (None: any category at all)."""
    return list(Category) if category is None else [category, Category.ALL]


class _SqlFacts:
    """The facts as conditions on cases from _with_rule_facts: the rule becomes one Q."""

    no = NOTHING
    director = Q(member_role=CaseRole.DIRECTOR)
    member = Q(member_role__isnull=False)

    @staticmethod
    def director_in(organisation):
        return Q(director_org=organisation)

    @staticmethod
    def consent(category):
        return Q(**{CONSENT[category]: True})


class _Later:
    """A fact read only if the answer depends on it: `True | later` and `False & later` are decided
    without reading (a casusregisseur or a home-team member never waits for the consent query)."""

    def __init__(self, read):
        self._read = read

    def __bool__(self):
        return bool(self._read())

    def __ror__(self, other):
        return True if other else bool(self)

    def __rand__(self, other):
        return bool(self) if other else False

    __or__, __and__ = __ror__, __rand__


class _CaseFacts:
    """The same facts for one case, as True/False: from its team (read once per case; the case pages
    show it too) and, when the answer depends on them, the active consents of the user's
    organisation for it (one small query)."""

    no = False

    def __init__(self, user, case):
        team = case.team()
        own = next((member for member in team if member.user_id == user.pk), None)
        head = next((member for member in team if member.role == CaseRole.DIRECTOR), None)
        self.role = own.role if own else None
        self.director = self.role == CaseRole.DIRECTOR
        self.member = own is not None
        self._director_org = head.user.organisation if head else None
        self._user, self._case, self._consented = user, case, None

    def director_in(self, organisation):
        return self._director_org == organisation

    def _consented_categories(self):
        if self._consented is None:
            consents = Consent.objects.active().filter(case=self._case, organisation=self._user.organisation)
            self._consented = set(consents.values_list("category", flat=True))
        return self._consented

    def consent(self, category):
        return _Later(lambda: not self._consented_categories().isdisjoint(_covered(category)))


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
            active = Consent.objects.active().filter(
                case=OuterRef("pk"), organisation=user.organisation, category__in=_covered(category)
            )
            consents[CONSENT[category]] = Exists(active)
        cases = cases.alias(**consents)
    return cases


def _rule(user, facts, category=None):
    """The one rule: may `user` see `category` (None: at least something) of a case with these facts?
    With _SqlFacts the answer is a Q on cases from _with_rule_facts; with _CaseFacts it is True/False."""
    same_org = facts.director_in(user.organisation) if user.organisation else facts.no
    consent = facts.consent(category) if user.organisation else facts.no
    rule = facts.director | (facts.member & (same_org | consent))
    if has(user, CASES_OVERSEE_ORGANISATION):
        rule = rule | same_org
    return rule


def _cases_with(user, category=None):
    """The cases in which `user` may see `category` (None: at least something)."""
    if not has(user, CASES_TAKE_PART):
        return Case.objects.none()
    return _with_rule_facts(Case.objects.all(), user, [category]).filter(_rule(user, _SqlFacts, category))


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
        return case._access_sees[category]
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
    if not user.is_authenticated or not has(user, CASES_TAKE_PART):
        raise Http404
    case = Case.objects.select_related("client").filter(pk=case_id).first()
    if case is None:
        raise Http404
    facts = _CaseFacts(user, case)
    if not _rule(user, facts):
        raise Http404
    case._access_user, case._access_role = user.pk, facts.role
    case._access_sees = {category: bool(_rule(user, facts, category)) for category in FACTS}
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
