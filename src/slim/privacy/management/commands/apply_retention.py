from django.core.management.base import BaseCommand

from slim.privacy.erase import apply_retention


class Command(BaseCommand):
    help = "Anonimiseert cliënten van wie de laatste casus langer dan de bewaartermijn gesloten is."

    def handle(self, *args, **options):
        count = apply_retention()
        self.stdout.write(f"{count} cliënt(en) geanonimiseerd.")
