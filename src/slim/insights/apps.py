from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InsightsConfig(AppConfig):
    name = "slim.insights"
    label = "insights"
    verbose_name = _("Inzicht voor beleid")
