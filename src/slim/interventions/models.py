"""Effective social interventions, described the way Movisie's databank does.

Coded lists (themes, target groups, logics, werkzame elementen, levels) are
stored only as InterventionTag rows pointing at a Term, in their original
order, so filters and facet counts are plain SQL on both databases. The
recognition levels are added as tags too (derived from Recognition), so that
facet works the same way.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Intervention(models.Model):
    slug = models.SlugField(_("code"), max_length=120, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    aliases = models.JSONField(_("andere namen"), default=list, blank=True)
    summary = models.TextField(_("samenvatting"))
    goal = models.TextField(_("doel"))
    target_groups = models.JSONField(_("doelgroepen"), default=list)
    approach = models.TextField(_("aanpak"))
    executing_organisations = models.JSONField(_("uitvoerende organisaties"), default=list, blank=True)
    werkzame_elementen = models.JSONField(_("werkzame elementen"), default=list, blank=True)
    # Modeltrouw: what must stay as described, and what a team may adapt; empty = not described in the source.
    core_elements = models.JSONField(_("kernelementen"), default=list, blank=True)
    adaptations = models.JSONField(_("wat aangepast mag worden"), default=list, blank=True)
    research = models.TextField(_("onderzoek en onderbouwing"), blank=True, null=True)
    developer = models.CharField(_("ontwikkelaar of eigenaar"), max_length=300, blank=True, null=True)
    contact = models.CharField(_("contact"), max_length=300, blank=True, null=True)
    handbook = models.CharField(_("handboek"), max_length=300, blank=True, null=True)
    source_url = models.URLField(_("bron"), max_length=500)
    checked_at = models.CharField(_("gecontroleerd op"), max_length=10, blank=True, null=True, help_text="JJJJ-MM-DD")
    logic_reason = models.TextField(_("waarom deze logica"), blank=True)
    delivery = models.JSONField(_("vorm"), default=list, blank=True)
    volunteers = models.BooleanField(_("met vrijwilligers"), null=True)
    # Derived on import (see store.py); never edited by hand.
    search_text = models.TextField(editable=False, default="")
    stemmed_text = models.TextField(editable=False, default="", help_text="Bron van de SQLite-zoekindex")  # empty on PostgreSQL
    recognition_rank = models.PositiveSmallIntegerField(editable=False, null=True)
    # One bit per SLIM logic the intervention assumes (fit.LOGIC_BITS), so 'fits this client'
    # is arithmetic on the row instead of a subquery per row and domain.
    logic_mask = models.PositiveSmallIntegerField(editable=False, default=0)

    class Meta:
        ordering = ["name"]
        verbose_name = _("interventie")
        verbose_name_plural = _("interventies")
        indexes = [
            # A results page is chosen by rank, then name and slug over every match: from this index,
            # without reading the long texts of the thousands of matches a broad search has.
            models.Index(fields=["id", "name", "slug", "recognition_rank", "logic_mask"], name="interventions_page_order"),
        ]

    def __str__(self):
        return self.name


class Recognition(models.Model):
    """One assessment by one scheme; ratings of different schemes are never merged."""

    intervention = models.ForeignKey(Intervention, on_delete=models.CASCADE, related_name="recognitions")
    scheme = models.CharField(_("regeling"), max_length=40)
    level = models.CharField(_("niveau"), max_length=40)
    date = models.CharField(_("datum"), max_length=10, blank=True, null=True, help_text="JJJJ, JJJJ-MM of JJJJ-MM-DD")
    note = models.TextField(_("toelichting"), blank=True, null=True)
    verified = models.BooleanField(_("bevestigd"), default=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["intervention", "position"]
        verbose_name = _("erkenning")
        verbose_name_plural = _("erkenningen")


class Term(models.Model):
    """One value of one facet: a theme, a target group, a logic, ... (see vocabulary.FACETS).

    Tags point at terms, so facet counts group by one small integer instead of two
    strings, which makes them two to three times faster on SQLite.
    """

    facet = models.CharField(max_length=30)
    code = models.CharField(max_length=60)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["facet", "code"], name="unique_term")]


class InterventionTag(models.Model):
    """One term of one intervention, at its position in the original list."""

    # No separate single-column indexes: the constraint and the index below lead with these columns.
    intervention = models.ForeignKey(Intervention, on_delete=models.CASCADE, related_name="tags", db_index=False)
    term = models.ForeignKey(Term, on_delete=models.PROTECT, related_name="+", db_index=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["intervention", "term"], name="unique_intervention_tag")]
        indexes = [models.Index(fields=["term", "intervention"], name="interventions_tag_term")]


class IndexedWord(models.Model):
    """Every distinct word in the searchable texts, for 'Bedoelde je ...?' suggestions."""

    word = models.CharField(max_length=80, unique=True)
    stem = models.CharField(max_length=80, db_index=True)


class FtsDocument(models.TextField):
    """The document column of the search table, named after the table as SQLite's FTS5 does.

    SQLite: FTS5's hidden column (MATCH, bm25). PostgreSQL: a tsvector (@@, ts_rank).
    """


@FtsDocument.register_lookup
class FtsMatch(models.Lookup):
    lookup_name = "match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]

    def as_postgresql(self, compiler, connection):
        # The query as a scalar subquery: parsed once per statement, not once per row checked.
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} @@ (SELECT websearch_to_tsquery('dutch'::regconfig, {rhs}))", [*lhs_params, *rhs_params]


class SearchEntry(models.Model):
    """The full-text index of one intervention, in a table of its own on both databases.

    SQLite: an FTS5 virtual table over Intervention.stemmed_text (migration 0002).
    PostgreSQL: a narrow table of Dutch tsvectors over search_text (migration 0003).
    Unmanaged: triggers keep it in step with the interventions. Joining it
    through this model lets the ORM match and rank (fulltext.py).
    """

    intervention = models.OneToOneField(
        Intervention, on_delete=models.DO_NOTHING, primary_key=True, db_column="rowid", related_name="search_entry"
    )
    document = FtsDocument(db_column="interventions_fts")

    class Meta:
        managed = False
        db_table = "interventions_fts"


class DatabankVersion(models.Model):
    """One row whose token changes whenever an import changes the tags (see catalogue.py).

    A random token rather than a counter: a counter rolled back with a transaction could be
    reused for other data, a random token cannot.
    """

    token = models.CharField(max_length=32)

    @classmethod
    def bump(cls):
        import uuid

        cls.objects.update_or_create(pk=1, defaults={"token": uuid.uuid4().hex})
