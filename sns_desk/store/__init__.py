"""Opening, checking and migrating databases, the ORM models, the audit chain: the only SQL."""
