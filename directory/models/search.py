"""What search reads: staff's synonyms, and the entries and pieces it indexes."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from standards.models import Commitment, PolicyArea, Sector

from .services import Division, Service


class SynonymQuerySet(models.QuerySet):
    def get_by_natural_key(self, term, synonym):
        return self.get(term=term, synonym=synonym)


class Synonym(models.Model):
    """A word people use in place of the document's own word, both ways."""

    term = models.CharField(verbose_name=_("word"), max_length=50)
    synonym = models.CharField(
        verbose_name=_("synonym"),
        max_length=50,
        help_text=_("Enter a word that people type instead of the word above."),
    )

    objects = SynonymQuerySet.as_manager()
    history = HistoricalRecords(
        verbose_name=_("synonym history"), verbose_name_plural=_("synonym history")
    )

    class Meta:
        ordering = ["term", "synonym"]
        verbose_name = _("synonym")
        verbose_name_plural = _("synonyms")
        constraints = [
            models.UniqueConstraint(
                fields=["term", "synonym"], name="unique_synonym_pair"
            ),
        ]

    def __str__(self):
        return f"{self.term} ↔ {self.synonym}"

    def natural_key(self):
        return (self.term, self.synonym)


def entry_of(model, verbose_name, **options):
    """A search entry's link to a record it belongs to, or is filtered by."""
    return models.ForeignKey(
        model,
        verbose_name=verbose_name,
        on_delete=models.CASCADE,
        related_name="search_entries",
        **options,
    )


class SearchEntry(models.Model):
    """One searchable text of a public record, normalised when it is saved.

    Written only by ``directory.search``; the foreign keys both delete the
    entry with its record and carry the search page's filters.
    """

    class Kind(models.TextChoices):
        SERVICE = "service", _("Service")
        DIVISION = "division", _("Team")
        COMMITMENT = "commitment", _("Commitment")
        AREA = "area", _("Policy area")

    kind = models.CharField(verbose_name=_("kind"), max_length=10, choices=Kind)
    object_id = models.PositiveBigIntegerField(verbose_name=_("record"))
    priority = models.PositiveSmallIntegerField(verbose_name=_("priority"))
    position = models.BigIntegerField(verbose_name=_("order"))
    sector = entry_of(Sector, _("sector"))
    area = entry_of(PolicyArea, _("policy area"), null=True)
    division = entry_of(Division, _("division"), null=True)
    service = entry_of(Service, _("service"), null=True)
    commitment = entry_of(Commitment, _("commitment"), null=True)
    key = models.TextField(verbose_name=_("search key"))
    words = models.TextField(verbose_name=_("words"))
    initials = models.TextField(verbose_name=_("initial consonants"))
    grams = models.TextField(verbose_name=_("character pairs"))

    class Meta:
        ordering = ["priority", "position"]
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [
            models.Index(fields=["kind", "object_id"]),
            # Whole phone numbers are looked up by prefix (PostgreSQL needs
            # the pattern operator class for LIKE 'x%'; others ignore it).
            models.Index(
                fields=["key"],
                name="directory_searchentry_key_like",
                opclasses=["text_pattern_ops"],
            ),
        ]

    def __str__(self):
        return self.key


class SearchGram(models.Model):
    """Two or three adjacent syllables (or initials) of a search entry, and how
    well they match it.

    The commonest queries are two or three syllables long (상담, 외국인), and
    one can match a tenth of all entries; kept in ranking order under one
    index, its best matches are read from the start of that index instead of
    ranking them all.
    """

    entry = models.ForeignKey(
        SearchEntry,
        verbose_name=_("search entry"),
        on_delete=models.CASCADE,
        related_name="pieces",
    )
    gram = models.CharField(verbose_name=_("syllables"), max_length=3)
    priority = models.PositiveSmallIntegerField(verbose_name=_("priority"))
    tier = models.PositiveSmallIntegerField(verbose_name=_("match tier"))
    position = models.BigIntegerField(verbose_name=_("order"))
    kind = models.CharField(
        verbose_name=_("kind"), max_length=10, choices=SearchEntry.Kind
    )
    object_id = models.PositiveBigIntegerField(verbose_name=_("record"))

    class Meta:
        verbose_name = _("search syllables")
        verbose_name_plural = _("search syllables")
        indexes = [
            # Holds every column a query reads: an index-only scan.
            models.Index(
                fields=["gram", "priority", "tier", "position", "kind", "object_id"],
                name="directory_searchgram_ranked",
            )
        ]

    def __str__(self):
        return self.gram
