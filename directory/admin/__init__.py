"""The directory's admin: model admins, the import screen, spreadsheet
resources and admin forms. Importing the package registers every model admin
(in the order of ``models``) and what the admin's index shows first."""

from . import attention, holidays, records, search_misses, services  # noqa: F401
