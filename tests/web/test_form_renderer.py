"""The widgets written in Python (slim.ui.form_renderer) are character for character Django's templates."""

from django import forms
from django.forms.renderers import DjangoTemplates

from slim.ui.form_renderer import FormRenderer


class Sample(forms.Form):
    plain = forms.ChoiceField(choices=[("", "kies"), ("a", "A & B"), (1, "één <b>")], help_text="hint")
    grouped = forms.ChoiceField(
        choices=[("Groep \"1\"", [("x", "X"), ("y", "Y")]), ("z", "Z")], required=False, widget=forms.Select(attrs={"data-t": "<'\">", "disabled": True, "hidden": False})
    )
    many = forms.MultipleChoiceField(choices=[("p", "P"), ("q", "Q"), ("r", "R")])
    empty = forms.ChoiceField(choices=[])
    flag = forms.NullBooleanField()
    text = forms.CharField(max_length=10, initial="a \"b\" <c>")
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    when = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    number = forms.IntegerField(widget=forms.HiddenInput, initial=3)
    count = forms.IntegerField(min_value=1)
    mail = forms.EmailField(required=False)


def test_select_markup_is_djangos():
    for data in (
        None,
        {"plain": "1", "grouped": "y", "many": ["p", "r"], "flag": "true", "note": "\nregel <1>\n& 2", "when": "2026-12-07"},
        {"plain": "<nee>", "text": "", "note": "", "count": "x", "when": "gisteren"},
    ):
        form = Sample(data, auto_id="id_s_%s")
        if data:
            form.is_valid()
        for field in form:
            ours = field.as_widget(attrs={"class": "utrecht-select"})
            form.renderer = DjangoTemplates()
            django = form[field.name].as_widget(attrs={"class": "utrecht-select"})
            form.renderer = FormRenderer()
            assert str(ours) == str(django), field.name


def test_the_fast_path_is_taken(monkeypatch):
    from django.conf import settings

    from slim.ui import form_renderer

    assert settings.FORM_RENDERER == "slim.ui.form_renderer.FormRenderer"
    written = []
    monkeypatch.setattr(form_renderer, "render_select", lambda widget: written.append(widget["name"]) or "")
    Sample()["plain"].as_widget()
    Sample()["many"].as_widget()
    monkeypatch.setattr(form_renderer, "render_input", lambda widget: written.append(widget["name"]) or "")
    monkeypatch.setattr(form_renderer, "render_textarea", lambda widget: written.append(widget["name"]) or "")
    Sample()["text"].as_widget()
    Sample()["note"].as_widget()
    Sample()["when"].as_widget()
    assert written == ["plain", "many", "text", "note", "when"]
