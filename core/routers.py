class ReplicaRouter:
    """Send reads to the read replica and every write to the primary.

    The admin and anything inside a transaction read from the primary, so that
    staff always see what they have just saved.
    """

    def db_for_read(self, model, **hints):
        from django.db import connections

        if connections["default"].in_atomic_block:
            return "default"
        return "replica"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
