from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from slim.interventions.exchange import FORMAT_HELP, FORMATS, FileFormatError, bundled_file, format_of, read_rows
from slim.interventions.store import ImportRejected, import_rows


class Command(BaseCommand):
    help = (
        "Importeert interventies uit een JSON- of CSV-bestand (zonder BESTAND: de meegeleverde databank). "
        "Het hele bestand wordt eerst gecontroleerd; bij één fout wordt niets geïmporteerd en staat elke fout "
        "met regelnummer in de uitvoer. Bestaande interventies worden bijgewerkt op slug. " + FORMAT_HELP
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", metavar="BESTAND", help="JSON- of CSV-bestand; standaard de meegeleverde databank")
        parser.add_argument("--format", choices=FORMATS, help="bestandstype, als de extensie het niet zegt")

    def handle(self, *args, **options):
        source = Path(options["file"]) if options["file"] else bundled_file()
        try:
            rows = read_rows(source.read_bytes(), format_of(source.name, options["format"]))
            report = import_rows(rows)
        except OSError as exc:
            raise CommandError(f"{source}: bestand niet te lezen ({exc.strerror})") from exc
        except FileFormatError as exc:
            raise CommandError(f"{source}: {exc}. Er is niets geïmporteerd.") from exc
        except ImportRejected as exc:
            for error in exc.errors:
                self.stderr.write(f"{source}: {error}")
            raise CommandError(f"{source}: {len(exc.errors)} fout(en) gevonden. Er is niets geïmporteerd.") from exc
        self.stdout.write(
            f"Interventies geïmporteerd uit {source.name}: {report.created} nieuw, "
            f"{report.updated} gewijzigd, {report.unchanged} ongewijzigd."
        )
