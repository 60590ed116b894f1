"""The only place that creates clients."""

from .models import Client


def register_client(name, created_by, bsn=""):
    return Client.objects.create(name=name, bsn=bsn, created_by=created_by)


def register_clients(names, created_by):
    """Many clients at once (demo and load data): one insert."""
    return Client.objects.bulk_create([Client(name=name, created_by=created_by) for name in names])
