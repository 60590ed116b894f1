"""Forms of the team mirror: open a round, fill it in, compare, pick a focus, record actions.

The scoring form is built from the knowledge base, so the 15 elements and their
mirror questions change in the knowledge file, not here.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from slim.ui.templatetags.slim_text import loc

from .models import Action, ActionStatus

CURRENT_LEVELS = [
    (1, _("1 – (bijna) nooit")),
    (2, _("2 – soms")),
    (3, _("3 – regelmatig")),
    (4, _("4 – meestal")),
    (5, _("5 – (bijna) altijd")),
]
IMPORTANCE_LEVELS = [
    (1, _("1 – niet belangrijk")),
    (2, _("2 – een beetje belangrijk")),
    (3, _("3 – redelijk belangrijk")),
    (4, _("4 – belangrijk")),
    (5, _("5 – heel belangrijk")),
]


class RoundForm(forms.Form):
    title = forms.CharField(
        label=_("Titel van de ronde"),
        max_length=120,
        help_text=_("Bijvoorbeeld het seizoen of de maand, zodat je rondes later uit elkaar houdt."),
    )


def _scale_field(levels):
    return forms.TypedChoiceField(
        choices=levels, coerce=int, required=False, empty_value=None, widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Kies een score van 1 tot en met 5.")},
    )


class ScoreForm(forms.Form):
    """One block per element: how well we do it now, how important it is, and an optional remark.

    A member may leave elements open and come back later; an element counts once
    both scores are given. Clearing both scores withdraws the answer.
    """

    def __init__(self, *args, elements, **kwargs):
        super().__init__(*args, **kwargs)
        self.blocks = []
        for element in elements:
            code = element.code
            self.fields[f"{code}__current"] = _scale_field(CURRENT_LEVELS)
            self.fields[f"{code}__importance"] = _scale_field(IMPORTANCE_LEVELS)
            self.fields[f"{code}__remark"] = forms.CharField(
                label=_("Opmerking (optioneel, wordt zonder naam getoond)"),
                required=False,
                max_length=1000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.blocks.append(
                {
                    "code": code,
                    "title": loc(element.title),
                    "question": loc(element.attributes.get("mirror_question")),
                    "current": self[f"{code}__current"],
                    "importance": self[f"{code}__importance"],
                    "remark": self[f"{code}__remark"],
                }
            )

    @classmethod
    def initial_from(cls, scores):
        initial = {}
        for score in scores:
            initial[f"{score.element}__current"] = score.current
            initial[f"{score.element}__importance"] = score.importance
            initial[f"{score.element}__remark"] = score.remark
        return initial

    def clean(self):
        cleaned = super().clean()
        for block in self.blocks:
            code = block["code"]
            if any(f"{code}__{part}" in self.errors for part in ("current", "importance", "remark")):
                continue
            current, importance = cleaned.get(f"{code}__current"), cleaned.get(f"{code}__importance")
            remark = cleaned.get(f"{code}__remark", "").strip()
            if (current is None) != (importance is None):
                missing = "current" if current is None else "importance"
                self.add_error(f"{code}__{missing}", _("Geef bij dit element beide scores, of laat beide leeg."))
            elif remark and current is None:
                self.add_error(f"{code}__remark", _("Geef ook de twee scores bij je opmerking."))
        return cleaned

    def answers(self):
        """{element code: (current, importance, remark) or None when the element is left open}."""
        result = {}
        for block in self.blocks:
            code = block["code"]
            current = self.cleaned_data[f"{code}__current"]
            importance = self.cleaned_data[f"{code}__importance"]
            remark = self.cleaned_data[f"{code}__remark"].strip()
            result[code] = None if current is None else (current, importance, remark)
        return result


class CompareForm(forms.Form):
    """Which earlier round to compare with (a GET form: it changes the view, not the data)."""

    vergelijk = forms.ModelChoiceField(
        label=_("Vergelijk met"),
        queryset=None,
        required=False,
        empty_label=None,
        error_messages={"invalid_choice": _("Kies een eerdere, gesloten ronde van dit team om mee te vergelijken.")},
    )

    def __init__(self, *args, earlier, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vergelijk"].queryset = earlier
        self.fields["vergelijk"].label_from_instance = lambda round: round.title


class FocusForm(forms.Form):
    element = forms.ChoiceField(
        label=_("Werkzaam element om aan te werken"),
        error_messages={
            "required": _("Kies een werkzaam element."),
            "invalid_choice": _("Kies een van de 15 werkzame elementen."),
        },
    )

    def __init__(self, *args, elements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["element"].choices = [(element.code, loc(element.title)) for element in elements]


class ActionForm(forms.ModelForm):
    class Meta:
        model = Action
        fields = ["description", "owner", "due_date"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 2}),
            "due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {
            "due_date": {"invalid": _("Vul een geldige datum in, bijvoorbeeld 2026-12-31.")},
            "owner": {"invalid_choice": _("Kies iemand uit het team.")},
        }

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = team.members.order_by("first_name", "last_name", "username")
        self.fields["owner"].empty_label = _("kies een teamlid")


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        choices=ActionStatus.choices, error_messages={"invalid_choice": _("Onbekende status.")}
    )
