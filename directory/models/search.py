"""What search reads: staff's synonyms and search words, and the entries it indexes."""

import zlib

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from standards.models import (
    Commitment,
    PolicyArea,
    Sector,
    natural_key_filter,
    natural_key_of,
)

from .divisions import Division
from .helplines import HelpLine
from .services import Service


class SynonymQuerySet(models.QuerySet):
    def get_by_natural_key(self, *key):
        return self.get(**natural_key_filter(self.model, key))


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

    natural_key_fields = ("term", "synonym")

    def natural_key(self):
        return natural_key_of(self)


class SearchWordQuerySet(models.QuerySet):
    def get_by_natural_key(self, *key):
        return self.get(**natural_key_filter(self.model, key))


def word_target(model, verbose_name):
    return models.ForeignKey(
        model,
        verbose_name=verbose_name,
        on_delete=models.CASCADE,
        related_name="search_words",
        null=True,
        blank=True,
    )


class SearchWord(models.Model):
    """Words people use in one language for what a service, team or help line
    answers ("unpaid wages", "工资"): found by search, never shown as its text."""

    service = word_target(Service, _("service"))
    division = word_target(Division, _("division"))
    helpline = word_target(HelpLine, _("help line"))
    language = models.CharField(verbose_name=_("language"), max_length=10)
    words = models.TextField(
        verbose_name=_("search words"),
        help_text=_(
            "Enter the words people type in this language, separated by commas."
        ),
    )

    objects = SearchWordQuerySet.as_manager()
    history = HistoricalRecords(
        verbose_name=_("search word history"),
        verbose_name_plural=_("search word history"),
    )

    class Meta:
        ordering = ["language", "pk"]
        verbose_name = _("search words")
        verbose_name_plural = _("search words")
        constraints = [
            models.UniqueConstraint(
                fields=["language", "words"], name="unique_search_words"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(service__isnull=False, division=None, helpline=None)
                    | models.Q(service=None, division__isnull=False, helpline=None)
                    | models.Q(service=None, division=None, helpline__isnull=False)
                ),
                name="search_words_have_one_target",
                violation_error_message=_(
                    "Choose exactly one service, team or help line."
                ),
            ),
        ]

    def __str__(self):
        return f"[{self.language}] {self.words}"

    natural_key_fields = ("language", "words")

    def natural_key(self):
        return natural_key_of(self)

    @property
    def target(self):
        return self.service or self.division or self.helpline

    @property
    def phrases(self):
        """Each comma-separated phrase: each is searched as a text of its own."""
        return [phrase.strip() for phrase in self.words.split(",") if phrase.strip()]


def entry_of(model, verbose_name, **options):
    """A search entry's link to a record it belongs to, or is filtered by.

    Unindexed but for the service's (by which a service's entries are
    replaced): searches find entries by their text, and the links only
    filter what was found, and an index on each would be a large share of it.
    """
    return models.ForeignKey(
        model,
        verbose_name=verbose_name,
        on_delete=models.CASCADE,
        related_name="search_entries",
        **{"db_index": False, **options},
    )


class WordCodesField(models.Field):
    """The codes of a text's words (``SearchTerm.code``), on PostgreSQL an
    ``integer[]`` that a GIN index serves; elsewhere never written (SQLite
    keeps every text as it is), so text that stays empty."""

    def db_type(self, connection):
        return "integer[]" if connection.vendor == "postgresql" else "text"


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
        HELPLINE = "helpline", _("Help line")

    kind = models.CharField(verbose_name=_("kind"), max_length=10, choices=Kind)
    object_id = models.PositiveBigIntegerField(verbose_name=_("record"))
    priority = models.PositiveSmallIntegerField(verbose_name=_("priority"))
    position = models.BigIntegerField(verbose_name=_("order"))
    sector = entry_of(Sector, _("sector"), null=True)
    area = entry_of(PolicyArea, _("policy area"), null=True)
    division = entry_of(Division, _("division"), null=True)
    service = entry_of(Service, _("service"), null=True, db_index=True)
    commitment = entry_of(Commitment, _("commitment"), null=True)
    helpline = entry_of(HelpLine, _("help line"), null=True)
    key = models.TextField(verbose_name=_("search key"))
    words = models.TextField(verbose_name=_("words"))
    initials = models.TextField(verbose_name=_("initial consonants"))
    grams = models.TextField(verbose_name=_("character pairs"))
    word_codes = WordCodesField(verbose_name=_("word codes"), null=True)

    class Meta:
        ordering = ["priority", "position"]
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [
            models.Index(fields=["kind", "object_id"]),
            # Whole phone numbers are looked up by prefix (PostgreSQL needs
            # the pattern operator class for LIKE 'x%'; others ignore it):
            # through the trigram index, every number shares 031's trigrams.
            # Only numbers (no character pairs): texts are never looked up so.
            models.Index(
                fields=["key"],
                name="directory_searchentry_key_like",
                opclasses=["text_pattern_ops"],
                condition=models.Q(grams=""),
            ),
        ]

    def __str__(self):
        return self.key


class SearchTerm(models.Model):
    """A word of the indexed texts: in a script where slips are forgiven by
    edit distance (Latin, Cyrillic, Devanagari), the vocabulary a mistyped
    word of a query is corrected against; on PostgreSQL also every word of
    the texts indexed by their words' codes (``directory.search.entries``),
    which a query's words are looked up in. Written only by
    ``directory.search``."""

    word = models.CharField(verbose_name=_("word"), max_length=100, unique=True)
    # A hash of the word, not a sequence: worker processes code the words of
    # the entries they build without asking the database.
    code = models.IntegerField(verbose_name=_("word code"))

    @staticmethod
    def code_of(word):
        """The word's code: positive, stable across processes and releases."""
        return zlib.crc32(word.encode()) & 0x7FFFFFFF or 1

    class Meta:
        verbose_name = _("indexed word")
        verbose_name_plural = _("indexed words")

    def __str__(self):
        return self.word


class SearchMiss(models.Model):
    """A query that found nothing or only a partial match, counted per
    language and week. No address, session or time finer than the week's
    Monday is kept, and queries that look like a phone number or a person's
    name are never stored (``directory.search.misses``)."""

    class Outcome(models.TextChoices):
        NONE = "none", _("No results")
        WEAK = "weak", _("Weak results")

    query = models.CharField(verbose_name=_("query"), max_length=100)
    language = models.CharField(verbose_name=_("language"), max_length=10)
    week = models.DateField(verbose_name=_("week"))
    outcome = models.CharField(verbose_name=_("outcome"), max_length=4, choices=Outcome)
    count = models.PositiveIntegerField(verbose_name=_("searches"), default=0)

    class Meta:
        ordering = ["-week", "-count", "query"]
        verbose_name = _("search without a good answer")
        verbose_name_plural = _("searches without a good answer")
        constraints = [
            models.UniqueConstraint(
                fields=["query", "language", "week", "outcome"],
                name="unique_search_miss",
            ),
        ]

    def __str__(self):
        return self.query
