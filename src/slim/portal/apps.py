from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "slim.portal"
    label = "portal"
    verbose_name = "Mijn plan (cliënt)"
