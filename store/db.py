"""Opening the database: location, pragmas, schema migrations, clear refusals.

A file that is not a waqai database (not SQLite, corrupted, or from a newer
waqai) is refused with a ``StoreError`` and never modified.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from collections.abc import Callable, Iterable, Iterator

from .errors import StoreError

SCHEMA_VERSION = 7
_APPLICATION_ID = 0x77716169  # "wqai"


class Database:
    """An open waqai database: its sqlite3 connection and where it lives.

    A plain handle rather than ``Database``: a lookup process
    starts in a fraction of the time without importing sqlite-utils, and
    every query here is explicit SQL anyway.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, readonly: bool) -> None:
        self.conn, self.path, self.readonly = conn, path, readonly

    def execute(self, sql: str, params: Iterable | dict = ()) -> sqlite3.Cursor:
        """Run one statement on the connection."""
        return self.conn.execute(sql, params)

    def table_names(self) -> list[str]:
        """The names of the tables, in creation order."""
        return [row[0] for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()


def default_db_path() -> Path:
    """``$WAQAI_DB``, else ``waqai.db`` in the user data directory."""
    env = os.environ.get("WAQAI_DB")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("waqai", appauthor=False)) / "waqai.db"


def _migration_1(conn: sqlite3.Connection) -> None:
    execute_script(
        conn,
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            path TEXT,
            sha256 TEXT NOT NULL UNIQUE,
            title TEXT,
            source TEXT,
            url TEXT,
            published TEXT,
            published_estimated INTEGER NOT NULL DEFAULT 0,
            encoding TEXT,
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE TABLE sentences (
            id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            paragraph INTEGER NOT NULL,
            start_offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            text TEXT NOT NULL,
            norm TEXT NOT NULL
        );
        CREATE INDEX sentences_doc ON sentences(doc_id, idx);
        CREATE VIRTUAL TABLE sentences_fts USING fts5(norm, content='sentences', content_rowid='id');
        CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
            INSERT INTO sentences_fts(rowid, norm) VALUES (new.id, new.norm);
        END;
        CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
            INSERT INTO sentences_fts(sentences_fts, rowid, norm) VALUES ('delete', old.id, old.norm);
        END;
        CREATE TABLE timexes (
            id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            sentence_id INTEGER REFERENCES sentences(id) ON DELETE CASCADE,
            start_offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            text TEXT NOT NULL,
            type TEXT NOT NULL,
            value TEXT NOT NULL,
            mod TEXT,
            begin_day TEXT,
            end_day TEXT
        );
        CREATE INDEX timexes_doc ON timexes(doc_id, start_offset);
        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            value TEXT NOT NULL,
            mod TEXT,
            begin_day TEXT NOT NULL,
            end_day TEXT NOT NULL,
            granularity TEXT NOT NULL,
            title TEXT NOT NULL,
            stance TEXT,
            n_sources INTEGER NOT NULL DEFAULT 0,
            n_documents INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX events_interval ON events(begin_day, end_day, id);
        CREATE INDEX events_end ON events(end_day);
        CREATE TABLE event_sources (
            event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            timex_id INTEGER NOT NULL REFERENCES timexes(id) ON DELETE CASCADE,
            sentence_id INTEGER NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            attribution TEXT,
            stance TEXT,
            clause_tokens TEXT NOT NULL,
            clause_entities TEXT NOT NULL,
            PRIMARY KEY (event_id, timex_id)
        );
        CREATE INDEX event_sources_sentence ON event_sources(sentence_id);
        CREATE INDEX event_sources_doc ON event_sources(doc_id);
        CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            name_en TEXT,
            kind TEXT NOT NULL,
            lat REAL,
            lon REAL
        );
        CREATE TABLE event_entities (
            event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL REFERENCES entities(id),
            PRIMARY KEY (event_id, entity_id)
        );
        CREATE INDEX event_entities_entity ON event_entities(entity_id, event_id);
        """
    )


def _migration_2(conn: sqlite3.Connection) -> None:
    # Interval overlap (begin <= to AND end >= from) cannot use one B-tree
    # index well: at a million events "--on 2021-06" scanned most of them. An
    # R*Tree over day numbers answers it directly; triggers keep it in step.
    execute_script(
        conn,
        """
        CREATE VIRTUAL TABLE events_span USING rtree_i32(id, first_day, last_day);
        INSERT INTO events_span(id, first_day, last_day)
            SELECT id, CAST(julianday(begin_day) AS INTEGER), CAST(julianday(end_day) AS INTEGER) FROM events;
        CREATE TRIGGER events_span_ai AFTER INSERT ON events BEGIN
            INSERT INTO events_span(id, first_day, last_day)
            VALUES (new.id, CAST(julianday(new.begin_day) AS INTEGER), CAST(julianday(new.end_day) AS INTEGER));
        END;
        CREATE TRIGGER events_span_ad AFTER DELETE ON events BEGIN
            DELETE FROM events_span WHERE id = old.id;
        END;
        """
    )


def _migration_3(conn: sqlite3.Connection) -> None:
    # The analyst's edits: their own table, which ingest never touches (store/edits.py).
    from .edits import migration

    migration(conn)


def _migration_4(conn: sqlite3.Connection) -> None:
    # How sure the detector was of a legacy code page (1.0 for a BOM or valid UTF-8).
    conn.execute("ALTER TABLE documents ADD COLUMN encoding_confidence REAL")


def _migration_5(conn: sqlite3.Connection) -> None:
    # Planned happenings, the kind of each report, and the merge-candidate
    # index (store/merge_index.py), filled from the reports already stored.
    execute_script(
        conn,
        """
        ALTER TABLE events ADD COLUMN planned INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE event_sources ADD COLUMN planned INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE event_sources ADD COLUMN kind TEXT;
        """
    )
    from .merge_index import create_index

    create_index(conn)


def _migration_6(conn: sqlite3.Connection) -> None:
    # The database was 6.5 times the text on real news (issue 18): sentences kept
    # their text and a folded copy, and event_keys its signatures as text three
    # times over. Sentences now keep offsets only (store/sentences.py), the
    # full-text index keeps no copy, and merge keys are 64-bit hashes.
    from . import sentences
    from .merge_index import create_index
    from .writer import insert_rows, utils_database

    db = utils_database(conn)
    for doc_id, text in conn.execute(
        "SELECT id, text FROM documents WHERE instr(CAST(text AS BLOB), x'00') > 0"
    ).fetchall():
        conn.execute("UPDATE documents SET text = ? WHERE id = ?", (sentences.storable_text(text), doc_id))
    # A view naming sentences would fail the rename that ends transform(): the
    # views are dropped and made again from their own SQL.
    views = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view' ORDER BY rowid").fetchall()
    for name, _ in reversed(views):
        conn.execute(f'DROP VIEW "{name}"')
    for trigger in ("sentences_ai", "sentences_ad"):
        conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    conn.execute("DROP TABLE IF EXISTS sentences_fts")
    # SQLite's DROP COLUMN would do here too, but transform() is the one
    # tool for every later change of a column, so the history uses it once.
    db.table("sentences").transform(drop={"text", "norm"})
    for _, sql in views:
        conn.execute(sql)
    conn.execute("CREATE VIRTUAL TABLE sentences_fts USING fts5(norm, content='')")
    # The index is filled again from the documents, in batches of folded sentences.
    batch: list[tuple[int, str]] = []
    documents = conn.execute("SELECT d.id FROM documents d WHERE EXISTS (SELECT 1 FROM sentences s WHERE s.doc_id = d.id)")
    for (doc_id,) in documents.fetchall():
        text = conn.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()[0]
        spans = conn.execute("SELECT id, start_offset, end_offset FROM sentences WHERE doc_id = ?", [doc_id]).fetchall()
        batch += sentences.index_rows(text, spans)
        if len(batch) >= 5000:
            insert_rows(db, "sentences_fts", ("rowid", "norm"), batch)
            batch = []
    insert_rows(db, "sentences_fts", ("rowid", "norm"), batch)
    execute_script(conn, READER_VIEWS)
    if "sig" in db.table("event_keys").columns_dict:
        conn.execute("DROP TABLE event_keys")
        create_index(conn)



def _migration_7(conn: sqlite3.Connection) -> None:
    # Cutting every source's sentence out of its document made a cold
    # "list --on" at a million events 17 % slower than schema 5 (each source
    # read its document's whole text). The sentences that some event reports,
    # about one in five on real news, keep their text again, once each.
    from . import sentences
    from .writer import utils_database

    utils_database(conn).table("sentences").add_column("reported_text", str)
    execute_script(conn, sentences.REPORTED_TEXT_TRIGGERS)
    conn.execute(sentences.FILL_REPORTED_TEXT)
    # The same release changed the reprint key (day words no longer count, so a
    # late copy whose أمس became اليوم finds its first print): keys are rebuilt.
    from .merge_index import create_index

    conn.execute("DROP TABLE event_keys")
    create_index(conn)


# For people reading the database with sqlite3, sqlite-utils or Datasette
# (docs/ecosystem.md, docs/metadata.json); waqai itself does not read them.
READER_VIEWS = """
CREATE VIEW sentence_text AS
SELECT s.id, s.doc_id, s.idx, s.paragraph, s.start_offset, s.end_offset,
       substr(d.text, s.start_offset + 1, s.end_offset - s.start_offset) AS text
FROM sentences s JOIN documents d ON d.id = s.doc_id;
CREATE VIEW event_overview AS
SELECT e.id, e.begin_day, e.end_day, substr(e.begin_day, 1, 4) AS year, e.value, e.granularity, e.title,
       e.stance, e.planned, e.n_documents AS corroboration,
       (SELECT json_group_array(en.name) FROM event_entities ee JOIN entities en ON en.id = ee.entity_id
        WHERE ee.event_id = e.id AND en.kind IN ('group', 'person')) AS actors,
       (SELECT json_group_array(en.name) FROM event_entities ee JOIN entities en ON en.id = ee.entity_id
        WHERE ee.event_id = e.id AND en.kind IN ('place', 'country')) AS places
FROM events e;
"""


MIGRATIONS: list[tuple[str, Callable[[sqlite3.Connection], None]]] = [
    ("0001_initial", _migration_1),
    ("0002_events_span_rtree", _migration_2),
    ("0003_analyst_edits", _migration_3),
    ("0004_encoding_confidence", _migration_4),
    ("0005_planned_and_merge_index", _migration_5),
    ("0006_compact_sentences_and_keys", _migration_6),
    ("0007_reported_sentence_text", _migration_7),
]


def _check_header(path: Path) -> None:
    if not path.exists():
        return
    if not path.is_file():
        # SQLite would create side files next to it (/dev/null-journal) or block on a FIFO.
        raise StoreError(f"{path} is not a regular file; choose another --db path")
    if path.stat().st_size == 0:
        return
    with open(path, "rb") as handle:
        header = handle.read(16)
    if header != b"SQLite format 3\x00":
        raise StoreError(f"{path} is not a SQLite database; choose another --db path")


def read_only_reason(path: Path) -> str | None:
    """Why an existing database must be opened read-only, or None when it can be written.

    A file without any write permission bit counts as read-only even for
    root: the user marked it so, and waqai respects that.
    """
    if not path.exists():
        return None
    if not path.stat().st_mode & 0o222 or not os.access(path, os.W_OK):
        return f"{path} is read-only"
    if not os.access(path.parent, os.W_OK):
        return f"the folder {path.parent} is read-only"
    return None


def open_for_lookup(path: Path | str) -> Database:
    """Open an existing database for lookups: writable when allowed (so migrations
    apply), read-only otherwise, without ever writing to a read-only one."""
    path = Path(path)
    return open_db(path, readonly=read_only_reason(path) is not None, create=False)


def open_for_writing(path: Path | str) -> Database:
    """Open (creating if needed) a database that ingest will write, refusing read-only ones."""
    path = Path(path)
    reason = read_only_reason(path)
    if reason:
        raise StoreError(f"{reason}: lookups and the explorer can read it, but ingest needs a writable database")
    return open_db(path)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False, timeout=30)
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1")
        return conn
    except sqlite3.OperationalError:
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            # Committed changes a crashed writer left in the WAL need a recovery that a
            # read-only connection cannot run; an immutable open would ignore them and
            # show stale data (or claim the schema is old).
            raise StoreError(
                f"{path} has changes in {wal} that a read-only database cannot apply; give it write permission"
                " and run any waqai lookup once (or copy both files to a writable folder), then make it read-only again"
            ) from None
        # A WAL database in a folder we cannot write has no -shm file to share:
        # read it as an immutable file (nothing can be writing it anyway).
        return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)


def open_db(path: Path | str, *, readonly: bool = False, create: bool = True) -> Database:
    """Open (and if needed create and migrate) a waqai database.

    Read-only opening never writes: it fails on a database that would need
    a migration. Raises StoreError with a readable message on any problem,
    and never modifies a file it refuses.
    """
    path = Path(path)
    _check_header(path)
    if (readonly or not create) and not path.exists():
        raise StoreError(f"no database at {path}")
    conn = None
    try:
        if readonly:
            conn = _connect_read_only(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        # Transactions are explicit (BEGIN IMMEDIATE … COMMIT), one per document.
        conn.isolation_level = None
        db = Database(conn, path, readonly)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA busy_timeout = 30000")
        application_id, version = _identity(db)
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{path} was written by a newer waqai (schema {version}, this one knows {SCHEMA_VERSION}); upgrade waqai"
            )
        tables = set(db.table_names())
        if not tables and not create:
            # An empty file (another program's, or one a concurrent ingest is
            # still creating) is not for a lookup to turn into a database.
            raise StoreError(f"no database at {path} yet (the file is empty); waqai ingest creates one there")
        if tables and application_id != _APPLICATION_ID:
            raise StoreError(f"{path} is a SQLite database but not a waqai one; choose another --db path")
        unknown = _unknown_migrations(conn) if tables else []
        if unknown:
            raise StoreError(f"{path} was written by another build of waqai (it records {', '.join(unknown)},"
                             " which this one does not know); upgrade waqai or choose another --db path")
        if not readonly:
            if tables and (db.execute("PRAGMA journal_mode").fetchone()[0] != "wal" or _pending(db)):
                ensure_intact(db)  # about to write: never into a damaged file
            if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                db.execute("PRAGMA journal_mode = WAL")
            # In WAL mode NORMAL keeps every transaction atomic through crashes and
            # kill -9; only a power cut can undo the last commits (re-ingest redoes them).
            db.execute("PRAGMA synchronous = NORMAL")
            migrate(db)
        elif version < SCHEMA_VERSION:
            raise StoreError(f"{path} needs a schema upgrade, which a read-only database cannot get")
    except sqlite3.DatabaseError as error:
        if conn is not None:
            conn.close()
        raise StoreError(describe_error(path, error)) from None
    except BaseException:  # StoreError, or anything a failed migration raised: nothing stays open
        if conn is not None:
            conn.close()
        raise
    return db


def ensure_intact(db: Database) -> None:
    """Raise StoreError when ``PRAGMA quick_check`` finds damage; call before the first write of a run.

    quick_check reads every page once (no index cross-checks), so it costs
    about a full scan: cheap next to an ingest, too slow for each lookup.
    """
    try:
        problems = [row[0] for row in db.execute("PRAGMA quick_check(3)")]
    except sqlite3.DatabaseError as error:
        raise StoreError(describe_error(db.path, error)) from None
    if problems != ["ok"]:
        raise StoreError(f"{db.path} is damaged ({problems[0]}); restore it from a backup or rebuild it"
                         " with waqai ingest into a new --db")


def describe_error(path: Path | str, error: sqlite3.DatabaseError) -> str:
    """A readable sentence for an SQLite error on the database at ``path``."""
    text = str(error)
    if "locked" in text or "busy" in text:
        return f"{path} is busy (locked by another process for too long); try again"
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return f"{path} is damaged ({text}); restore it from a backup or rebuild it with waqai ingest into a new --db"
    if "readonly" in text or "read-only" in text:
        return f"{path} cannot be written ({text})"
    return f"{path} cannot be used: {text}"


@contextmanager
def snapshot(db: Database) -> Iterator[Database]:
    """Run several reads against one consistent state, even while an ingest writes.

    In WAL mode a read transaction sees the database as of its first read;
    inside an already open transaction this adds nothing.
    """
    conn = db.conn
    if conn.in_transaction:
        yield db
        return
    conn.execute("BEGIN")
    try:
        yield db
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")


def _identity(db: Database) -> tuple[int, int]:
    application_id = db.execute("PRAGMA application_id").fetchone()[0]
    version = db.execute("PRAGMA user_version").fetchone()[0]
    return application_id, version


# Migrations a development build recorded under another name: what they did is done.
_FORMER_NAMES = {"0003_encoding_confidence": "0004_encoding_confidence"}


def _applied(conn: sqlite3.Connection) -> set[str]:
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").fetchone():
        return set()
    return {_FORMER_NAMES.get(row[0], row[0]) for row in conn.execute("SELECT name FROM migrations")}


def _unknown_migrations(conn: sqlite3.Connection) -> list[str]:
    """Migrations a database records that this waqai does not have (a newer or another build wrote it)."""
    return sorted(_applied(conn) - {name for name, _ in MIGRATIONS})


def _pending(db: Database) -> bool:
    return not ({name for name, _ in MIGRATIONS} <= _applied(db.conn) and _identity(db)[0] == _APPLICATION_ID)


_upgrade_notice: Callable[[str], None] | None = None


def set_upgrade_notice(notice: Callable[[str], None] | None) -> None:
    """Have ``notice`` told, in one line, before an existing database is upgraded (the CLI prints it).

    An upgrade runs on the first open by a newer waqai, lookups included, and
    takes about a minute per few hundred megabytes: the user should know why
    that first command waits.
    """
    global _upgrade_notice
    _upgrade_notice = notice


def migrate(db: Database) -> None:
    """Apply the migrations not yet recorded, in one transaction.

    An up-to-date database is only read, never written, so opening it for
    lookups changes nothing on disk. Foreign keys are off while migrating:
    rebuilding a table (``Table.transform``) drops the old one, and with them
    on that would cascade into every row referencing it; ``PRAGMA
    foreign_key_check`` then refuses to commit a migration that broke one.
    """
    conn = db.conn
    if not _pending(db):
        return
    version = _identity(db)[1]
    if version and _upgrade_notice is not None:
        _upgrade_notice(f"Upgrading {db.path} from schema {version} to {SCHEMA_VERSION} (once; a large archive takes a minute)…")
    conn.execute("PRAGMA foreign_keys = OFF")  # a no-op inside a transaction, so before BEGIN
    try:
        with immediate_transaction(conn):
            conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            done = _applied(conn)  # again: another process may have migrated meanwhile
            for number, (name, apply) in enumerate(MIGRATIONS, start=1):
                if name in done:
                    continue
                apply(conn)
                conn.execute(
                    "INSERT INTO migrations(name, applied_at) VALUES (?, ?)",
                    (name, datetime.now(timezone.utc).isoformat(timespec="seconds")),
                )
                conn.execute(f"PRAGMA user_version = {number}")
            conn.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
            broken = conn.execute("PRAGMA foreign_key_check").fetchone()
            if broken:
                raise StoreError(f"{db.path}: upgrading the schema would break a reference from {broken[0]}"
                                 f" to {broken[2]}; nothing was changed")
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


@contextmanager
def immediate_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``: the write lock from the start, everything rolled back on any
    error or interruption (Ctrl+C included), so a change is stored whole or not at all."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def execute_script(conn: sqlite3.Connection, script: str) -> None:
    """Run SQL statements one by one inside the open transaction.

    ``executescript`` would COMMIT first, breaking the one-transaction-per-
    migration guarantee.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
