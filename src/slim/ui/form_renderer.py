"""The form renderer (settings.FORM_RENDERER): Django's own, except that <select>, <textarea> and
<input> are written in Python.

Django's select template includes a template for every <option>, and that one includes the
attributes template: about 0.1-0.3 ms per option. The case page's "Professional toevoegen" offers
every professional who may be added (100 in the load test), which made that one select cost more
than a whole logged-in page without client data; the plan page has 24 text fields, each two
templates. The markup here is character for character that of Django's templates (select.html,
select_option.html, textarea.html, input.html, attrs.html; tests/web/test_form_renderer.py compares
them); any other widget (radio buttons, checkboxes), or one with a template of its own, goes through
the templates as before.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"
TEXTAREA = "django/forms/widgets/textarea.html"
# The input widgets whose template is only {% include "django/forms/widgets/input.html" %}.
INPUTS = {
    f"django/forms/widgets/{name}.html"
    for name in ("input", "text", "hidden", "date", "number", "email", "password", "url", "search", "tel", "time", "datetime")
}


def _attrs(attrs):
    """attrs.html: ` name="value"`, a bare ` name` for True, nothing for False."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(f" {conditional_escape(name)}" if value is True else f' {conditional_escape(name)}="{conditional_escape(str(value))}"')
    return "".join(parts)


def render_select(widget):
    """select.html for the context dict `widget` of a Select (or SelectMultiple)."""
    out = [f'<select name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            out.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in group_choices:
            out.append(
                f'\n  <option value="{conditional_escape(str(option["value"]))}"{_attrs(option["attrs"])}>'
                f'{conditional_escape(option["label"])}</option>\n'
            )
        if group_name:
            out.append("\n  </optgroup>")
    out.append("\n</select>")
    return "".join(out)


def render_input(widget):
    """input.html."""
    value = "" if widget["value"] is None else f' value="{conditional_escape(str(widget["value"]))}"'
    return f'<input type="{conditional_escape(widget["type"])}" name="{conditional_escape(widget["name"])}"{value}{_attrs(widget["attrs"])}>'


def render_textarea(widget):
    """textarea.html."""
    value = conditional_escape(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{conditional_escape(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>'


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        widget = context.get("widget")
        if widget is not None and widget.get("template_name") == template_name:
            if template_name in INPUTS:
                return mark_safe(render_input(widget))
            if template_name == TEXTAREA:
                return mark_safe(render_textarea(widget))
            if template_name == SELECT and all(
                option["template_name"] == OPTION for _name, options, _index in widget["optgroups"] for option in options
            ):
                return mark_safe(render_select(widget))
        return super().render(template_name, context, request)
