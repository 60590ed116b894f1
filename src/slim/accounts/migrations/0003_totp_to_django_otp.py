"""Move confirmed TOTP secrets into django-otp devices; drop the hand-written lockout's table."""

import base64

from django.db import migrations


def secrets_to_devices(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    TOTPDevice = apps.get_model("otp_totp", "TOTPDevice")
    for user in User.objects.filter(totp_confirmed=True).exclude(totp_secret=""):
        key = base64.b32decode(user.totp_secret, casefold=True).hex()
        # Same algorithm as before (RFC 6238, SHA-1, 6 digits, 30 s): the user's app keeps working.
        TOTPDevice.objects.create(user=user, name="SLIM", key=key, confirmed=True)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_loginfailure_user_session_generation_and_more"),
        ("otp_totp", "0003_add_timestamps"),
    ]

    operations = [
        migrations.RunPython(secrets_to_devices, migrations.RunPython.noop),
        migrations.RemoveField(model_name="user", name="totp_secret"),
        migrations.RemoveField(model_name="user", name="totp_confirmed"),
        migrations.DeleteModel(name="LoginFailure"),
    ]
