from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "slim.accounts"
    label = "accounts"
    verbose_name = _("Gebruikers")
    default = True


class SlimAdminConfig(admin_apps.AdminConfig):
    """Django's admin whose site asks for a finished second step (admin_site.py)."""

    default = False
    default_site = "slim.accounts.admin_site.SlimAdminSite"
