"""The 15 werkzame elementen as the mirror uses them: read from the knowledge base.

The knowledge base is the single source for titles, the mirror question and the
sections a team reads for a focus element; the mirror only stores codes.
"""

from django.http import Http404

from slim.knowledge.models import KnowledgeItem

KIND = "werkzaam_element"
# The parts of an element's description a team works with once it is a focus element.
FOCUS_SECTIONS = ("starting_points", "tools", "policy_organisation", "examples")


def werkzame_elementen():
    """All elements in the knowledge base's order: that order is also the radar's fixed axis order."""
    return list(KnowledgeItem.objects.filter(kind=KIND))


def element_or_404(code):
    try:
        return KnowledgeItem.objects.get(kind=KIND, code=code)
    except KnowledgeItem.DoesNotExist:
        raise Http404("Onbekend werkzaam element") from None


def focus_sections(element):
    return [section for section in element.sections if section.get("code") in FOCUS_SECTIONS]
