"""A team's self-assessment on the 15 werkzame elementen, its focus elements and actions.

Elements are referred to by their knowledge-base code, so the descriptions stay
in one place (the knowledge files) and a round keeps its scores if a text changes.
Scores belong to a member so they can come back and change them, but pages only
ever show them aggregated: who scored what is never displayed.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from slim.accounts.capabilities import MIRROR_LEAD, has

SCALE = (1, 5)


class Team(models.Model):
    name = models.CharField(_("naam"), max_length=200)
    organisation = models.CharField(_("organisatie"), max_length=200, blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="mirror_teams", verbose_name=_("leden")
    )

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self):
        return self.name

    def is_lead(self, user):
        """A lead is a member who is a teamleider, or who has the team's lead flag."""
        membership = self.memberships.filter(user=user).first()
        return membership is not None and (membership.is_lead or has(user, MIRROR_LEAD))


class Membership(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mirror_memberships")
    is_lead = models.BooleanField(
        _("trekker van de spiegel"),
        default=False,
        help_text=_("Mag rondes openen en sluiten en focuselementen kiezen, ook zonder de rol teamleider."),
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["team", "user"], name="mirror_unique_membership")]
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")

    def __str__(self):
        return f"{self.user} – {self.team}"


class Round(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="rounds")
    title = models.CharField(_("titel"), max_length=120)
    opened_at = models.DateTimeField(_("geopend op"), default=timezone.now)
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-opened_at", "-id"]
        constraints = [
            # One round at a time: members always know which round they are filling in.
            models.UniqueConstraint(fields=["team"], condition=Q(closed_at__isnull=True), name="mirror_one_open_round"),
        ]
        verbose_name = _("ronde")
        verbose_name_plural = _("rondes")

    def __str__(self):
        return f"{self.team}: {self.title}"

    @property
    def is_open(self):
        return self.closed_at is None

    def respondent_count(self):
        """How many members answered at least one element; never who."""
        return self.scores.values("member").distinct().count()


def _scale_field(label):
    return models.PositiveSmallIntegerField(label, validators=[MinValueValidator(SCALE[0]), MaxValueValidator(SCALE[1])])


def _scale_check(field):
    return models.CheckConstraint(
        condition=Q(**{f"{field}__gte": SCALE[0], f"{field}__lte": SCALE[1]}), name=f"mirror_score_{field}_in_scale"
    )


class Score(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="scores")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    element = models.SlugField(_("werkzaam element"), max_length=60)
    current = _scale_field(_("hoe goed doen we dit nu"))
    importance = _scale_field(_("hoe belangrijk is dit voor ons"))
    remark = models.TextField(_("opmerking"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "member", "element"], name="mirror_one_score_per_element"),
            _scale_check("current"),
            _scale_check("importance"),
        ]
        verbose_name = _("score")
        verbose_name_plural = _("scores")


class FocusElement(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="focus_elements")
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="focus_elements")
    element = models.SlugField(_("werkzaam element"), max_length=60)
    chosen_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    chosen_at = models.DateTimeField(_("gekozen op"), default=timezone.now)

    class Meta:
        ordering = ["-chosen_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["round", "element"], name="mirror_one_focus_per_round_element")]
        verbose_name = _("focuselement")
        verbose_name_plural = _("focuselementen")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("open")
    DONE = "klaar", _("klaar")


class Action(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="actions")
    element = models.SlugField(_("werkzaam element"), max_length=60)
    description = models.TextField(_("wat gaan we doen"), max_length=1000)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("wie"))
    due_date = models.DateField(_("klaar op"))
    status = models.CharField(_("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-status", "due_date", "id"]  # "open" sorts after "klaar", so descending puts open first
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
