"""The directory's models, one module per subject; import them from here."""

from .contacts import VERIFY_EVERY, Contact, VerifiableQuerySet, validate_digits
from .helplines import HelpLine
from .reports import Report
from .search import SearchEntry, SearchGram, Synonym
from .seeds import SeedRecord
from .services import Division, Service, ServicePhone

__all__ = [
    "VERIFY_EVERY",
    "Contact",
    "Division",
    "HelpLine",
    "Report",
    "SearchEntry",
    "SearchGram",
    "SeedRecord",
    "Service",
    "ServicePhone",
    "Synonym",
    "VerifiableQuerySet",
    "validate_digits",
]
