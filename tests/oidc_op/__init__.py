"""A tiny OpenID Connect provider (django-oidc-provider) that tests/web/test_oidc.py starts as a real server.

Test-only: it stands in for the municipality's identity provider. Its users' group names are the
role claim ('slim_role', scope 'slim') that SLIM maps to its roles.
"""
