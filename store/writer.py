"""sqlite-utils on waqai's own connection, for the write path only.

sqlite-utils transforms tables where SQLite's ALTER TABLE cannot and
batches the inserts of migrations. Not the per-article inserts of ingest:
its ``insert_all`` cost the single writer about 1 ms more per article than
``executemany`` (+11 % of its CPU on 3,978 real articles). Importing it costs
more than a whole cold lookup, so only writers call ``utils_database`` and nothing imports this
module's dependency at start-up (``tests/test_store_utils.py`` checks that a
lookup leaves ``sqlite_utils`` out of ``sys.modules``).

Its methods nest in the caller's ``BEGIN IMMEDIATE`` as savepoints, so a
document or a migration is still stored whole or not at all.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Iterable, Sequence

if TYPE_CHECKING:
    import sqlite_utils


def utils_database(conn: sqlite3.Connection) -> "sqlite_utils.Database":
    """A sqlite-utils Database over ``conn`` that changes none of its settings.

    No ``recursive_triggers`` (it would change what waqai's triggers do) and
    no plugins (another package's hook must not touch waqai's connection).
    """
    import sqlite_utils

    return sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)


def insert_rows(db: "sqlite_utils.Database", table: str, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    """Insert tuples into an existing table, in batches, inside the open transaction."""
    rows = list(rows)
    if rows:
        db.table(table).insert_all([list(columns), *rows], batch_size=500, alter=False)
