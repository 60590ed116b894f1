from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from slim.interventions.exchange import FORMAT_HELP, FORMATS, dump_csv, dump_json
from slim.interventions.records import with_derived
from slim.interventions.store import all_records


class Command(BaseCommand):
    help = (
        "Exporteert alle interventies, gesorteerd op slug, als JSON of CSV. Het resultaat kan zonder verlies "
        "opnieuw worden geïmporteerd met import-interventions. " + FORMAT_HELP
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=FORMATS, default="json", help="json (standaard) of csv")
        parser.add_argument("--output", metavar="BESTAND", help="schrijf naar dit bestand in plaats van naar het scherm")

    def handle(self, *args, **options):
        records = [with_derived(record) for record in all_records()]
        content = dump_json(records) if options["format"] == "json" else dump_csv(records)
        if not options["output"]:
            self.stdout.write(content, ending="")
            return
        try:
            Path(options["output"]).write_text(content, encoding="utf-8", newline="")
        except OSError as exc:
            raise CommandError(f"{options['output']}: kan niet schrijven ({exc.strerror})") from exc
        self.stdout.write(f"{len(records)} interventies geëxporteerd naar {options['output']}.")
