from django.core.management.base import BaseCommand, CommandError

from slim.knowledge.loader import KnowledgeFileError, load_knowledge


class Command(BaseCommand):
    help = "Laadt de kennisbank (logica's, principes, gesprekstypen, werkzame elementen, ...) uit de databestanden."

    def handle(self, *args, **options):
        try:
            report = load_knowledge()
        except KnowledgeFileError as exc:
            raise CommandError(str(exc)) from exc
        counts = ", ".join(f"{kind} {count}" for kind, count in report.per_kind.items())
        self.stdout.write(
            f"Kennisbank geladen: {report.created} nieuw, {report.updated} gewijzigd, "
            f"{report.unchanged} ongewijzigd, {report.removed} verwijderd ({counts})."
        )
