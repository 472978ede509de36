"""The timeline's rows: year/month headers and events, fetched on demand.

The explorer never holds event records for the whole chronology: it holds
one compact array of (event id, month) pairs for the current filter, in
chronological order, and fetches the few events a screen shows in one
indexed query, through an LRU cache. With a million events the arrays take
about 12 MB.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections import OrderedDict
from dataclasses import dataclass

from waqai.store.db import Database
from waqai.store.queries import EventFilter, events_by_id

HEADER_YEAR = -1
HEADER_MONTH = -2


@dataclass(frozen=True, slots=True)
class Row:
    """One row: a header (kind < 0, label) or an event (kind = event id)."""

    kind: int
    label: str


class TimelineModel:
    """Rows for one filter: headers interleaved with event ids, in date order."""

    def __init__(self, db: Database, flt: EventFilter | None = None) -> None:
        self.db = db
        self.filter = flt or EventFilter()
        self.ids = array("q")
        # For each row: >= 0 an index into ids; -1 - year or -1 - (year*100+month) for headers.
        self.rows = array("q")
        self._cache: OrderedDict[int, dict] = OrderedDict()
        self.per_year: dict[int, int] = {}
        self.per_month: dict[tuple[int, int], int] = {}  # by the month each event begins in
        self._year_headers: list[tuple[int, int]] | None = None
        self.complete = False

    def load(self, limit: int | None = None) -> None:
        """Read the filtered event ids and build the row layout (a worker calls this).

        With ``limit``, only the first events are read: enough for a first
        screen at once, with the same rows as the start of the full layout.
        """
        where, params = self.filter.where()
        ids, rows = array("q"), array("q")
        per_year: dict[int, int] = {}
        per_month: dict[tuple[int, int], int] = {}
        last_year = last_month = None
        # Only columns of the events_interval index: one covering index scan.
        sql = (f"SELECT e.id, substr(e.begin_day, 1, 7), substr(e.begin_day, 1, 7) = substr(e.end_day, 1, 7)"
               f" FROM events e{where} ORDER BY e.begin_day, e.end_day, e.id")
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        for event_id, year_month, within_a_month in self.db.execute(sql, params):
            year = int(year_month[:4])
            if year != last_year:
                rows.append(-1 - year)
                last_year, last_month = year, None
            month = int(year_month[5:7]) if within_a_month else None
            if month is not None and month != last_month:
                rows.append(-1 - (year * 100 + month))
                last_month = month
            rows.append(len(ids))
            ids.append(event_id)
            per_year[year] = per_year.get(year, 0) + 1
            begin_month = (year, int(year_month[5:7]))
            per_month[begin_month] = per_month.get(begin_month, 0) + 1
        self.ids, self.rows, self.per_year, self.per_month = ids, rows, per_year, per_month
        self._year_headers = None
        self.complete = limit is None or len(ids) < limit

    def __len__(self) -> int:
        return len(self.rows)

    @property
    def event_count(self) -> int:
        """How many events the filter keeps."""
        return len(self.ids)

    def row(self, index: int) -> Row:
        """The row at ``index`` (a header or an event id)."""
        code = self.rows[index]
        if code >= 0:
            return Row(self.ids[code], "")
        value = -1 - code
        if value < 10000:
            return Row(HEADER_YEAR, str(value))
        return Row(HEADER_MONTH, f"{value // 100}-{value % 100:02d}")

    def is_event(self, index: int) -> bool:
        """Whether row ``index`` is an event (not a header)."""
        return 0 <= index < len(self.rows) and self.rows[index] >= 0

    def events(self, event_ids: list[int]) -> dict[int, dict]:
        """Event records for ids, from the LRU cache or one query for the missing ones."""
        missing = [i for i in event_ids if i not in self._cache]
        if missing:
            for event in events_by_id(self.db, missing, with_sources=True):
                self._cache[event["id"]] = event
            while len(self._cache) > 5000:
                self._cache.popitem(last=False)
        found = {}
        for i in event_ids:
            if i in self._cache:
                self._cache.move_to_end(i)
                found[i] = self._cache[i]
        return found

    def first_event_on_or_after(self, day: str) -> int | None:
        """The first event of this filter whose interval ends on or after ``day``, from the database."""
        where, params = self.filter.where()
        where += (" AND " if where else " WHERE ") + "e.end_day >= ?"
        row = self.db.execute(
            f"SELECT e.id FROM events e{where} ORDER BY e.begin_day, e.end_day, e.id LIMIT 1", [*params, day]
        ).fetchone()
        return row[0] if row else None

    def first_row_on_or_after(self, day: str) -> int | None:
        """The first event row whose interval ends on or after ``day`` (for jumps), if loaded."""
        event_id = self.first_event_on_or_after(day)
        return None if event_id is None else self.row_of_event(event_id)

    def row_of_event(self, event_id: int) -> int | None:
        """The row index showing ``event_id``."""
        try:
            position = self.ids.index(event_id)
        except ValueError:
            return None
        # rows are increasing in event index, so bisect on the event rows.
        low, high = 0, len(self.rows) - 1
        while low <= high:
            middle = (low + high) // 2
            code = self.rows[middle]
            probe = middle
            while code < 0 and probe < high:
                probe += 1
                code = self.rows[probe]
            if code == position:
                return probe
            if code < position:
                low = probe + 1
            else:
                high = middle - 1
        return None

    def year_rows(self) -> list[tuple[int, int]]:
        """(year, row index of its header), in order (computed once per load)."""
        if self._year_headers is None:
            self._year_headers = [(-1 - code, i) for i, code in enumerate(self.rows) if code < 0 and -1 - code < 10000]
        return self._year_headers

    def year_of_row(self, row: int) -> int | None:
        """The year whose section holds ``row``."""
        headers = self.year_rows()
        i = bisect_right([r for _, r in headers], row) - 1
        return headers[i][0] if i >= 0 else None

    def row_of_year(self, year: int) -> int | None:
        """The header row of ``year``, or of the first later year with events."""
        return next((row for y, row in self.year_rows() if y >= year), None)
