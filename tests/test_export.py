"""Exports: Markdown parsed as CommonMark (markdown-it-py), CSV read back with the csv module."""

from __future__ import annotations

import csv
import io
import re

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from waqai.store.db import open_for_lookup
from waqai.store.export import to_csv, to_markdown
from waqai.store.queries import EventFilter, contract_event, list_events
from waqai.tui.cli import main


@pytest.fixture(scope="module")
def events(bundled_db):
    return [contract_event(e) for e in list_events(open_for_lookup(bundled_db), EventFilter())]


def html_of(markdown: str) -> str:
    """The HTML a CommonMark renderer makes of the text (raw HTML allowed, as on GitHub)."""
    return MarkdownIt("commonmark").render(markdown)


def test_markdown_is_commonmark_whose_headings_and_events_sit_inside_one_rtl_block(events):
    text = to_markdown(events)
    tokens = MarkdownIt("commonmark").parse(text)
    blocks = [t for t in tokens if t.type == "html_block"]
    assert blocks[0].content.strip() == '<div dir="rtl">' and blocks[-1].content.strip() == "</div>"
    first_heading = next(i for i, t in enumerate(tokens) if t.type == "heading_open")
    last_quote = max(i for i, t in enumerate(tokens) if t.type == "blockquote_close")
    assert tokens.index(blocks[0]) < first_heading and last_quote < tokens.index(blocks[-1])
    assert sum(t.type == "blockquote_open" for t in tokens) == sum(len(e["sources"]) for e in events)
    assert [t.tag for t in tokens if t.type == "heading_open"].count("h2") == len({e["begin"][:4] for e in events})


def test_citations_are_readable_code_spans_isolated_left_to_right_and_links_when_the_url_is_known(events):
    html = html_of(to_markdown(events))
    codes = re.findall(r"<code>(.*?)</code>", html)
    assert codes and all("\\" not in code for code in codes)  # no backslash escapes inside code spans
    assert '<bdi dir="ltr"><code>004_e47daf4445c2a758.txt</code></bdi>' in html
    assert '<a href="https://alsouria.net/"><code>000_54a217171b406f97.txt</code></a>' in html
    assert "&lt;bdi" not in html and "&lt;div" not in html  # the isolates are HTML, not text


def test_labels_follow_the_chosen_language(events):
    arabic, english = to_markdown(events), to_markdown(events, lang="en")
    assert "الأطراف والأماكن" in arabic and "Actors and places" not in arabic and "reported by" not in arabic
    assert "Actors and places" in english and "الأطراف والأماكن" not in english and "نقلًا عن" not in english
    assert "### 2024-04 — نيسان/أبريل" in arabic and "### 2024-04 — April" in english
    assert "2023-11-15 مساءً" in arabic and "2023-11-15 evening" in english
    assert '<div dir="ltr">' in english and '<div dir="rtl">' in english  # English frame, Arabic events


def test_untrusted_text_cannot_open_html_or_a_code_span(events):
    hostile = [{**events[0], "title": "<script>x</script> `code` [a](b)",
                "sources": [{**events[0]["sources"][0], "doc": "a`b.txt", "url": "javascript:alert(1)"}]}]
    html = html_of(to_markdown(hostile))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<code>a`b.txt</code>" in html and "javascript:" not in html


def test_cli_export_writes_its_filters_in_the_header(bundled_db, tmp_path):
    out = tmp_path / "c.md"
    result = CliRunner().invoke(main, ["export", "--on", "2024-04", "--query", "كالسو", "-o", str(out), "--db", str(bundled_db)])
    assert result.exit_code == 0, result.output
    assert "المرشحات: في: 2024-04 · بحث: كالسو" in out.read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "--lang", "en", "--db", str(bundled_db)])
    assert "No filters: the whole chronology" in result.output and "30 events." in result.output


def test_cli_export_to_dash_writes_standard_output_not_a_file_named_dash(bundled_db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["export", "--format", "json", "-o", "-", "--db", str(bundled_db)])
    assert result.exit_code == 0, result.output
    assert result.output.lstrip().startswith("[") and "كالسو" in result.output
    assert not (tmp_path / "-").exists()


def test_csv_has_outlet_url_attribution_and_stance_and_an_optional_bom(events, bundled_db):
    rows = list(csv.DictReader(io.StringIO(to_csv(events))))
    assert {"outlet", "url", "attribution", "source_stance", "stance"} <= set(rows[0])
    kalsu = [r for r in rows if r["event_id"] == "27"]
    assert kalsu[0]["outlet"] == "الشرق" and kalsu[0]["attribution"] == "مصدران أمنيان عراقيان"
    assert any(r["url"] == "https://alsouria.net/" for r in rows)
    assert not to_csv(events).startswith("\ufeff") and to_csv(events, bom=True).startswith("\ufeff")
    result = CliRunner().invoke(main, ["export", "--format", "csv", "--bom", "--db", str(bundled_db)])
    assert result.output.startswith("\ufeffevent_id,")


def test_write_export_picks_the_format_by_suffix_and_free_name_never_reuses_a_file(events, tmp_path):
    from waqai.store.export import free_name, write_export

    assert free_name(tmp_path) == tmp_path / "waqai-chronology.md"
    (tmp_path / "waqai-chronology.md").write_text("kept", encoding="utf-8")
    (tmp_path / "waqai-chronology-2.md").write_text("kept", encoding="utf-8")
    assert free_name(tmp_path) == tmp_path / "waqai-chronology-3.md"
    assert write_export(tmp_path / "c.csv", events) == "csv"
    assert (tmp_path / "c.csv").read_text(encoding="utf-8").startswith("\ufeffevent_id,")
    assert write_export(tmp_path / "c.json", events) == "json"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.csv", "c.json", "waqai-chronology-2.md", "waqai-chronology.md"]
