"""Knowledge items (logics, principles, conversation types, werkzame elementen, ...).

One table for all kinds: the files decide the content, the `kind` field the page
it appears on. Texts are {nl, en} mappings so the reader's language is chosen at
display time.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class KnowledgeItem(models.Model):
    kind = models.CharField(_("soort"), max_length=40)
    code = models.SlugField(_("code"), max_length=60)
    order = models.PositiveIntegerField(_("volgorde"), default=0)
    title = models.JSONField(_("titel"))
    summary = models.JSONField(_("samenvatting"), default=dict)
    sections = models.JSONField(_("onderdelen"), default=list)
    attributes = models.JSONField(_("kenmerken"), default=dict)
    inferred = models.BooleanField(_("afgeleid"), default=False)
    # Where the summary comes from: "seed", "source" (a named source) or "ours" (afgeleid). Sections carry their own.
    provenance = models.CharField(_("herkomst"), max_length=10, default="ours")
    sources = models.JSONField(_("bronnen"), default=list)
    version = models.CharField(_("versie"), max_length=40)
    content_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["kind", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["kind", "code"], name="unique_knowledge_kind_code")]
        verbose_name = _("kennisitem")
        verbose_name_plural = _("kennisitems")

    def __str__(self):
        return f"{self.kind}:{self.code}"
