"""Shared infrastructure on the layer right above core: used by many apps, imports no app.

safecsv (the one CSV writer), converters (<id:...> in URLs), suppression (the small-numbers
rule of every published figure), replica (reports on a read replica), logs (JSON lines),
api_errors (one error shape for the API and Django's error pages), audited (the client a
request was about, for the audit trail).
"""
