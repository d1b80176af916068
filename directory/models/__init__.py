"""The directory's models, one module per subject; import them from here."""

from standards.models import Commitment, Pledge, PolicyArea, Sector

from .contacts import VERIFY_EVERY, Contact, VerifiableQuerySet, validate_digits
from .divisions import Division
from .helplines import HelpLine
from .holidays import DeclaredHoliday
from .reports import Report
from .search import SearchEntry, SearchWord, Synonym
from .seeds import SeedRecord
from .services import Service, ServicePhone
from .verification import VerificationRequest

# The records the site publishes: its pages, its API and its downloads.
PUBLISHED_MODELS = [
    Sector,
    PolicyArea,
    Commitment,
    Pledge,
    Division,
    Contact,
    Service,
    ServicePhone,
]

__all__ = [
    "PUBLISHED_MODELS",
    "VERIFY_EVERY",
    "Contact",
    "DeclaredHoliday",
    "Division",
    "HelpLine",
    "Report",
    "SearchEntry",
    "SearchWord",
    "SeedRecord",
    "Service",
    "ServicePhone",
    "Synonym",
    "VerificationRequest",
    "VerifiableQuerySet",
    "validate_digits",
]
