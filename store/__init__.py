"""The SQLite event store: schema, migrations, ingest, queries and export."""
