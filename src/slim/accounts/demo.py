"""Demo users for a local installation; the README lists them.

Their passwords are public, so `load-demo` refuses to run in production.
"""

from .models import Role, User

DEMO_PASSWORD = "slim-demo-2026"

DEMO_USERS = [
    ("anna", "Anna", "de Vries", Role.PROFESSIONAL, "Wijkteam Noord"),
    ("bram", "Bram", "Jansen", Role.PROFESSIONAL, "Schuldhulp Stad"),
    ("chantal", "Chantal", "Bakker", Role.TEAM_LEAD, "Wijkteam Noord"),
    ("dirk", "Dirk", "Visser", Role.POLICY, "Gemeente"),
    ("beheer", "Eva", "Smit", Role.ADMIN, "Gemeente"),
]


def create_demo_users():
    """Create or refresh the demo users; returns how many were new."""
    created = 0
    for username, first, last, role, organisation in DEMO_USERS:
        user, is_new = User.objects.get_or_create(username=username)
        user.first_name, user.last_name = first, last
        user.role, user.organisation = role, organisation
        user.is_staff = user.is_superuser = role == Role.ADMIN
        user.set_password(DEMO_PASSWORD)
        user.save()
        created += is_new
    return created
