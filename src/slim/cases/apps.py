from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "slim.cases"
    label = "cases"
    verbose_name = _("Cliënten en casussen")

    def ready(self):
        from slim.clients.visibility import add_manager_rule, add_rule
        from slim.matching.operations import after_decision

        from .access import clients_in_cases, director_manages
        from .alignment import refresh_client

        add_rule(clients_in_cases)
        add_manager_rule(director_manages)  # once a client has a case, its casusregisseur manages the client
        after_decision(refresh_client)  # a new decision may make the client's open case match or clash
