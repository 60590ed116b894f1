from django.core.management.base import BaseCommand, CommandError

from slim.operations.backup import BackupError, write_backup


class Command(BaseCommand):
    help = "Schrijft alle gegevens van SLIM naar één bestand (zip met JSON en controlesommen); zie docs/deployment.md."

    def add_arguments(self, parser):
        parser.add_argument("file", help="het backupbestand dat gemaakt wordt, bijvoorbeeld slim-2026-11-27.zip")
        parser.add_argument("--database", default="default", help="welke database uit de instellingen (standaard: default)")

    def handle(self, *args, **options):
        try:
            manifest = write_backup(options["file"], using=options["database"])
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        tables = sum(1 for entry in manifest["models"] if entry["rows"])
        self.stdout.write(
            f"Backup geschreven naar {options['file']}: {manifest['rows']} rijen in {tables} tabellen, "
            f"controlesom {manifest['data_sha256'][:16]}…"
        )
