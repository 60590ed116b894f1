"""Forms for clients, cases, the case team, consent and closing or reopening a case."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from slim.accounts.capabilities import CASES_BE_ADDED, roles_with
from slim.accounts.models import User
from slim.core.knowledge import conversation_types, life_domains
from slim.ui.labels import LazyLabel

from slim.clients.forms import BSNField, ClientForm  # noqa: F401  (ClientForm lives in slim.clients)
from slim.clients.models import Client

from .models import Case, CaseRole, Consent, Contact, StallReason

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def person_label(user):
    """A professional with their organisation: that is what decides consent."""
    return f"{user} ({user.organisation})" if user.organisation else str(user)


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return person_label(user)

    def offer(self, users):
        """Show these users (already read) instead of one query per rendering; validation still uses the queryset."""
        empty = [("", self.empty_label)] if self.empty_label is not None else []
        self.choices = empty + [(user.pk, self.label_from_instance(user)) for user in users]


def not_in_future(value):
    if value > timezone.localdate():
        raise forms.ValidationError(_("Deze datum ligt in de toekomst."))


class CaseForm(forms.Form):
    """A new case, for a client the professional already sees or for a new one."""

    client = forms.ModelChoiceField(
        label=_("Cliënt"), queryset=Client.objects.none(), required=False, empty_label=_("nieuwe cliënt (vul hieronder in)")
    )
    name = Client._meta.get_field("name").formfield(label=_("Naam of initialen van de nieuwe cliënt"), required=False)
    bsn = BSNField()  # spaces and dots allowed; the elfproef runs in the field
    shared_goal = forms.CharField(
        label=_("Gezamenlijk doel (kan ook later)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=Case._meta.get_field("shared_goal").help_text,
    )

    def __init__(self, *args, clients, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["client"].queryset = clients

    def clean(self):
        cleaned = super().clean()
        chosen, name = cleaned.get("client"), (cleaned.get("name") or "").strip()
        if chosen and name:
            raise forms.ValidationError(_("Kies een bestaande cliënt óf vul een nieuwe in, niet allebei."))
        if not chosen and not name and "name" not in self.errors:
            raise forms.ValidationError(_("Kies een cliënt of vul de naam van een nieuwe cliënt in."))
        if chosen and chosen.cases.filter(status=Case.Status.OPEN).exists():
            raise forms.ValidationError(
                _("Deze cliënt heeft al een open casus. Vraag de casusregisseur om je aan het team toe te voegen.")
            )
        cleaned["name"] = name
        return cleaned


class MemberForm(forms.Form):
    user = UserChoiceField(label=_("Professional"), queryset=User.objects.none())
    role = forms.ChoiceField(
        label=_("Rol"), choices=[(CaseRole.MEMBER, CaseRole.MEMBER.label), (CaseRole.PROCESS, CaseRole.PROCESS.label)]
    )

    def __init__(self, *args, case, **kwargs):
        kwargs.setdefault("auto_id", "id_member_%s")  # the case page also has RoleForm: ids stay unique
        super().__init__(*args, **kwargs)
        self.case = case
        self.fields["user"].queryset = (
            User.objects.filter(is_active=True)
            .filter(role__in=roles_with(CASES_BE_ADDED))  # professionals only, no beleidsmaker or beheerder
            .exclude(organisation="")
            .exclude(case_memberships__case=case)
            .order_by("organisation", "last_name", "username")
        )

    def clean_role(self):
        role = self.cleaned_data["role"]
        if role == CaseRole.PROCESS and self.case.members.filter(role=CaseRole.PROCESS).exists():
            raise forms.ValidationError(_("Er is al een procesregisseur. Wijzig eerst diens rol."))
        return role


class RoleForm(forms.Form):
    member = forms.ChoiceField(label=_("Teamlid"))
    role = forms.ChoiceField(label=_("Nieuwe rol"), choices=CaseRole.choices)

    def __init__(self, *args, case, **kwargs):
        kwargs.setdefault("auto_id", "id_change_%s")
        super().__init__(*args, **kwargs)
        self.case = case
        self.fields["member"].choices = [
            (member.pk, person_label(member.user)) for member in case.team()
        ]

    def clean(self):
        cleaned = super().clean()
        member = self.case.members.filter(pk=cleaned.get("member")).first()
        if member and member.role == CaseRole.DIRECTOR and cleaned.get("role") != CaseRole.DIRECTOR:
            raise forms.ValidationError(
                _("Er is altijd precies één casusregisseur. Maak eerst iemand anders casusregisseur.")
            )
        cleaned["member"] = member
        return cleaned


class ConsentForm(forms.ModelForm):
    organisation = forms.ChoiceField(label=_("Organisatie"))

    class Meta:
        model = Consent
        fields = ["organisation", "category", "basis", "legal_ground", "given_on"]
        widgets = {"basis": forms.RadioSelect, "given_on": DATE_WIDGET}

    def __init__(self, *args, case, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.fields["organisation"].choices = [(name, name) for name in organisations]
        self.fields["basis"].choices = Consent.Basis.choices  # a radio group needs no empty '---------' choice
        self.fields["given_on"].validators.append(not_in_future)
        self.fields["given_on"].initial = timezone.localdate

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("basis") == Consent.Basis.LAW and not cleaned.get("legal_ground"):
            self.add_error("legal_ground", _("Noem de wettelijke grondslag, bijvoorbeeld de wet en het artikel."))
        if cleaned.get("basis") == Consent.Basis.CLIENT:
            cleaned["legal_ground"] = ""
        duplicate = self.case.consents.active().filter(
            organisation=cleaned.get("organisation"), category=cleaned.get("category")
        )
        if duplicate.exists():
            raise forms.ValidationError(_("Deze organisatie heeft hiervoor al toestemming."))
        return cleaned


class WithdrawForm(forms.Form):
    withdrawn_on = forms.DateField(
        label=_("Ingetrokken op"), widget=DATE_WIDGET, initial=timezone.localdate, validators=[not_in_future]
    )

    def __init__(self, *args, consent, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent = consent

    def clean_withdrawn_on(self):
        value = self.cleaned_data["withdrawn_on"]
        if value < self.consent.given_on:
            raise forms.ValidationError(_("Intrekken kan niet vóór de datum waarop de toestemming is gegeven."))
        return value


class StatusForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Geef een reden.")},
    )

    def __init__(self, *args, closing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if closing:
            # Only closing asks for the outcome: policy counts dropout from it (slim.insights).
            self.fields["outcome"] = forms.ChoiceField(
                label=_("Uitkomst"),
                choices=Case.Outcome.choices,
                widget=forms.RadioSelect,
                error_messages={"required": _("Kies de uitkomst van de casus.")},
            )


class ContactForm(forms.ModelForm):
    """A conversation report: which of the seven types (required), did it flow, the life domains discussed, a note
    of several paragraphs and optionally the next appointment. A professional logs contacts in their own name."""

    conversation_type = forms.TypedChoiceField(label=_("Gesprekstype"), coerce=int)
    flowed = forms.TypedChoiceField(
        label=_("Hoe ging het gesprek?"),
        coerce=lambda value: value == "ja",
        choices=[("ja", _("het gesprek stroomde")), ("nee", _("het gesprek haperde"))],
        widget=forms.RadioSelect,
    )
    stall_reason = forms.ChoiceField(
        label=_("Waarom haperde het?"),
        required=False,
        choices=[("", _("alleen invullen als het gesprek haperde"))] + StallReason.choices,
    )
    domains = forms.MultipleChoiceField(
        label=_("Over welke leefgebieden ging het?"), required=False, widget=forms.CheckboxSelectMultiple
    )
    next_appointment_on = forms.DateField(label=_("Volgende afspraak (optioneel)"), required=False, widget=DATE_WIDGET)

    class Meta:
        model = Contact
        fields = ["held_on", "conversation_type", "flowed", "stall_reason", "domains", "note"]
        widgets = {"held_on": DATE_WIDGET, "note": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, **kwargs):
        kwargs.pop("members", None)  # kept for callers of the old signature: the contact is always in one's own name
        super().__init__(*args, **kwargs)
        self.fields["conversation_type"].choices = [("", _("kies een gesprekstype"))] + [
            (number, LazyLabel(item["title"])) for number, item in conversation_types().items()
        ]
        self.fields["conversation_type"].error_messages["required"] = _("Kies het gesprekstype.")
        self.fields["domains"].choices = [(code, LazyLabel(title)) for code, title in life_domains().items()]
        self.fields["held_on"].validators.append(not_in_future)
        self.fields["held_on"].initial = timezone.localdate
        self.fields["note"].label = _("Verslag van het gesprek (optioneel)")
        self.fields["note"].help_text = _("Wat is besproken en afgesproken, in je eigen woorden. Meerdere alinea's mag.")

    def clean_next_appointment_on(self):
        value = self.cleaned_data.get("next_appointment_on")
        if value and value < timezone.localdate():
            raise forms.ValidationError(_("Deze datum ligt in het verleden. Kies vandaag of later."))
        return value

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("flowed") is True:
            cleaned["stall_reason"] = ""
        elif cleaned.get("flowed") is False and not cleaned.get("stall_reason"):
            self.add_error("stall_reason", _("Kies waarom het gesprek haperde."))
        return cleaned
