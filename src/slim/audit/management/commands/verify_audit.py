from django.core.management.base import BaseCommand, CommandError

from slim.audit.chain import verify


class Command(BaseCommand):
    help = "Controleert of het audittrail ongeschonden is (hashketen)."

    def handle(self, *args, **options):
        ok, checked, broken = verify()
        if not ok:
            where = f"bij regel {broken}" if broken else "aan het eind (regels verwijderd)"
            raise CommandError(f"Audittrail is aangetast {where}; {checked} regels waren in orde.")
        self.stdout.write(f"Audittrail in orde: {checked} regels gecontroleerd.")
