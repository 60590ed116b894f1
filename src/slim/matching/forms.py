"""Forms for the intake (the digital draaischijf), a single statement and a decision.

The intake form is built from the engine's data (life domains and the
draaischijf questions), so questions change in the data file, not here.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from slim.core import Logic
from slim.core.knowledge import intake_data, life_domains, logic_title
from slim.ui.labels import LazyLabel


# The logic names from the knowledge data, in the reader's language ("Ondernemen" / "Enterprising").
LOGIC_CHOICES = [(logic.value, LazyLabel(logic_title(logic))) for logic in Logic]


def _domain_choices():
    return [(code, LazyLabel(title)) for code, title in life_domains().items()]


class IntakeForm(forms.Form):
    """One block per life domain: the draaischijf questions, the client's own words and the current approach."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.blocks = []
        for code, title in life_domains().items():
            names = []
            for question in intake_data()["questions"]:
                name = f"{code}__{question['code']}"
                self.fields[name] = forms.ChoiceField(
                    label=LazyLabel(question.get("domain_wording", {}).get(code, question["question"])),
                    choices=[(a["code"], LazyLabel(a["label"])) for a in question["answers"]],
                    required=False,
                    widget=forms.RadioSelect,
                )
                names.append(name)
            self.fields[f"{code}__statements"] = forms.CharField(
                label=_("Wat zegt de cliënt zelf? (één uitspraak per regel)"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                max_length=6000,
            )
            self.fields[f"{code}__approach"] = forms.ChoiceField(
                label=_("Vanuit welke logica werk je nu (als dat al zo is)?"),
                choices=[("", _("nog niet bepaald"))] + LOGIC_CHOICES,
                required=False,
            )
            self.blocks.append(
                {
                    "code": code,
                    "title": LazyLabel(title),
                    "questions": [self[name] for name in names],
                    "statements": self[f"{code}__statements"],
                    "approach": self[f"{code}__approach"],
                }
            )

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.payload()["domains"]:
            raise forms.ValidationError(_("Vul voor minstens één leefgebied een antwoord of een uitspraak in."))
        return cleaned

    def payload(self):
        """The intake as the engine's JSON shape, with only the domains that were filled in."""
        domains = []
        for block in self.blocks:
            code = block["code"]
            answers = {
                field.name.split("__", 1)[1]: self.cleaned_data.get(field.name)
                for field in block["questions"]
                if self.cleaned_data.get(field.name)
            }
            statements = [
                line.strip() for line in self.cleaned_data.get(f"{code}__statements", "").splitlines() if line.strip()
            ]
            if not answers and not statements:
                continue
            entry = {"domain": code, "answers": answers, "statements": statements}
            if self.cleaned_data.get(f"{code}__approach"):
                entry["approach"] = self.cleaned_data[f"{code}__approach"]
            domains.append(entry)
        return {"domains": domains}


class StatementForm(forms.Form):
    text = forms.CharField(
        label=_("Uitspraak van de cliënt"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    domain = forms.ChoiceField(label=_("Leefgebied (optioneel)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domain"].choices = [("", _("geen"))] + _domain_choices()


class DecisionForm(forms.Form):
    """Accept the suggestion for one domain, or choose another logic: that needs a reason."""

    domain = forms.ChoiceField(widget=forms.HiddenInput)
    chosen_logic = forms.ChoiceField(choices=LOGIC_CHOICES)
    reason = forms.CharField(
        label=_("Andere logica kiezen: reden"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def __init__(self, *args, suggestions, **kwargs):
        """suggestions: domain code -> the suggested logic ('' when there is none)."""
        super().__init__(*args, **kwargs)
        self.suggestions = suggestions
        self.fields["domain"].choices = [(code, code) for code in suggestions]

    def clean(self):
        cleaned = super().clean()
        if "reason" not in cleaned:  # too long: that error is enough
            return cleaned
        cleaned["reason"] = cleaned["reason"].strip()
        domain, chosen = cleaned.get("domain"), cleaned.get("chosen_logic")
        if domain and chosen and chosen != self.suggestions[domain] and not cleaned["reason"]:
            self.add_error("reason", _("Geef een korte reden als je een andere logica kiest dan het voorstel."))
        return cleaned
