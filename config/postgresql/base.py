"""Django's PostgreSQL backend, creating test databases in an explicit locale.

``pg_trgm`` splits Hangul into trigrams only where ``LC_CTYPE`` treats it as
letters (``C.UTF-8`` does, ``C`` does not), and a cluster's default locale is
whatever the machine that created it had. A test database is therefore created
UTF-8 from ``template0`` with the locale of ``TEST["LOCALE"]`` (C.UTF-8 unless
set), so that search is tested as it runs whatever the cluster's default.
"""

from django.db.backends.postgresql import base, creation

DEFAULT_TEST_LOCALE = "C.UTF-8"


class DatabaseCreation(creation.DatabaseCreation):
    def sql_table_creation_suffix(self):
        suffix = super().sql_table_creation_suffix()
        locale = self.connection.settings_dict["TEST"].get(
            "LOCALE", DEFAULT_TEST_LOCALE
        )
        if not locale:
            return suffix
        quoted = "'{}'".format(locale.replace("'", "''"))
        return f"{suffix or 'WITH'} LC_COLLATE {quoted} LC_CTYPE {quoted}"


class DatabaseWrapper(base.DatabaseWrapper):
    creation_class = DatabaseCreation
