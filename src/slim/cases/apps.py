from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "slim.cases"
    label = "cases"
    verbose_name = _("Cliënten en casussen")

    def ready(self):
        from slim.clients.visibility import add_rule

        from . import signals  # noqa: F401  connects the alignment receivers
        from .access import clients_in_cases

        add_rule(clients_in_cases)
