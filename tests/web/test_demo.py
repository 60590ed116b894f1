import pytest
from django.core.management import call_command

from slim.accounts.models import User
from slim.cases.models import Case
from slim.mirror.models import Team

pytestmark = pytest.mark.django_db


def test_demo_data_loads_twice_without_duplicates(settings):
    settings.PRODUCTION = False
    call_command("load_demo")
    call_command("load_demo")
    assert User.objects.filter(username__in=["anna", "bram", "chantal", "dirk", "beheer"]).count() == 5
    case = Case.objects.get(client__name="Mevrouw Jansen (demo)")
    assert case.members.count() == 2 and case.contacts.count() == 2
    assert Team.objects.count() == 1


def test_demo_refused_in_production(settings):
    from django.core.management.base import CommandError

    settings.PRODUCTION = True
    with pytest.raises(CommandError):
        call_command("load_demo")
