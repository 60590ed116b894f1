from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from slim.accounts.demo import DEMO_PASSWORD, DEMO_USERS, create_demo_users
from slim.cases.demo import demo as create_demo_case
from slim.mirror.demo import demo as create_demo_team
from slim.quality.demo import demo as create_quality_demo


class Command(BaseCommand):
    """`slim load-demo`: each app's demo, lowest layer first (users, then the team, then the case)."""

    help = "Maakt demogebruikers aan (alleen voor lokaal gebruik)."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("Demodata is niet toegestaan in productie (SLIM_PRODUCTION=1).")
        created = create_demo_users()
        create_demo_team()
        create_demo_case()
        create_quality_demo()
        names = ", ".join(u[0] for u in DEMO_USERS)
        self.stdout.write(f"Demogebruikers: {names} (wachtwoord {DEMO_PASSWORD}); {created} nieuw.")
