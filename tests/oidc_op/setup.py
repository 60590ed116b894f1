"""Create the provider's signing key, its users and SLIM as a client: python -m tests.oidc_op.setup REDIRECT_URI."""

import sys

import django


def main(redirect_uri):
    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from oidc_provider.models import Client, ResponseType

    call_command("migrate", verbosity=0)
    call_command("creatersakey")
    for username, group in [("tessa", "wijkteam-leiding"), ("bea", "slim-beheer"), ("kees", "kantine"),
                            ("anna", "slim-professionals")]:
        user = User.objects.create_user(username, f"{username}@gemeente.example", "idp-wachtwoord",
                                        first_name=username.title(), last_name="Gemeente")
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    client = Client.objects.create(
        name="SLIM", client_type="confidential", client_id="slim-test", client_secret="slim-test-secret",
        jwt_alg="RS256", redirect_uris=[redirect_uri], require_consent=False, reuse_consent=False,
    )
    client.response_types.add(ResponseType.objects.get(value="code"))


if __name__ == "__main__":
    main(sys.argv[1])
