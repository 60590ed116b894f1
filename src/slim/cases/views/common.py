"""What every case page needs: the case header, the tabs the user may open, and the permissions."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from slim.common.audited import about_client

from ..access import can_edit_plan, can_log_contact, is_case_director, visible_categories
from ..models import Category


def case_page(request, case, template, tab, **context):
    about_client(request, case.client_id)  # the audit line names this case's client without asking again
    seen = visible_categories(request.user, case)
    return render(
        request,
        template,
        {
            "case": case,
            "client": case.client,
            "tab": tab,
            "sees_plan": Category.PLAN in seen,
            "sees_contacts": Category.CONTACTS in seen,
            "sees_self_image": Category.MATCHING in seen,
            "is_director": is_case_director(request.user, case),
            "may_edit_plan": can_edit_plan(request.user, case),
            "may_log_contact": can_log_contact(request.user, case),
            **context,
        },
    )


def require(allowed):
    """Forms are only shown to those who may use them; anyone else posting gets a 403."""
    if not allowed:
        raise PermissionDenied
