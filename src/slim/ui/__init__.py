"""Shared UI code on the layer above knowledge: template tags and filters every app's pages use.

`{% load slim_forms %}` (form fields and the error summary), `{% load slim_text %}` (`loc`,
rich text) and `{% load matching_tags %}` (names of logics, life domains and conversation
types) keep their names; LazyLabel picks a form label's language when the form is shown.
"""
