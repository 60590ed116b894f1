import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from slim.insights import demo

MAX_CLIENTS = 2_000_000


class Command(BaseCommand):
    help = (
        "Vult een synthetische gemeente: N cliënten met elk een casus, besluiten per leefgebied, "
        "aanpakken en zo'n 10 contacten per casus. Alles verzonnen (niet in productie)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--clients", type=int, default=0, help="aantal synthetische cliënten")
        parser.add_argument("--reset", action="store_true", help="eerst alle eerder gegenereerde gegevens verwijderen")
        parser.add_argument("--seed", type=int, default=2026, help="startwaarde van het toeval (zelfde seed, zelfde gegevens)")

    def handle(self, *args, clients, reset=False, seed, **options):
        if settings.PRODUCTION:
            raise CommandError("Synthetische gegevens zijn niet toegestaan in productie (SLIM_PRODUCTION=1).")
        if clients < 0 or clients > MAX_CLIENTS:
            raise CommandError(f"--clients moet tussen 0 en {MAX_CLIENTS} liggen.")
        if not clients and not reset:
            raise CommandError("Geef --clients N (bijvoorbeeld --clients 1000) of --reset.")
        if reset:
            removed = demo.reset()
            self.stdout.write(f"Eerder gegenereerde gegevens verwijderd ({removed} rijen).")
        if clients:
            started = time.monotonic()
            totals = demo.generate(clients, seed=seed, progress=self._progress if clients >= 20000 else None)
            self.stdout.write(
                f"Aangemaakt: {totals['clients']} cliënten, {totals['cases']} casussen, {totals['decisions']} besluiten, "
                f"{totals['approaches']} aanpakken, {totals['contacts']} contacten in {time.monotonic() - started:.0f} s."
            )

    def _progress(self, totals):
        self.stderr.write(f"  {totals['clients']} cliënten, {totals['contacts']} contacten ...")
