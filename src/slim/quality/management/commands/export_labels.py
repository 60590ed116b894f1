from pathlib import Path

from django.core.management.base import BaseCommand

from slim.core.evaluate import FIELD_DEFAULT
from slim.quality.export import write


class Command(BaseCommand):
    help = "Gelabelde, gemaskeerde uitspraken uit gesloten labelonderzoeken schrijven als veldset (JSON)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=FIELD_DEFAULT)
        parser.add_argument("--set-version", dest="set_version", default=None, help="versie van de set (standaard field-JJJJMMDD-UUMMSS)")

    def handle(self, *args, file, set_version, **options):
        Path(file).parent.mkdir(parents=True, exist_ok=True)
        items = write(file, set_version)
        self.stdout.write(f"{len(items)} uitspraken geschreven naar {file}. Meten: slim evaluate --split field --file {file}")
