"""Clients and their cases (casusregie).

A client is only visible to the professionals who work with them. A case brings
professionals from several organisations around one client with one shared goal
and one plan. The casusregisseur leads; partners from other organisations see
only what the recorded consent allows (see access.py, the one place for these
rules). Everything that happens in a case is kept as an Event, so the timeline
and the audit trail are the same thing.
"""

from django.conf import settings
from django.db import connection, models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from slim.matching.models import LOGIC_CHOICES
from slim.clients.models import Client


class Alignment(models.TextChoices):
    """Whether a professional's approach fits the client's logic (see alignment.py)."""

    MATCH = "match", _("aanpak past bij de logica van de cliënt")
    CLASH = "clash", _("aanpak botst met de logica van de cliënt")
    UNKNOWN = "unknown", _("niet te vergelijken")


class Category(models.TextChoices):
    """What an organisation may see of a case; ALL covers the other three."""

    PLAN = "plan", _("doel, plan en casusverhaal")
    CONTACTS = "contactlog", _("contactlog")
    MATCHING = "zelfbeeld", _("matching en zelfbeeld")
    ALL = "alles", _("alles")


class Case(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        CLOSED = "gesloten", _("gesloten")

    class Outcome(models.TextChoices):
        """How a closed case ended; 'afgehaakt' is the dropout the policy dashboards count."""

        GOAL_REACHED = "doel_bereikt", _("doel bereikt")
        DROPPED_OUT = "afgehaakt", _("cliënt haakte af")
        TRANSFERRED = "overgedragen", _("overgedragen")
        OTHER = "anders", _("anders")

    client = models.ForeignKey(Client, on_delete=models.PROTECT, related_name="cases", verbose_name=_("cliënt"))
    shared_goal = models.TextField(
        _("gezamenlijk doel"),
        blank=True,
        max_length=1000,
        help_text=_("Wat wil de cliënt bereiken? Schrijf korte zinnen in gewone woorden: de cliënt leest dit ook."),
    )
    client_words = models.TextField(
        _("wie is de cliënt, in eigen woorden"),
        blank=True,
        max_length=2000,
        help_text=_("Hoe de cliënt zichzelf en de situatie beschrijft. Voor het casusverhaal aan partners."),
    )
    strategy = models.CharField(_("overkoepelende strategie"), max_length=20, blank=True, choices=LOGIC_CHOICES)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    outcome = models.CharField(_("uitkomst"), max_length=20, blank=True, choices=Outcome.choices)  # blank while open
    # The next appointment with the client, set with a contact report; shown on the client's plan.
    next_appointment_on = models.DateField(_("volgende afspraak"), null=True, blank=True)
    next_appointment_with = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)  # optimistic lock for the plan, see locking.py
    # Kept up to date while open, frozen at closing (operations.py, alignment.py): the dashboards group on it.
    alignment = models.CharField(max_length=10, choices=Alignment.choices, default=Alignment.UNKNOWN, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("casus")
        verbose_name_plural = _("casussen")
        constraints = [
            # One client, one open case: partners work in the same plan, not in parallel ones.
            models.UniqueConstraint(fields=["client"], condition=Q(status="open"), name="cases_one_open_case_per_client"),
        ]

    def __str__(self):
        return str(self.client)

    @property
    def is_open(self):
        return self.status == self.Status.OPEN

    @property
    def director(self):
        """The casusregisseur (a User); the constraints on CaseMember keep it to exactly one."""
        member = next((member for member in self.team() if member.role == CaseRole.DIRECTOR), None)
        return member.user if member else None

    def team(self):
        """The members with their users, read once per instance: a case page needs them several times."""
        if "members" not in getattr(self, "_prefetched_objects_cache", {}):
            members = CaseMember.objects.select_related("user", "added_by")
            models.prefetch_related_objects([self], models.Prefetch("members", queryset=members))
        return list(self.members.all())

    def forget_team(self):
        """After a change of the members: the next team() reads them again."""
        getattr(self, "_prefetched_objects_cache", {}).pop("members", None)


class CaseRole(models.TextChoices):
    DIRECTOR = "casusregisseur", _("casusregisseur")
    PROCESS = "procesregisseur", _("procesregisseur")
    MEMBER = "lid", _("lid")


class CaseMember(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="case_memberships", verbose_name=_("professional")
    )
    role = models.CharField(_("rol"), max_length=20, choices=CaseRole.choices, default=CaseRole.MEMBER)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["added_at", "id"]
        verbose_name = _("teamlid")
        verbose_name_plural = _("teamleden")
        constraints = [
            models.UniqueConstraint(fields=["case", "user"], name="cases_member_once"),
            # At most one of each regie role; creating a case and moving the role happen in one transaction.
            models.UniqueConstraint(fields=["case"], condition=Q(role="casusregisseur"), name="cases_one_director"),
            models.UniqueConstraint(fields=["case"], condition=Q(role="procesregisseur"), name="cases_one_process_director"),
        ]


class ConsentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(withdrawn_at__isnull=True)


class Consent(models.Model):
    """Which organisation may see what. Withdrawing fills the withdrawn_* fields; nothing is deleted."""

    class Basis(models.TextChoices):
        CLIENT = "toestemming", _("toestemming van de cliënt")
        LAW = "wettelijk", _("wettelijke grondslag")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consents")
    organisation = models.CharField(_("organisatie"), max_length=200)
    category = models.CharField(_("mag zien"), max_length=20, choices=Category.choices)
    basis = models.CharField(_("grondslag"), max_length=20, choices=Basis.choices)
    legal_ground = models.CharField(
        _("welke wettelijke grondslag"), max_length=200, blank=True, help_text=_("Bijvoorbeeld: Wmo 2015, artikel 5.2.1.")
    )
    given_on = models.DateField(_("datum toestemming"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    withdrawn_on = models.DateField(_("datum intrekking"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "category", "-recorded_at"]
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        constraints = [
            models.UniqueConstraint(
                fields=["case", "organisation", "category"],
                condition=Q(withdrawn_at__isnull=True),
                name="cases_one_active_consent",
            ),
            models.CheckConstraint(
                condition=~Q(basis="wettelijk") | ~Q(legal_ground=""), name="cases_legal_ground_named"
            ),
        ]

    @property
    def is_active(self):
        return self.withdrawn_at is None


class DomainGoal(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="domain_goals")
    domain = models.CharField(_("leefgebied"), max_length=40)
    text = models.TextField(_("doel"), max_length=1000)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "domain"], name="cases_one_goal_per_domain")]


class MemberApproach(models.Model):
    """The logic one professional works from in one life domain."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="approaches")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    domain = models.CharField(_("leefgebied"), max_length=40)
    logic = models.CharField(_("logica"), max_length=20, choices=LOGIC_CHOICES)

    class Meta:
        ordering = ["domain", "user__last_name", "user__username"]
        constraints = [models.UniqueConstraint(fields=["case", "user", "domain"], name="cases_one_approach")]


class Action(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(
        _("wat gebeurt er"), max_length=300, help_text=_("Kort en in gewone woorden: de cliënt leest dit ook.")
    )
    class OwnerKind(models.TextChoices):
        PROFESSIONAL = "professional", _("een professional")
        CLIENT = "client", _("de cliënt zelf")
        NETWORK = "netwerk", _("iemand uit het eigen netwerk")

    domain = models.CharField(_("leefgebied"), max_length=40, blank=True)
    # Who does it: a professional in the case (owner), the client, or someone the client knows (name only).
    owner_kind = models.CharField(_("wie doet het"), max_length=20, choices=OwnerKind.choices, default=OwnerKind.PROFESSIONAL)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("wie"), null=True, blank=True
    )
    owner_name = models.CharField(_("naam uit het netwerk"), max_length=120, blank=True)
    # The advice this action came from (optional): the client's logic in this domain and a databank intervention.
    logic = models.CharField(_("logica"), max_length=20, blank=True, choices=LOGIC_CHOICES)
    intervention = models.ForeignKey(
        "interventions.Intervention", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("interventie"),
    )
    due_on = models.DateField(_("klaar op (optioneel)"), null=True, blank=True)
    done_on = models.DateField(_("afgerond op"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        # Actions without a date after those with one, on PostgreSQL and SQLite alike.
        ordering = [models.F("done_on").asc(nulls_first=True), models.F("due_on").asc(nulls_last=True), "id"]
        constraints = [
            models.CheckConstraint(
                name="cases_action_owner_fits_kind",
                condition=(Q(owner_kind="professional", owner__isnull=False, owner_name="")
                           | Q(owner_kind="client", owner__isnull=True, owner_name="")
                           | (Q(owner_kind="netwerk", owner__isnull=True) & ~Q(owner_name=""))),
            )
        ]

    @property
    def owner_label(self):
        """Who does it, in words: the professional's name, "de cliënt zelf" or the network person's name."""
        if self.owner_kind == self.OwnerKind.CLIENT:
            return _("de cliënt zelf")
        if self.owner_kind == self.OwnerKind.NETWORK:
            return self.owner_name
        return str(self.owner) if self.owner_id else ""


class StallReason(models.TextChoices):
    AGREEMENTS = "afspraken", _("afspraken niet nagekomen")
    OTHER_WISH = "andere_wens", _("cliënt wil iets anders")
    OTHER = "anders", _("anders")


class Contact(models.Model):
    """One conversation: which SLIM type (1-7) and whether it flowed (slim.md §6.3)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="contacts")
    held_on = models.DateField(_("datum"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("wie"))
    conversation_type = models.PositiveSmallIntegerField(_("gesprekstype"))
    flowed = models.BooleanField(_("stroomde het gesprek?"))
    stall_reason = models.CharField(_("waarom haperde het?"), max_length=20, blank=True, choices=StallReason.choices)
    note = models.TextField(_("verslag van het gesprek"), max_length=8000, blank=True)
    domains = models.JSONField(_("besproken leefgebieden"), default=list, db_default=[], blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)
    # How the professional's approach related to the client's logic when this contact was recorded.
    alignment = models.CharField(max_length=10, choices=Alignment.choices, default=Alignment.UNKNOWN, editable=False)

    class Meta:
        ordering = ["-held_on", "-recorded_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(conversation_type__gte=1, conversation_type__lte=7), name="cases_conversation_type_1_7"
            ),
            models.CheckConstraint(
                condition=Q(flowed=True, stall_reason="") | (Q(flowed=False) & ~Q(stall_reason="")),
                name="cases_stall_reason_only_when_stalled",
            ),
        ]


class ContactTally(models.Model):
    """Running counts of contacts per client and alignment, kept by operations.log_contact.

    The dashboards need, per alignment, the contacts that flowed or stalled and
    the distinct clients behind each number. Read from here that is one row per
    client instead of every contact. The contact log only grows (a contact is
    never edited or removed on its own; it goes with its client), so adding on
    insert keeps the counts exact.
    """

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="+")
    alignment = models.CharField(max_length=10, choices=Alignment.choices)
    contacts = models.PositiveIntegerField(default=0)
    flowed = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["client", "alignment"], name="cases_one_tally_per_alignment")]

    @classmethod
    def add(cls, client_id, contact):
        """Count one new contact; an upsert, so concurrent contacts for one client never lose a count."""
        table = connection.ops.quote_name(cls._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (client_id, alignment, contacts, flowed) VALUES (%s, %s, 1, %s) "
                f"ON CONFLICT (client_id, alignment) DO UPDATE "
                f"SET contacts = {table}.contacts + 1, flowed = {table}.flowed + excluded.flowed",
                [client_id, contact.alignment, 1 if contact.flowed else 0],
            )


class EventKind(models.TextChoices):
    CREATED = "aangemaakt", _("Casus aangemaakt")
    MEMBER_ADDED = "lid_toegevoegd", _("Teamlid toegevoegd")
    ROLE_CHANGED = "rol_gewijzigd", _("Rol gewijzigd")
    CONSENT_GIVEN = "toestemming", _("Toestemming vastgelegd")
    CONSENT_WITHDRAWN = "toestemming_ingetrokken", _("Toestemming ingetrokken")
    GOAL = "doel", _("Gezamenlijk doel gewijzigd")
    STRATEGY = "strategie", _("Overkoepelende strategie gekozen")
    DOMAIN_GOAL = "doel_leefgebied", _("Doel per leefgebied gewijzigd")
    APPROACH = "aanpak", _("Aanpak vastgelegd")
    ACTION_ADDED = "actie", _("Actie toegevoegd")
    ACTION_DONE = "actie_klaar", _("Actie afgerond")
    CONTACT = "contact", _("Contact vastgelegd")
    VIEWS_DISCUSSED = "zienswijzen", _("Zienswijzen van cliënt en professional besproken")
    CLIENT_NOTE = "notitie_client", _("Notitie van de cliënt bij een actie")
    CLOSED = "gesloten", _("Casus gesloten")
    REOPENED = "heropend", _("Casus heropend")


# Events about the plan or the contacts are shown only to those who may see that category;
# the rest (team, consent, status) is visible to everyone who can open the case.
EVENT_CATEGORY = {
    EventKind.GOAL: Category.PLAN,
    EventKind.STRATEGY: Category.PLAN,
    EventKind.DOMAIN_GOAL: Category.PLAN,
    EventKind.APPROACH: Category.PLAN,
    EventKind.ACTION_ADDED: Category.PLAN,
    EventKind.ACTION_DONE: Category.PLAN,
    EventKind.CONTACT: Category.CONTACTS,
    EventKind.VIEWS_DISCUSSED: Category.CONTACTS,
    EventKind.CLIENT_NOTE: Category.PLAN,
}


class Event(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=30, choices=EventKind.choices)
    category = models.CharField(max_length=20, blank=True, choices=Category.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    # Text a person typed (a goal, a reason); for events from before `data`, the text as it was written then.
    detail = models.TextField(blank=True)
    # What happened, as ids, codes and dates; put into words in the reader's language when shown (events.py).
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    @classmethod
    def record(cls, case, kind, actor, detail="", data=None):
        return cls.objects.create(
            case=case, kind=kind, category=EVENT_CATEGORY.get(kind, ""), actor=actor, detail=detail, data=data or {}
        )
