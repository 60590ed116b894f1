"""Forms that change the plan. Each carries the plan version it was based on (see locking.py)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from slim.accounts.models import User
from slim.core.knowledge import life_domains
from slim.matching.forms import LOGIC_CHOICES
from slim.ui.labels import LazyLabel

from slim.interventions.models import Intervention

from .forms import DATE_WIDGET, UserChoiceField, person_label
from .locking import CONFLICT_MESSAGE
from .models import Action, Case


def domain_choices():
    return [(code, LazyLabel(title)) for code, title in life_domains().items()]


def member_users(case):
    return User.objects.filter(case_memberships__case=case).order_by("last_name", "username")


def offer_members(field, case):
    """The case members as the choices of a UserChoiceField, from the members the case page already read."""
    field.offer(sorted((member.user for member in case.team()), key=lambda user: (user.last_name, user.username)))


class PlanVersion:
    """Mixin: a hidden field with the plan version the user is looking at.

    The plan page shows several of these forms at once; each has its own id_prefix, so that no two
    fields share an id (two selects both called id_domain would confuse labels and screen readers).
    """

    id_prefix = None

    def __init__(self, *args, version, **kwargs):
        if self.id_prefix is not None:
            kwargs.setdefault("auto_id", f"id_{self.id_prefix}_%s" if self.id_prefix else False)
        super().__init__(*args, **kwargs)
        self.fields["version"] = forms.IntegerField(widget=forms.HiddenInput, initial=version, min_value=1)

    def conflict(self, current_version):
        """Keep the user's input, point the form at the current plan and say why nothing was saved."""
        self.data = self.data.copy()
        self.data[self.add_prefix("version")] = current_version
        self.add_error(None, CONFLICT_MESSAGE)


class GoalForm(PlanVersion, forms.ModelForm):
    """The shared goal and the client's own words; the strategy only for the casusregisseur."""

    id_prefix = "goal"

    class Meta:
        model = Case
        fields = ["shared_goal", "client_words", "strategy"]
        widgets = {"shared_goal": forms.Textarea(attrs={"rows": 3}), "client_words": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, may_choose_strategy, **kwargs):
        super().__init__(*args, **kwargs)
        if may_choose_strategy:
            self.fields["strategy"].choices = [("", _("nog niet gekozen"))] + LOGIC_CHOICES
            self.fields["strategy"].help_text = _("De ene logica waar het hele team vanuit werkt aan het gezamenlijke doel.")
        else:
            del self.fields["strategy"]


class DomainGoalsForm(PlanVersion, forms.Form):
    """One goal per life domain; an empty field means no goal for that domain."""

    id_prefix = "domains"

    def __init__(self, *args, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.current = goals
        for code, title in domain_choices():
            self.fields[f"goal_{code}"] = forms.CharField(
                label=title, required=False, max_length=1000, initial=goals.get(code, ""),
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def changes(self):
        """(domain, new text) for every domain whose goal differs from the stored one."""
        return [
            (code, self.cleaned_data[f"goal_{code}"])
            for code, _title in domain_choices()
            if self.cleaned_data[f"goal_{code}"] != self.current.get(code, "")
        ]


class ApproachForm(PlanVersion, forms.Form):
    id_prefix = "approach"
    user = UserChoiceField(label=_("Professional"), queryset=User.objects.none())
    domain = forms.ChoiceField(label=_("Leefgebied"))
    logic = forms.ChoiceField(
        label=_("Werkt vanuit"), required=False, help_text=_("Kies 'geen' om een aanpak weg te halen.")
    )

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = member_users(case)
        offer_members(self.fields["user"], case)
        self.fields["domain"].choices = domain_choices()
        self.fields["logic"].choices = [("", _("geen"))] + LOGIC_CHOICES


class ActionForm(PlanVersion, forms.ModelForm):
    """A plan action. "Wie" is a professional in the case, the client, or someone from the client's own network
    (then only a name). Logic and intervention come along from the advice (hidden, optional)."""

    id_prefix = "action"
    CLIENT, NETWORK = Action.OwnerKind.CLIENT.value, Action.OwnerKind.NETWORK.value
    owner = forms.ChoiceField(label=_("Wie doet het?"), error_messages={"invalid_choice": _("Kies wie het doet.")})
    owner_name = forms.CharField(
        label=_("Naam uit het eigen netwerk (alleen als iemand uit het netwerk het doet)"), required=False, max_length=120,
        help_text=_("Alleen een voornaam of hoe de cliënt diegene noemt, bijvoorbeeld “zus Anja”."),
    )
    domain = forms.ChoiceField(label=_("Leefgebied (optioneel)"), required=False)
    logic = forms.ChoiceField(required=False, widget=forms.HiddenInput)
    intervention = forms.ModelChoiceField(
        queryset=Intervention.objects.all(), to_field_name="slug", required=False, widget=forms.HiddenInput
    )

    class Meta:
        model = Action
        fields = ["description", "domain", "owner", "owner_name", "logic", "intervention", "due_on"]
        widgets = {"due_on": DATE_WIDGET}

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        members = sorted((member.user for member in case.team()), key=lambda user: (user.last_name, user.username))
        self.fields["owner"].choices = [(str(user.pk), person_label(user)) for user in members] + [
            (self.CLIENT, _("de cliënt zelf")), (self.NETWORK, _("iemand uit het eigen netwerk van de cliënt")),
        ]
        self.fields["domain"].choices = [("", _("algemeen"))] + domain_choices()
        self.fields["logic"].choices = [("", "")] + LOGIC_CHOICES

    def clean_owner(self):
        return self.cleaned_data["owner"]

    def clean(self):
        cleaned = super().clean()
        choice = cleaned.get("owner")
        name = (cleaned.get("owner_name") or "").strip()
        if choice == self.NETWORK and not name:
            self.add_error("owner_name", _("Vul de naam in van wie het doet."))
        return cleaned

    def _post_clean(self):
        pass  # the owner is resolved in action_fields(); the model's check constraint guards the database

    def action_fields(self):
        """The keyword arguments for operations.add_action."""
        data = self.cleaned_data
        choice = data["owner"]
        if choice in (self.CLIENT, self.NETWORK):
            owner, kind = None, choice
        else:
            owner, kind = member_users(self.case).get(pk=int(choice)), Action.OwnerKind.PROFESSIONAL
        return {
            "description": data["description"], "domain": data.get("domain", ""), "owner": owner, "owner_kind": kind,
            "owner_name": (data.get("owner_name") or "").strip(), "logic": data.get("logic", ""),
            "intervention": data.get("intervention"), "due_on": data["due_on"],
        }

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        if due_on is not None and due_on < timezone.localdate():
            raise forms.ValidationError(_("Deze datum ligt in het verleden. Kies vandaag of later."))
        return due_on


class ActionDoneForm(PlanVersion, forms.Form):
    """Marks one action as done; only the version travels with it. It is rendered once per action: no ids."""

    id_prefix = ""
