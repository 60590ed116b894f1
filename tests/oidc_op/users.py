"""Change the test provider's users while it runs, as its own administrator would.

    python -m tests.oidc_op.users rename OLD NEW   -> a user gets another username (same sub)
    python -m tests.oidc_op.users add NAME GROUP   -> a new user (a new sub)
    python -m tests.oidc_op.users sub NAME -       -> only print the sub

Prints the user's sub: django-oidc-provider's default, the user's primary key.
"""

import sys

import django


def main(command, name, value):
    django.setup()
    from django.contrib.auth.models import Group, User

    if command == "rename":
        user = User.objects.get(username=name)
        user.username = value
        user.save()
    elif command == "add":
        user = User.objects.create_user(name, f"{name}@gemeente.example", "idp-wachtwoord",
                                        first_name=name.title(), last_name="Gemeente")
        user.groups.add(Group.objects.get_or_create(name=value)[0])
    elif command == "sub":
        user = User.objects.get(username=name)
    else:
        raise SystemExit(f"unknown command {command}")
    print(user.pk)


if __name__ == "__main__":
    main(*sys.argv[1:4])
