"""The two staff roles, defined once; ``core.roles`` applies them after
every migrate."""

from core.roles import Role

CONTACT_KEEPER = "연락처 담당자"
MANAGER = "관리자"

ROLES = [
    # Keepers keep numbers, teams and verification dates current and work
    # through the public's reports; the standard's own text is read-only to
    # them, and they delete nothing but a service's link to a number.
    Role(
        CONTACT_KEEPER,
        permissions=(
            "directory.view_division",
            "directory.add_division",
            "directory.change_division",
            "directory.view_contact",
            "directory.add_contact",
            "directory.change_contact",
            "directory.view_service",
            "directory.change_service",
            "directory.view_servicephone",
            "directory.add_servicephone",
            "directory.change_servicephone",
            "directory.delete_servicephone",
            "directory.view_report",
            "directory.change_report",
            "directory.view_helpline",
            "directory.view_verificationrequest",
            "standards.view_sector",
            "standards.view_policyarea",
            "standards.view_commitment",
            "standards.view_pledge",
        ),
    ),
    # Managers hold every permission of the site's apps, of models added
    # later too; the staff accounts' admin keeps them from granting more
    # than they hold (core.accounts).
    Role(MANAGER, apps=("auth", "standards", "directory", "axes")),
]
