from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


def official_language():
    """Read and write translated fields as their official, Korean text.

    Usable as a context manager or a decorator.
    """
    return translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE)


def natural_key_of(obj):
    """The row's natural key, from its model's ``natural_key_fields``.

    A relation stands for the natural key of the row it points to, and a
    translated field for its official Korean text, whatever the active language.
    """
    key = []
    for name in obj.natural_key_fields:
        field = obj._meta.get_field(name)
        if field.is_relation:
            key += getattr(obj, name).natural_key()
            continue
        value = getattr(obj, _official_name(obj._meta, name))
        # Fixtures spell a value such as a phone number as its text.
        key.append(value if isinstance(value, str | int) else str(value))
    return tuple(key)


def natural_key_filter(model, key):
    """The lookups that find the row whose natural key is ``key``."""
    return dict(zip(_natural_key_lookups(model), key, strict=True))


def natural_keys(queryset):
    """(pk, natural key) of each row, read as values in one query: the same
    keys as ``natural_key_of``, without a model instance per row."""
    lookups = _natural_key_lookups(queryset.model)
    for pk, *key in queryset.order_by().values_list("pk", *lookups):
        yield (
            pk,
            tuple(
                value if isinstance(value, str | int) else str(value) for value in key
            ),
        )


def _natural_key_lookups(model, prefix=""):
    lookups = []
    for name in model.natural_key_fields:
        field = model._meta.get_field(name)
        if field.is_relation:
            lookups += _natural_key_lookups(field.related_model, f"{prefix}{name}__")
        else:
            lookups.append(prefix + _official_name(model._meta, name))
    return lookups


def _official_name(meta, name):
    """The column of a field's official text: ``name_ko`` if it is translated."""
    official = f"{name}_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}"
    return official if any(f.name == official for f in meta.concrete_fields) else name


class OfficialText:
    """A record with translated texts whose Korean text is the official one.

    django-modeltranslation gives each translated field a column per
    language and reads and writes the plain field in the active language.
    Saving in Korean keeps the plain column equal to the Korean text, whatever
    language the request that saves it is in (history records it the same way).
    """

    def save(self, *args, **kwargs):
        with official_language():
            super().save(*args, **kwargs)


def document_order(area, *within):
    """How the standard documents order their rows: by sector, by policy area,
    then by ``within``; ``area`` is the lookup from a row to its policy area."""
    return [f"{area}__sector__position", f"{area}__number", *within]


class DocumentQuerySet(models.QuerySet):
    def in_document_order(self):
        """The rows as the standard documents list them (the models' ordering),
        whatever order was asked for before."""
        return self.order_by(*self.model._meta.ordering)


class SectorQuerySet(DocumentQuerySet):
    def with_areas(self, commitments=False):
        """Sectors with their policy areas and, if asked, the areas' commitments."""
        areas = PolicyArea.objects.all()
        if commitments:
            areas = areas.prefetch_related("commitments")
        return self.prefetch_related(models.Prefetch("areas", areas))

    def with_pledges(self):
        """Sectors with every area's commitments and their pledges, in order."""
        return self.prefetch_related(
            models.Prefetch("areas__commitments", Commitment.objects.with_pledges())
        )

    def with_services(self, services):
        """Every area's services, read by ``services``: the directory owns
        services and how a table of them is read, standards only the name."""
        return self.prefetch_related(models.Prefetch("areas__services", services))


class SectorManager(models.Manager):
    def get_by_natural_key(self, *key):
        return self.get(**natural_key_filter(self.model, key))


class Sector(OfficialText, models.Model):
    # Unique by a constraint rather than unique=True, which the translation
    # columns would copy into the history tables, where names repeat.
    name = models.CharField(verbose_name=_("sector name"), max_length=100)
    title = models.CharField(
        verbose_name=_("document title"),
        max_length=200,
        help_text=_("Enter the title exactly as the standard document gives it."),
    )
    position = models.PositiveSmallIntegerField(verbose_name=_("order"), default=0)

    objects = SectorManager.from_queryset(SectorQuerySet)()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        constraints = [
            models.UniqueConstraint(fields=["name"], name="unique_sector_name"),
        ]

    def __str__(self):
        return self.name

    natural_key_fields = ("name",)

    def natural_key(self):
        return natural_key_of(self)


class PolicyAreaQuerySet(DocumentQuerySet):
    def with_sector(self):
        return self.select_related("sector")

    def with_pledges(self):
        """Areas with their commitments and each commitment's pledges, in order."""
        return self.prefetch_related(
            models.Prefetch("commitments", Commitment.objects.with_pledges())
        )

    def with_services(self, services):
        return self.prefetch_related(models.Prefetch("services", services))


class PolicyAreaManager(models.Manager):
    def get_by_natural_key(self, *key):
        return self.get(**natural_key_filter(self.model, key))


class PolicyArea(OfficialText, models.Model):
    sector = models.ForeignKey(
        Sector,
        verbose_name=_("sector"),
        on_delete=models.PROTECT,
        related_name="areas",
    )
    number = models.PositiveSmallIntegerField(verbose_name=_("number"))
    title = models.CharField(verbose_name=_("title"), max_length=200)

    objects = PolicyAreaManager.from_queryset(PolicyAreaQuerySet)()

    class Meta:
        ordering = ["sector__position", "sector", "number"]
        verbose_name = _("policy area")
        verbose_name_plural = _("policy areas")
        constraints = [
            models.UniqueConstraint(
                fields=["sector", "number"], name="unique_area_number_per_sector"
            ),
            models.UniqueConstraint(
                fields=["sector", "title"], name="unique_area_title_per_sector"
            ),
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    natural_key_fields = ("sector", "number")

    def natural_key(self):
        return natural_key_of(self)

    natural_key.dependencies = ["standards.sector"]


class CommitmentQuerySet(DocumentQuerySet):
    def with_pledges(self):
        return self.prefetch_related(
            models.Prefetch("pledges", Pledge.objects.in_document_order())
        )

    def for_page(self):
        """Commitments as the API and the downloads give them: area and pledges."""
        return self.select_related("area").with_pledges()


class CommitmentManager(models.Manager):
    def get_by_natural_key(self, *key):
        return self.get(**natural_key_filter(self.model, key))


class Commitment(OfficialText, models.Model):
    area = models.ForeignKey(
        PolicyArea,
        verbose_name=_("policy area"),
        on_delete=models.PROTECT,
        related_name="commitments",
    )
    position = models.PositiveSmallIntegerField(
        verbose_name=_("order"),
        help_text=_("Enter the order in the document: 가 is 1, 나 is 2, and so on."),
    )
    letter = models.CharField(verbose_name=_("letter"), max_length=2)
    title = models.CharField(verbose_name=_("title"), max_length=200)

    objects = CommitmentManager.from_queryset(CommitmentQuerySet)()

    class Meta:
        ordering = document_order("area", "position")
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        constraints = [
            models.UniqueConstraint(
                fields=["area", "position"], name="unique_commitment_position_per_area"
            ),
            models.UniqueConstraint(
                fields=["area", "letter"], name="unique_commitment_letter_per_area"
            ),
        ]

    def __str__(self):
        return f"{self.letter}. {self.title}"

    natural_key_fields = ("area", "letter")

    def natural_key(self):
        return natural_key_of(self)

    natural_key.dependencies = ["standards.policyarea"]

    def get_absolute_url(self):
        return f"{self.area.get_absolute_url()}#commitment-{self.pk}"


class PledgeManager(models.Manager):
    def get_by_natural_key(self, *key):
        return self.get(**natural_key_filter(self.model, key))


class Pledge(OfficialText, models.Model):
    commitment = models.ForeignKey(
        Commitment,
        verbose_name=_("commitment"),
        on_delete=models.CASCADE,
        related_name="pledges",
    )
    number = models.PositiveSmallIntegerField(verbose_name=_("number"))
    text = models.TextField(verbose_name=_("pledge text"))

    objects = PledgeManager.from_queryset(DocumentQuerySet)()

    class Meta:
        ordering = document_order("commitment__area", "commitment__position", "number")
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "number"],
                name="unique_pledge_number_per_commitment",
            ),
        ]

    def __str__(self):
        return f"{self.number}) {self.text}"

    natural_key_fields = ("commitment", "number")

    def natural_key(self):
        return natural_key_of(self)

    natural_key.dependencies = ["standards.commitment"]
