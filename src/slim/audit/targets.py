"""Find the client a URL is about, from the URL's keyword arguments."""

from django.apps import apps

# URL keyword -> (model, field holding the client id). Apps add their own objects here.
CLIENT_LOOKUPS = {
    "client_id": None,
    "intake_id": ("matching.Intake", "client_id"),
    "case_id": ("cases.Case", "client_id"),
}


def client_for(kwargs):
    for key, lookup in CLIENT_LOOKUPS.items():
        if key not in kwargs:
            continue
        if lookup is None:
            return int(kwargs[key])
        model_label, field = lookup
        try:
            model = apps.get_model(model_label)
        except LookupError:
            return None
        return model.objects.filter(pk=kwargs[key]).values_list(field, flat=True).first()
    return None
