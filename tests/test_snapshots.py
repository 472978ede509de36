"""Screenshots of the explorer at a fixed size, compared with accepted SVG snapshots.

Run ``pytest tests/test_snapshots.py --snapshot-update`` after a deliberate
change to the look, and review the new SVGs in tests/__snapshots__/.
"""

from __future__ import annotations

import pytest

from waqai.store.db import open_for_lookup
from waqai.tui.app import WaqaiApp

SIZE = (110, 32)


async def loaded(pilot) -> None:
    """Wait for the timeline's worker, as a user waits for the first screen."""
    await pilot.pause(0.3)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
def app(bundled_db):
    return WaqaiApp(open_for_lookup(bundled_db))


def test_main_screen(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, run_before=loaded)


def test_drill_down_to_sources(snap_compare, app):
    async def open_last_event(pilot) -> None:
        await loaded(pilot)
        await pilot.press("G", "enter")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=open_last_event)


def test_help_screen(snap_compare, app):
    async def open_help(pilot) -> None:
        await loaded(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=open_help)


def test_main_screen_at_80_columns(snap_compare, app):
    assert snap_compare(app, terminal_size=(80, 24), run_before=loaded)


def test_article_view(snap_compare, app):
    async def open_article(pilot) -> None:
        await loaded(pilot)
        await pilot.press("G", "enter", "o")
        await pilot.pause()
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=open_article)
