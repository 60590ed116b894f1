"""One way to render form fields and form errors, for every form in SLIM.

`{% form_field field %}` renders a label (or a fieldset with a legend for radio
buttons), the hint, the error and the widget in the NL Design System
form-field pattern. Django itself sets aria-invalid="true" on a field with an
error and points aria-describedby at "<id>_helptext" and "<id>_error"; the
templates give the hint and the error exactly those ids, and a fieldset gets
the same aria-describedby.

`{% error_summary form %}` renders the summary at the top of a form: one alert
with a link to every field that has an error. It has the autofocus attribute, so
the browser moves the focus to it without any script.
"""

from django import forms, template

register = template.Library()

TEXT_CLASSES = "utrecht-textbox utrecht-textbox--html-input"
WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    # Radio buttons and checkbox groups keep Django's own option markup; slim.css styles them.
    forms.RadioSelect: "",
    forms.CheckboxSelectMultiple: "",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
}
INVALID_CLASSES = {
    TEXT_CLASSES: "utrecht-textbox--invalid",
    WIDGET_CLASSES[forms.Textarea]: "utrecht-textarea--invalid",
    WIDGET_CLASSES[forms.Select]: "utrecht-select--invalid",
}


def _widget_classes(widget):
    for widget_class in type(widget).__mro__:
        if widget_class in WIDGET_CLASSES:
            return WIDGET_CLASSES[widget_class]
    return TEXT_CLASSES


def _kind(field):
    widget = field.field.widget
    if isinstance(widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)):
        return "choices"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    return "input"


def _target_id(field):
    """The element a link in the error summary moves to: the input, or the first option of a group."""
    if _kind(field) == "choices":
        options = list(field.subwidgets)
        return options[0].id_for_label if options else field.auto_id
    return field.id_for_label or field.auto_id


@register.inclusion_tag("ui/forms/field.html")
def form_field(field, legend=None):
    classes = _widget_classes(field.field.widget)
    if field.errors and classes in INVALID_CLASSES:
        classes = f"{classes} {INVALID_CLASSES[classes]}"
    existing = field.field.widget.attrs.get("class")
    if existing:
        classes = f"{existing} {classes}"
    kind = _kind(field)
    return {
        "field": field,
        "kind": kind,
        "legend": legend or field.label,
        "widget": field.as_widget(attrs={"class": classes}) if kind != "choices" else "",
        "describedby": field.aria_describedby if kind == "choices" else "",
    }


def _summary_items(form):
    """(text, target id) for every field error, in the order of the form; block forms name the block too."""
    blocks = {block["code"]: block["title"] for block in getattr(form, "blocks", [])}
    items = []
    for field in form:
        if field.is_hidden or not field.errors:
            continue
        block_title = blocks.get(field.name.split("__")[0]) if "__" in field.name else None
        label = field.field.label
        if block_title and label:
            text = f"{block_title}: {label}"
        else:
            text = block_title or field.label
        for error in field.errors:
            items.append({"label": text, "error": error, "target": _target_id(field)})
    return items


@register.inclusion_tag("ui/forms/error_summary.html")
def error_summary(form, intro=None):
    if form is None or not getattr(form, "errors", None):
        return {"show": False}
    hidden_errors = any(field.errors for field in form.hidden_fields())
    return {
        "show": True,
        "intro": intro,
        "non_field_errors": form.non_field_errors(),
        "hidden_errors": hidden_errors,
        "items": _summary_items(form),
        "form_prefix": form.prefix or "",
    }


@register.filter
def has_errors(block):
    """True if a block of fields (a dict as in IntakeForm.blocks) holds a field with an error."""
    values = block.values() if isinstance(block, dict) else block
    for value in values:
        fields = value if isinstance(value, list) else [value]
        if any(getattr(field, "errors", None) for field in fields):
            return True
    return False
