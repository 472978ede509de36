"""The analyst's keys driven with a Pilot: the screen, the database and the terminal's clipboard."""

from __future__ import annotations

import base64
import json
import re
import sqlite3
from pathlib import Path

import pytest

from waqai.store.db import open_db
from waqai.store.queries import EventFilter, list_events
from waqai.tui.analyst import EditPrompt
from waqai.tui.app import WaqaiApp
from waqai.tui.screens import SourcesScreen
from waqai.tui.timeline import TimelineView

from test_tui import screen_text, settle, shaped, started


def stored_edits(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return [(kind, value) for kind, value in conn.execute("SELECT kind, value FROM edits ORDER BY id")]
    finally:
        conn.close()


async def select(app, pilot, word: str) -> dict:
    """Put the cursor on the event whose source sentence holds ``word``."""
    event = next(e for e in list_events(app.db, EventFilter()) if any(word in s["sentence"] for s in e["sources"]))
    app.query_one(TimelineView).go_to_row(app.model.row_of_event(event["id"]))
    await pilot.pause()
    return event


def selected_row(app) -> str:
    return next(line for line in screen_text(app).splitlines() if "2021-06-29" in line)


def clipboard_writes(app) -> list[str]:
    """Capture what the app writes to the terminal; returns the list it fills."""
    writes: list[str] = []
    original = app._driver.write

    def write(data: str) -> None:
        writes.append(data)
        original(data)

    app._driver.write = write
    return writes


def osc52_texts(writes: list[str]) -> list[str]:
    found = re.findall(r"\x1b\]52;c;([A-Za-z0-9+/=]*)\x07", "".join(writes))
    return [base64.b64decode(b).decode("utf-8") for b in found]


async def test_m_marks_and_unmarks_with_a_marker_in_the_list(edited_db):
    app = WaqaiApp(open_db(edited_db))
    async with app.run_test(size=(120, 36)) as pilot:
        await started(app, pilot)
        await select(app, pilot, "29 يونيو")
        assert "★" not in selected_row(app)
        await pilot.press("m")
        await pilot.pause()
        assert "★" in selected_row(app)
        assert stored_edits(edited_db) == [("mark", "1")]
        await settle(app, pilot, "asterisk")
        assert app.model.event_count == 1 and "[marked: only]" in screen_text(app)
        await settle(app, pilot, "asterisk")
        assert app.model.event_count == 30
        await select(app, pilot, "29 يونيو")
        await pilot.press("m")
        await pilot.pause()
        assert "★" not in selected_row(app) and stored_edits(edited_db)[-1] == ("mark", "0")


async def test_n_writes_a_note_shown_in_the_drill_down_and_filtered(edited_db):
    app = WaqaiApp(open_db(edited_db))
    async with app.run_test(size=(120, 36)) as pilot:
        await started(app, pilot)
        event = await select(app, pilot, "29 يونيو")
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, EditPrompt)
        await pilot.press(*"Kirby hedges", "enter")
        await pilot.pause()
        assert stored_edits(edited_db) == [("note", "Kirby hedges")]
        assert "✎" in selected_row(app)
        await settle(app, pilot, "N")
        assert app.model.event_count == 1 and app.model.ids[0] == event["id"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)
        text = screen_text(app)
        assert "note: Kirby hedges" in text
        assert "https://alsouria.net/" in text and "2021-08-11 (estimated)" in text and shaped("السورية نت") in text
        # Editing the note from the drill-down: the prompt starts with the note, the screen follows.
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one("#edit-input").value == "Kirby hedges"
        await pilot.press("end", *" twice", "enter")
        await pilot.pause()
        assert "note: Kirby hedges twice" in screen_text(app)


async def test_x_hides_noise_and_u_undoes_it(edited_db):
    app = WaqaiApp(open_db(edited_db))
    async with app.run_test(size=(120, 36)) as pilot:
        await started(app, pilot)
        event = await select(app, pilot, "29 يونيو")
        await settle(app, pilot, "x")
        assert app.model.event_count == 29 and event["id"] not in app.model.ids
        assert stored_edits(edited_db) == [("hide", "1")]
        assert app.query_one(TimelineView).selected_event_id is not None  # the cursor stays near
        await settle(app, pilot, "u")
        assert app.model.event_count == 30 and stored_edits(edited_db) == []
        assert app.query_one(TimelineView).selected_event_id == event["id"]


async def test_c_corrects_the_date_with_a_preview_and_the_event_moves(edited_db):
    app = WaqaiApp(open_db(edited_db))
    async with app.run_test(size=(120, 36)) as pilot:
        await started(app, pilot)
        event = await select(app, pilot, "29 يونيو")
        await pilot.press("c")
        await pilot.pause()
        assert app.screen.query_one("#edit-input").value == "2021-06-29"
        await pilot.press("home", "ctrl+k", *"2021-07 END")
        await pilot.pause()
        assert "2021-07-21 … 2021-07-31 (month)" in screen_text(app)
        await settle(app, pilot, "enter")
        timeline = app.query_one(TimelineView)
        assert timeline.selected_event_id == event["id"]  # the cursor follows the event to its new place
        moved = app.model.events([event["id"]])[event["id"]]
        assert (moved["value"], moved["begin"], moved["corrected"]["date"]["value"]) == ("2021-07", "2021-07-21", "2021-06-29")
        row = next(line for line in screen_text(app).splitlines() if "2021-07 late" in line)
        assert "✱" in row
        assert json.loads(stored_edits(edited_db)[0][1]) == {"value": "2021-07", "mod": "END"}
        # A value that is not a date is refused and changes nothing.
        await pilot.press("c", "home", "ctrl+k", *"July", "enter")
        await pilot.pause()
        assert len(stored_edits(edited_db)) == 1


async def test_r_corrects_the_title(edited_db):
    app = WaqaiApp(open_db(edited_db))
    async with app.run_test(size=(120, 36)) as pilot:
        await started(app, pilot)
        await select(app, pilot, "29 يونيو")
        await pilot.press("r", "home", "ctrl+k", *"Pentagon hints at militias", "enter")
        await pilot.pause()
        assert "Pentagon hints at militias" in selected_row(app)
        assert stored_edits(edited_db) == [("title", "Pentagon hints at militias")]


async def test_y_copies_the_sentence_and_citation_through_osc52(edited_db):
    app = WaqaiApp(open_db(edited_db))
    async with app.run_test(size=(120, 36)) as pilot:
        await started(app, pilot)
        event = await select(app, pilot, "29 يونيو")
        writes = clipboard_writes(app)
        await pilot.press("y")
        await pilot.pause()
        copied = osc52_texts(writes)
        sentence = event["sources"][0]["sentence"]
        assert copied == [f"«{sentence}»\n— السورية نت، {event['sources'][0]['title']}، 2021-08-11 (estimated)، https://alsouria.net/"]
        await pilot.press("Y")
        await pilot.pause()
        block = osc52_texts(writes)[-1]
        assert block.startswith("**2021-06-29** — ") and f"> {sentence}" in block and "<https://alsouria.net/>" in block


async def test_O_opens_the_url_or_copies_it_over_ssh(edited_db, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url: opened.append(url) or True)
    monkeypatch.delenv("SSH_CONNECTION", raising=False)
    monkeypatch.delenv("SSH_TTY", raising=False)
    app = WaqaiApp(open_db(edited_db))
    async with app.run_test(size=(120, 36)) as pilot:
        await started(app, pilot)
        await select(app, pilot, "29 يونيو")
        await pilot.press("O")
        await pilot.pause()
        assert opened == ["https://alsouria.net/"]
        monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 5000 10.0.0.2 22")
        writes = clipboard_writes(app)
        await pilot.press("O")
        await pilot.pause()
        assert opened == ["https://alsouria.net/"] and osc52_texts(writes) == ["https://alsouria.net/"]
        assert any("Copied the URL" in n.message for n in app._notifications)


async def test_an_article_cannot_write_to_the_terminal_through_a_copy(edited_db):
    conn = sqlite3.connect(edited_db)
    # A sentence is cut from its document: write the escape over the end of the sentence, keeping every offset.
    escape = "\x1b]52;c;ZXZpbA==\x07\x1b[2J"
    doc_id, start, end, text = conn.execute(
        "SELECT s.doc_id, s.start_offset, s.end_offset, d.text FROM sentence_text s JOIN documents d ON d.id = s.doc_id"
        " WHERE s.text LIKE '%29 يونيو%'").fetchone()
    at = end - 1 - len(escape)
    assert "29 يونيو" in text[start:at]
    conn.execute("UPDATE documents SET text = ? WHERE id = ?", [text[:at] + escape + text[end - 1:], doc_id])
    conn.commit()
    conn.close()
    app = WaqaiApp(open_db(edited_db))
    async with app.run_test(size=(120, 36)) as pilot:
        await started(app, pilot)
        await select(app, pilot, "29 يونيو")
        writes = clipboard_writes(app)
        await pilot.press("y")
        await pilot.pause()
        (copied,) = osc52_texts(writes)
        assert "\x1b" not in copied and "\x07" not in copied and "ZXZpbA" not in copied


def test_y_writes_osc52_to_a_real_terminal(edited_db):
    """The real explorer on a pseudo-terminal: pressing y sends the clipboard sequence to the terminal."""
    import fcntl
    import os
    import pty
    import select as select_module
    import struct
    import subprocess
    import sys
    import termios

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 110, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "110", "LINES": "30"}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen([sys.executable, "-m", "waqai.tui.cli", "tui", "--db", str(edited_db)],
                               stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    received = bytearray()

    def read_until(marker: bytes) -> None:
        # A bound, not a timing assertion: a hung explorer fails instead of hanging the suite.
        for _ in range(600):
            if marker in received:
                return
            ready, _, _ = select_module.select([master], [], [], 0.1)
            if ready:
                try:
                    received.extend(os.read(master, 65536))
                except OSError:
                    break
        raise AssertionError(f"never saw {marker!r}; got {bytes(received[-400:])!r}")

    try:
        read_until(b"of 30")
        os.write(master, b"y")
        read_until(b"\x1b]52;c;")
        start = received.index(b"\x1b]52;c;") + len(b"\x1b]52;c;")
        read_until(b"\x07")
        payload = bytes(received[start:received.index(b"\x07", start)])
        copied = base64.b64decode(payload).decode("utf-8")
        assert copied.startswith("«تشكلت “الكتائب” العراقية عام 2013") and "السورية نت" in copied
        os.write(master, b"q")
        for _ in range(600):  # keep draining the terminal, or the exiting app blocks writing to it
            if process.poll() is not None:
                break
            if select_module.select([master], [], [], 0.1)[0]:
                try:
                    os.read(master, 65536)
                except OSError:
                    break
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(master)


async def test_M_merges_the_marked_pair_and_S_splits_a_source_off(edited_db):
    app = WaqaiApp(open_db(edited_db))
    async with app.run_test(size=(120, 36)) as pilot:
        await started(app, pilot)
        await pilot.press("M")
        await pilot.pause()
        assert any("Mark exactly two" in n.message for n in app._notifications)
        battle = await select(app, pilot, "الشيخ مسكين")
        await pilot.press("m")
        isis = await select(app, pilot, "استولى")
        await pilot.press("m")
        await settle(app, pilot, "M")
        assert app.model.event_count == 29 and battle["id"] not in app.model.ids
        merged = app.model.events([isis["id"]])[isis["id"]]
        assert len(merged["sources"]) == 2 and app.query_one(TimelineView).selected_event_id == isis["id"]
        await pilot.press("enter")
        await pilot.pause()
        assert "2 sources from 2 articles" in screen_text(app)
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, EditPrompt)
        await settle(app, pilot, "enter")  # the offered source: the last
        assert not isinstance(app.screen, SourcesScreen)
        assert app.model.event_count == 30
        assert [kind for kind, _ in stored_edits(edited_db)] == ["mark", "mark", "merge", "split"]
        await settle(app, pilot, "u")
        assert app.model.event_count == 29
        await settle(app, pilot, "u")
        assert app.model.event_count == 30 and battle["id"] in app.model.ids


async def test_P_corrects_the_articles_publication_date(edited_db):
    app = WaqaiApp(open_db(edited_db))
    async with app.run_test(size=(120, 36)) as pilot:
        await started(app, pilot)
        event = await select(app, pilot, "أمس الثلاثاء")
        assert app.model.events([event["id"]])[event["id"]]["value"] == "2021-08-10"
        await pilot.press("P")
        await pilot.pause()
        assert "(estimated)" in screen_text(app) and app.screen.query_one("#edit-input").value == "2021-08-11"
        await pilot.press("home", "ctrl+k", *"2021-08-18")
        await settle(app, pilot, "enter")
        values = {e["value"] for e in app.model.events(list(app.model.ids)).values()
                  if any("أمس الثلاثاء" in s["sentence"] for s in e["sources"])}
        assert values == {"2021-08-17"} and "2021-08-17" in screen_text(app)
        assert [kind for kind, _ in stored_edits(edited_db)] == ["published"]
        await settle(app, pilot, "u")
        assert "2021-08-10" in screen_text(app) and stored_edits(edited_db) == []


async def test_d_filters_a_date_range_shown_in_the_status_line(edited_db):
    app = WaqaiApp(open_db(edited_db))
    async with app.run_test(size=(120, 36)) as pilot:
        await started(app, pilot)
        await pilot.press("d")
        await pilot.pause()
        await settle(app, pilot, *"2023-11..2024-01", "enter")
        shown = list(app.model.events(list(app.model.ids)).values())
        assert shown and all(e["begin"] <= "2024-01-31" and e["end"] >= "2023-11-01" for e in shown)
        assert "2024-01-30" in [e["value"] for e in shown] and app.model.event_count < 30
        assert "[dates: 2023-11 … 2024-01]" in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
        await settle(app, pilot, "home", "ctrl+k", *"2024-05..2024-01", "enter")
        assert any("ends before it begins" in n.message for n in app._notifications)
        assert "[dates: 2023-11 … 2024-01]" in screen_text(app)
        await settle(app, pilot, "escape")
        assert app.model.event_count == 30


@pytest.mark.parametrize("text, expected", [
    ("2021", ("2021-01-01", "2021-12-31")), ("2021-06..2023", ("2021-06-01", "2023-12-31")),
    ("2021..", ("2021-01-01", None)), ("..2019-05", (None, "2019-05-31")),
])
def test_date_ranges(text, expected):
    from waqai.tui.analyst import date_range

    assert date_range(text) == expected


async def test_a_denial_and_the_report_it_answers_are_linked_both_ways(edited_db):
    app = WaqaiApp(open_db(edited_db))
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        denial = await select(app, pilot, "هذه المعلومات خاطئة")
        claim = next(e for e in list_events(app.db, EventFilter()) if any("كالسو" in s["sentence"] for s in e["sources"])
                     and e["value"] == "2024-04-20")
        await pilot.press("enter")
        await pilot.pause()
        assert f"denies #{claim['id']} (2024-04-20)" in screen_text(app)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen) and app.screen.event["id"] == claim["id"]
        assert f"denied by #{denial['id']} (2024-04-20)" in screen_text(app)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert not isinstance(app.screen, SourcesScreen)


def test_links_in_show_and_no_link_without_a_shared_article_or_actor(edited_db):
    from click.testing import CliRunner

    from waqai.store.links import linked
    from waqai.tui.cli import main

    db = open_db(edited_db)
    events = list_events(db, EventFilter())
    denial = next(e for e in events if e.get("stance") == "denied")
    shown = CliRunner().invoke(main, ["show", str(denial["id"]), "--plain", "--db", str(edited_db)]).output
    assert "denies #" in shown
    # A denial from another article sharing only countries with a same-day report is not linked to it.
    from waqai.extract.gazetteer import gazetteer

    specific = {e.name for e in gazetteer().entities.values() if not e.generic}
    docs = {e["id"]: {s["doc"] for s in e["sources"]} for e in events}
    pairs = [(a, b) for a in events for b in events if a["id"] < b["id"] and (a["begin"], a["end"]) == (b["begin"], b["end"])
             and not docs[a["id"]] & docs[b["id"]] and a.get("stance") != "denied" and b.get("stance") != "denied"]
    unrelated = next((a, b) for a, b in pairs
                     if not {e["name"] for e in a["entities"]} & {e["name"] for e in b["entities"]} & specific)
    db.execute("UPDATE events SET stance = 'denied' WHERE id = ?", [unrelated[1]["id"]])
    assert unrelated[1]["id"] not in [link["id"] for link in linked(db, unrelated[0]["id"])]
    assert unrelated[0]["id"] not in [link["id"] for link in linked(db, unrelated[1]["id"])]


async def test_a_filters_by_the_events_main_actor_from_the_drill_down(edited_db):
    app = WaqaiApp(open_db(edited_db))
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        await select(app, pilot, "29 يونيو")  # Pentagon, John Kirby, Iran, al-Omar, United States, Syria
        await pilot.press("enter")
        await pilot.pause()
        await settle(app, pilot, "a")
        assert not isinstance(app.screen, SourcesScreen)
        assert "[actor/place: Pentagon]" in screen_text(app)
        shown = app.model.events(list(app.model.ids)).values()
        assert shown and all(any(e["name_en"] == "Pentagon" for e in ev["entities"]) for ev in shown)


async def test_typing_in_the_actor_picker_narrows_it_with_arabic_spellings_folded(edited_db):
    from textual.widgets import OptionList

    app = WaqaiApp(open_db(edited_db))
    async with app.run_test(size=(120, 40)) as pilot:
        await started(app, pilot)
        await pilot.press("f")
        await pilot.pause()
        everyone = app.screen.query_one(OptionList).option_count
        await pilot.press(*"ابو الاء")  # written without hamza or madda
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        assert options.option_count == 1 < everyone
        await settle(app, pilot, "enter")
        assert "[actor/place: Abu Alaa al-Walai]" in screen_text(app)
        assert app.model.event_count == 3
        await pilot.press("f")
        await pilot.pause()
        await pilot.press(*"kata", "down")
        await settle(app, pilot, "enter")
        assert "[actor/place: Kata'ib" in screen_text(app)


async def test_edits_on_a_read_only_database_are_refused_with_a_message(edited_db):
    from waqai.store.db import open_for_lookup

    edited_db.chmod(0o444)
    try:
        app = WaqaiApp(open_for_lookup(edited_db))
        async with app.run_test(size=(120, 36)) as pilot:
            await started(app, pilot)
            await pilot.press("m", "x", "u")
            await pilot.pause()
            messages = [n.message for n in app._notifications]
            assert sum("read-only" in m for m in messages) == 3
            assert app.model.event_count == 30
    finally:
        edited_db.chmod(0o644)
    assert stored_edits(edited_db) == []


async def test_y_in_an_events_sources_copies_the_source_chosen_with_j(edited_db):
    app = WaqaiApp(open_db(edited_db))
    async with app.run_test(size=(120, 36)) as pilot:
        await started(app, pilot)
        event = next(e for e in list_events(app.db, EventFilter()) if len(e["sources"]) >= 2)
        app.query_one(TimelineView).go_to_row(app.model.row_of_event(event["id"]))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        writes = clipboard_writes(app)
        await pilot.press("j", "y")
        await pilot.pause()
        (copied,) = osc52_texts(writes)
        assert copied.startswith(f"«{event['sources'][1]['sentence']}»")
