"""Count the dashboard figures now (for cron), so no policy maker waits for a recount."""

from django.core.management.base import BaseCommand

from slim.insights.models import Snapshot


class Command(BaseCommand):
    help = "Telt de cijfers van de beleidsdashboards opnieuw en bewaart ze als momentopname."

    def handle(self, *args, **options):
        snapshot = Snapshot.take()
        self.stdout.write(f"cijfers geteld op {snapshot.taken_at:%Y-%m-%d %H:%M:%S} in {snapshot.seconds:.2f} s")
