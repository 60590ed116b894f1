from oidc_provider.lib.claims import ScopeClaims


def userinfo(claims, user):
    claims["preferred_username"] = user.username
    claims["given_name"] = user.first_name
    claims["family_name"] = user.last_name
    claims["email"] = user.email
    return claims


class SlimScopeClaims(ScopeClaims):
    info_slim = ("SLIM", "Your role in SLIM.")

    def scope_slim(self):
        groups = [group.name for group in self.user.groups.order_by("name")]
        return {"slim_role": groups[0] if len(groups) == 1 else groups}
