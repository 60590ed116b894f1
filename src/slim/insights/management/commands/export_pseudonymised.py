import sys

from django.core.management.base import BaseCommand, CommandError

from slim.insights.pseudonyms import HEADER, pseudonymised_rows
from slim.common import safecsv


class Command(BaseCommand):
    help = (
        "Schrijft een CSV met per cliënt en leefgebied het laatste besluit, gepseudonimiseerd: "
        "de cliënt is een HMAC-SHA256 met SLIM_PSEUDONYM_KEY, zonder naam of BSN, datum per maand."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="bestand om naar te schrijven (standaard: het scherm)")

    def handle(self, *args, output=None, **options):
        try:
            handle = open(output, "w", newline="", encoding="utf-8") if output else sys.stdout
        except OSError as exc:
            raise CommandError(f"Kan {output} niet schrijven: {exc.strerror}") from exc
        try:
            writer = safecsv.writer(handle, bom=bool(output))  # the byte order mark only at the start of a file
            writer.writerow(HEADER)
            rows = 0
            for row in pseudonymised_rows():
                writer.writerow(row)
                rows += 1
        finally:
            if output:
                handle.close()
        if output:
            self.stderr.write(f"{rows} regels geschreven naar {output}.")
