"""The SQL-built events JSON is byte for byte the Python-built contract JSON, hostile text included."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from waqai.store.answer import events_json
from waqai.store.db import open_db, open_for_lookup
from waqai.store.ingest import collect, ingest
from waqai.store.queries import EventFilter, contract_event, list_events, make_filter
from waqai.store.sanitize import safe_json
from waqai.store.sentences import storable_text
from waqai.tui.cli import main

# Controls of every kind, quotes and backslashes inside article text (NUL: see the last test).
HOSTILE = (
    "عنوان\x1b[2J فيه \"اقتباس\" و\\مائل\n"
    "أعلنت كتائب حزب الله\u202e أمس الثلاثاء\x9b31m مسؤوليتها عن قصف قاعدة التنف\x01 بالطائرات.\n"
    "وفي 3 آذار 2021\t\x7f اجتمع وفد من\x1b]52;c;aGk=\x07 بغداد مع مسؤولين في أربيل.\n"
    "قالت مصادر إن كتائب حزب الله قصفت قاعدة التنف\u2066 يوم الثلاثاء الماضي.\n"
)
CALM = "تقرير هادئ\nوصل الوفد إلى بغداد في 3 آذار 2021 لبحث ملف المياه.\nوفي 5 أيار 2019 ارتفعت أسعار الخبز\x1b[1m في الأسواق الشعبية.\n"


def python_answer(db, flt, limit=None) -> bytes:
    """What ``waqai list --json`` printed before the answer was built in SQLite."""
    return safe_json([contract_event(e) for e in list_events(db, flt, limit)]).encode("utf-8")


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("answer")
    (folder / "hostile\x1b.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "copy.txt").write_text(HOSTILE + "\nسطر إضافي يجعل النص مختلفا.\n", encoding="utf-8")
    (folder / "calm.txt").write_text(CALM, encoding="utf-8")
    (folder / "undated.txt").write_text(CALM + "\nوأضاف التقرير أن الوفد عاد.\n", encoding="utf-8")
    db = open_db(folder / "w.db")
    dated = collect([folder / "hostile\x1b.txt", folder / "copy.txt", folder / "calm.txt"],
                    published=__import__("datetime").date(2024, 1, 31), source="مصدر\u202e\x1b[31m")
    ingest(db, dated + collect([folder / "undated.txt"]))
    return db


@pytest.mark.parametrize("filters", [
    {}, {"on": "2024-01"}, {"on": "2021"}, {"date_from": "2021-03-03"}, {"date_to": "2022"},
    {"entity": "Kata'ib Hezbollah"}, {"query": "التنف"}, {"on": "1999"},
])
def test_sql_answer_equals_python_answer_on_hostile_text(hostile_store, filters):
    flt = make_filter(**filters)
    expected = python_answer(hostile_store, flt)
    assert events_json(hostile_store, flt) == expected
    assert events_json(hostile_store, flt, limit=1) == python_answer(hostile_store, flt, 1)


def test_hostile_fixture_exercises_merges_entities_nulls_and_controls(hostile_store):
    events = json.loads(events_json(hostile_store, EventFilter()))
    assert any(len(e["sources"]) > 1 for e in events), "a merged event"
    assert any(e["entities"] for e in events) and any(not e["entities"] for e in events)
    assert any(s["published"] is None for e in events for s in e["sources"])
    text = events_json(hostile_store, EventFilter()).decode("utf-8")
    assert "\\u001b" in text and "\\u202e" in text and "\\u009b" in text and "\\u0001" in text
    assert not any(ch in text for ch in "\x1b\x01\x7f\x9b\u202e\u2066")


def test_cli_list_json_prints_the_contract_array(hostile_store):
    result = CliRunner().invoke(main, ["list", "--json", "--db", str(hostile_store.path), "--on", "2024"])
    assert result.exit_code == 0, result.output
    lookup = open_for_lookup(hostile_store.path)
    assert result.stdout_bytes == python_answer(lookup, make_filter(on="2024")) + b"\n"
    assert json.loads(result.output)[0]["sources"][0]["source"] == "مصدر\u202e\x1b[31m"


def test_empty_answer_is_an_empty_array(hostile_store):
    assert events_json(hostile_store, make_filter(on="1950")) == b"[]"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(), sentence=st.text(min_size=1), name=st.text(min_size=1), source=st.none() | st.text(),
       attribution=st.none() | st.text(), entity=st.text(min_size=1))
def test_any_text_is_encoded_as_json_dumps_would(tmp_path_factory, title, sentence, name, source, attribution, entity):
    db = open_db(tmp_path_factory.mktemp("any") / "w.db")
    conn = db.conn
    # The sentence sits inside its document: its text is cut from the document's by offsets.
    before, after = "مقدمة \U0001f600 ", " خاتمة"
    text = storable_text(before + sentence + after)
    conn.execute("INSERT INTO documents(id, name, sha256, title, source, published, text, ingested_at)"
                 " VALUES (1, ?, 'x', ?, ?, '2020-01-01', ?, 'now')", (name, title, source, text))
    conn.execute("INSERT INTO sentences(id, doc_id, idx, paragraph, start_offset, end_offset) VALUES (1, 1, 0, 0, ?, ?)",
                 (len(before), len(before) + len(sentence)))
    conn.execute("INSERT INTO timexes VALUES (1, 1, 1, 0, 1, ?, 'DATE', '2020', NULL, '2020-01-01', '2020-12-31')",
                 (sentence[:1],))
    conn.execute("INSERT INTO events(id, value, mod, begin_day, end_day, granularity, title, stance, n_sources, n_documents)"
                 " VALUES (1, '2020', NULL, '2020-01-01', '2020-12-31', 'year', ?, 'denied', 1, 1)", (title,))
    conn.execute("INSERT INTO event_sources(event_id, timex_id, sentence_id, doc_id, attribution, stance, clause_tokens,"
                 " clause_entities) VALUES (1, 1, 1, 1, ?, NULL, '[]', '[]')", (attribution,))
    conn.execute("INSERT INTO entities VALUES ('x', ?, ?, 'place', NULL, NULL)", (entity, entity[::-1]))
    conn.execute("INSERT INTO event_entities VALUES (1, 'x')")
    assert events_json(db, EventFilter()) == python_answer(db, EventFilter())
    assert list_events(db, EventFilter())[0]["sources"][0]["sentence"] == storable_text(sentence)
    db.close()


def test_utf8_escaping_matches_the_str_escaping_for_every_character():
    from waqai.store.answer import inert_json_utf8
    from waqai.store.sanitize import inert_json

    every = "".join(chr(c) for c in range(0x20, 0x110000) if not 0xD800 <= c <= 0xDFFF and chr(c) not in '"\\')
    assert inert_json_utf8(every.encode("utf-8")) == inert_json(every).encode("utf-8")
    for c in ("\x7f", "\x85", "\u202e", "\u2069", "\u2026 \xab\xbb \u201c\u201d"):
        assert inert_json_utf8(f'["{c}"]'.encode("utf-8")) == inert_json(f'["{c}"]').encode("utf-8")
