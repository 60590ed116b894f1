"""Argon2id with SLIM's own cost parameters.

Chosen: argon2id, m = 64 MiB, t = 3, p = 1. This is RFC 9106's second recommended setting with
one lane instead of four, and above OWASP's minimum (m = 19 MiB, t = 2, p = 1) in both memory
and passes. One lane, because a SLIM server has few cores shared by several gunicorn workers:
more lanes do not make guessing dearer for an attacker, they only make logins compete for cores.
Django's own default (m = 100 MiB, t = 2, p = 8) does about the same memory work but holds 100 MiB
per login at once. Hashes with other parameters are rewritten with these at the next login
(Django calls must_update on every successful check). Figures: docs/deployment.md and SECURITY.md.
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class SlimArgon2PasswordHasher(Argon2PasswordHasher):
    # The algorithm name stays "argon2": existing hashes are recognised, checked and then upgraded.
    time_cost = 3
    memory_cost = 64 * 1024  # KiB
    parallelism = 1
