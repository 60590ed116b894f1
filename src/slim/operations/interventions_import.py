"""The beheerder's import screen for the interventions databank (/beheer/interventies-importeren/).

The same reading and validation as `slim import-interventions` (slim.interventions.exchange and
store): JSON or CSV, a CSV with ';' (Dutch Excel, SLIM's own export) or ',' (older files), every
problem with its line, nothing written unless the whole file is right.

SLIM takes no file uploads anywhere (settings.FILE_UPLOAD_HANDLERS = []). This one page reads a
file into memory, at most MAX_BYTES, with upload handlers set on this request alone. That must
happen before anything reads the body, so CSRF is checked inside the view (csrf_exempt outside,
csrf_protect inside), after the handlers are set. Every import attempt goes into the audit trail.
"""

from django.contrib import messages
from django.core.files.uploadhandler import MemoryFileUploadHandler, StopUpload
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from slim.accounts.capabilities import ADMIN_SITE, capability_required
from slim.accounts.net import client_ip
from slim.audit import chain
from slim.interventions.exchange import FORMAT_HELP, FileFormatError, format_of, read_rows
from slim.interventions.store import ImportRejected, import_rows

MAX_BYTES = 2 * 1024 * 1024
VIEW_NAME = "interventions-import"


class BoundedMemoryUpload(MemoryFileUploadHandler):
    """Keeps an uploaded file in memory, and stops reading past MAX_BYTES (never on disk)."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        # Too large a body: the file part is read past and dropped, the page then asks for a file again.
        self.activated = content_length <= MAX_BYTES + 64 * 1024  # the file plus the form's few other fields

    def receive_data_chunk(self, raw_data, start):
        if self.activated and start + len(raw_data) > MAX_BYTES:
            raise StopUpload(connection_reset=False)
        return super().receive_data_chunk(raw_data, start)


@csrf_exempt  # checked by csrf_protect below, once the upload handlers are in place
@capability_required(ADMIN_SITE)
def interventions_import(request):
    if request.method == "POST":
        request.upload_handlers = [BoundedMemoryUpload(request)]
    return _page(request)


@csrf_protect
def _page(request):
    errors, status = [], 200
    if request.method == "POST":
        upload = request.FILES.get("bestand")
        errors = _import(request, upload)
        status = 400 if errors else 302
        _audit(request, status, upload)
        if not errors:
            return redirect(VIEW_NAME)
    context = {"errors": errors, "format_help": FORMAT_HELP, "max_mb": MAX_BYTES // (1024 * 1024)}
    return render(request, "operations/interventions_import.html", context, status=status)


def _import(request, upload):
    if upload is None:
        return [_("Kies een bestand (.csv of .json) van hoogstens %(mb)s MB.") % {"mb": MAX_BYTES // (1024 * 1024)}]
    try:
        rows = read_rows(upload.read(), format_of(upload.name))
        report = import_rows(rows)
    except FileFormatError as exc:
        hint = _hint(upload)
        return [f"{upload.name}: {exc}. " + _("Er is niets geïmporteerd.") + (f" {hint}" if hint else "")]
    except ImportRejected as exc:
        return [f"{upload.name}: {error}" for error in exc.errors] + [_("Er is niets geïmporteerd.")]
    messages.success(
        request,
        _("Interventies geïmporteerd uit %(name)s: %(created)s nieuw, %(updated)s gewijzigd, %(unchanged)s ongewijzigd.")
        % {"name": upload.name, "created": report.created, "updated": report.updated, "unchanged": report.unchanged},
    )
    return []


def _hint(upload):
    """A clear hint for the usual spreadsheet mistakes."""
    upload.seek(0)
    first = upload.read(2048).decode("utf-8", errors="replace").split("\n", 1)[0]
    if "\t" in first:
        return _("De eerste regel is met tabs gescheiden; sla het bestand op als CSV met puntkomma's (;) of komma's.")
    if upload.name.lower().endswith((".xlsx", ".xls", ".ods")):
        return _("Dit is een spreadsheet; sla het op als CSV (UTF-8), met puntkomma's (;) als scheidingsteken.")
    return ""


def _audit(request, status, upload):
    chain.record(
        user=request.user, action="schrijven", view=VIEW_NAME, path=request.get_full_path(), method=request.method,
        status=status, objects_ref={"bestand": upload.name[:200] if upload else ""}, ip_address=client_ip(request),
    )
