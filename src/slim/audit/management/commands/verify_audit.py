from django.core.management.base import BaseCommand, CommandError

from slim.audit.chain import check_checkpoint, head, verify
from slim.audit.key import MissingAuditKey
from slim.audit.models import AuditCheck


class Command(BaseCommand):
    help = (
        "Controleert of het audittrail ongeschonden is (hashketen met HMAC-sleutel). Met --checkpoints BESTAND "
        "ook of eerder vastgelegde koppen er nog in staan, en legt de huidige kop vast in dat bestand."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--checkpoints",
            metavar="BESTAND",
            help="bestand met eerder vastgelegde koppen ('id hash' per regel); bewaar het buiten de databaseserver",
        )

    def handle(self, *args, checkpoints=None, **options):
        try:
            ok, checked, broken = verify()
        except MissingAuditKey as exc:
            raise CommandError(str(exc)) from None
        AuditCheck.objects.create(ok=ok, checked=checked, broken=broken)  # shown on the beheerder's start page
        if not ok:
            where = f"bij regel {broken}" if broken else "aan het eind (regels verwijderd)"
            raise CommandError(f"Audittrail is aangetast {where}; {checked} regels waren in orde.")
        event_id, event_hash = head()
        if checkpoints:
            self._checkpoints(checkpoints, event_id, event_hash)
        self.stdout.write(f"Audittrail in orde: {checked} regels gecontroleerd. Kop: {event_id} {event_hash}")

    def _checkpoints(self, path, event_id, event_hash):
        try:
            with open(path, encoding="utf-8") as handle:
                lines = [line.split() for line in handle if line.strip() and not line.startswith("#")]
        except FileNotFoundError:
            lines = []
        except OSError as exc:
            raise CommandError(f"Kan {path} niet lezen: {exc.strerror}") from None
        for number, parts in enumerate(lines, start=1):
            if len(parts) != 2 or not parts[0].isdigit():
                raise CommandError(f"{path}, regel {number}: verwacht 'id hash'.")
            if not check_checkpoint(int(parts[0]), parts[1]):
                raise CommandError(
                    f"Audittrail is aangetast: de eerder vastgelegde kop {parts[0]} {parts[1][:12]}… "
                    f"({path}, regel {number}) staat er niet meer in."
                )
        try:
            with open(path, "a", encoding="utf-8") as handle:
                handle.write(f"{event_id} {event_hash}\n")
        except OSError as exc:
            raise CommandError(f"Kan {path} niet schrijven: {exc.strerror}") from None
