from django.core.management.base import BaseCommand, CommandError

from slim.operations.backup import BackupError, check_target, restore_backup, verify_file


class Command(BaseCommand):
    help = (
        "Zet een backup van `slim backup` terug. De database moet op dezelfde migratiestand staan en leeg zijn; "
        "--force vervangt wat er al in staat."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="het backupbestand")
        parser.add_argument("--force", action="store_true", help="de database eerst leegmaken als er al gegevens in staan")
        parser.add_argument(
            "--check", action="store_true", help="alleen controleren (bestand, controlesommen, migratiestand); niets schrijven"
        )
        parser.add_argument("--database", default="default", help="welke database uit de instellingen (standaard: default)")

    def handle(self, *args, **options):
        try:
            if options["check"]:
                manifest = verify_file(options["file"])
                check_target(manifest, using=options["database"], force=options["force"])
                self.stdout.write(f"Backup in orde en past bij deze database: {manifest['rows']} rijen.")
                return
            manifest = restore_backup(options["file"], using=options["database"], force=options["force"])
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backup van {manifest['created_at']} teruggezet: {manifest['rows']} rijen. "
            "Controleer het audittrail met `slim verify-audit`."
        )
