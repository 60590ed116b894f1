from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "slim.cases"
    label = "cases"
    verbose_name = _("Cliënten en casussen")

    def ready(self):
        from . import signals  # noqa: F401  connects the alignment receivers
