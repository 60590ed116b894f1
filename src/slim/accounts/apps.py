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

    def ready(self):
        super().ready()  # registers every app's admin.py
        from django.contrib import admin
        from django.contrib.auth.models import Group

        # Roles, not groups, decide what a user may do: a second way to grant rights would bypass them.
        # django-otp's device pages show secrets and QR codes of other people's authenticators: a beheerder
        # only needs to make someone enrol again, which the user admin's action does (accounts/admin.py).
        from django_otp.plugins.otp_static.models import StaticDevice
        from django_otp.plugins.otp_totp.models import TOTPDevice

        for model in (Group, TOTPDevice, StaticDevice):
            if admin.site.is_registered(model):
                admin.site.unregister(model)
