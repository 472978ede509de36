"""The explorer on an article with a 1 MB sentence: only visible rows are rendered."""

from __future__ import annotations

import time

from click.testing import CliRunner

from waqai.tui.bidi import render
from waqai.tui.lazy_lines import LazyLines
from waqai.tui.cli import main

WORDS = "قصفت الطائرات مواقع المسلحين في ريف المدينة الشرقي (بحسب مصادر محلية) 2024 "


def test_lazy_lines_match_the_full_render_when_no_ligature_is_involved():
    text = ("مقدمة قصيرة\n" + WORDS * 400 + "\nThe end, نهاية")
    assert "لا" not in text
    for width in (17, 40, 98):
        eager = render(text, width)
        lazy = LazyLines(text, width)
        assert len(lazy) == len(eager)
        assert [lazy[i] for i in range(len(lazy))] == eager


def test_lazy_lines_never_overflow_the_width():
    from rich.cells import cell_len

    text = "لا لأن الإعلان لاحقا " * 2000
    lazy = LazyLines(text, 33)
    assert all(cell_len(lazy[i].text) <= 33 for i in range(0, len(lazy), 7))


async def test_an_article_with_a_one_megabyte_sentence_opens_and_scrolls(tmp_path):
    from waqai.store.db import open_for_lookup
    from waqai.tui.app import WaqaiApp

    body = ("هجوم على قاعدة\nأعلنت كتائب حزب الله أمس الثلاثاء مسؤوليتها عن قصف قاعدة التنف "
            + WORDS * (1_000_000 // len(WORDS)) + ".\nوقال مسؤول إن الهجوم انتهى.\n")
    (tmp_path / "big.txt").write_text(body, encoding="utf-8")
    db = tmp_path / "w.db"
    assert CliRunner().invoke(main, ["ingest", str(tmp_path / "big.txt"), "--published", "2024-01-31",
                                     "--db", str(db)]).exit_code == 0
    app = WaqaiApp(open_for_lookup(db))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
        await app.workers.wait_for_complete()
        await pilot.pause()
        started = time.perf_counter()
        await pilot.press("enter")  # the sources screen shows the sentence in context
        await pilot.pause()
        await pilot.press("o")  # the whole article
        await pilot.pause()
        opened = time.perf_counter() - started
        assert type(app.screen).__name__ == "ArticleScreen"
        started = time.perf_counter()
        for key in ("pagedown", "pagedown", "down", "end", "home"):
            await pilot.press(key)
            await pilot.pause()
        scrolled = time.perf_counter() - started
        on_screen = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        assert render("الطائرات", 20)[0].text in on_screen
    # About 3 s and 0.5 s here; rendering the whole sentence took 40 s to open and seconds per key.
    assert opened < 20 and scrolled < 10, (opened, scrolled)
