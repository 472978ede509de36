"""What the CLI prints on a real terminal (a pty): Arabic fields shaped and ordered."""

from __future__ import annotations

from terminal import run_on_a_terminal

from waqai.tui.bidi import render_line


def on_a_terminal(*args, columns: int = 100) -> str:
    """Run waqai with its output on a pseudo-terminal and return what the terminal received."""
    code, received = run_on_a_terminal(*args, columns=columns)
    assert code == 0, received.decode(errors="replace")
    return received.decode("utf-8").replace("\r\n", "\n")


def test_show_renders_the_source_name_date_as_written_and_attribution(bundled_db):
    out = on_a_terminal("show", "21", "--db", bundled_db)
    assert f"date as written: {render_line('اليوم التالي', 99)}" in out
    assert f"reported by: {render_line('ميليشيات كتائب حزب الله المتحالفة مع إيران', 99)}" in out
    assert "اليوم التالي" not in out


def test_show_renders_the_outlet_in_the_source_line(bundled_db):
    out = on_a_terminal("show", "27", "--db", bundled_db)
    assert f"[{render_line('الشرق', 99)} ·" in out and "الشرق" not in out


def test_extract_renders_the_expression_on_a_terminal(corpus_dir):
    out = on_a_terminal("extract", corpus_dir / "004_e47daf4445c2a758.txt", "--dct", "2024-04-22")
    assert render_line("31 مايو 2019", 99) in out and "مايو" not in out


def test_show_wraps_a_long_attribution_between_fields_on_a_narrow_terminal(bundled_db):
    out = on_a_terminal("show", "21", "--db", bundled_db, columns=60)
    lines = out.splitlines()
    attribution = render_line("ميليشيات كتائب حزب الله المتحالفة مع إيران", 99)
    assert any(line.strip() == f"reported by: {attribution}" for line in lines)
    assert any(line.strip() == f"date as written: {render_line('اليوم التالي', 99)}" for line in lines)
