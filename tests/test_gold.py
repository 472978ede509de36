"""The tagger against the hand-annotated gold set, through `waqai eval` (the contract)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from waqai.tui.cli import main


def test_eval_meets_the_target_on_the_seeds_gold_set(gold_path, corpus_dir):
    result = CliRunner().invoke(main, ["eval", str(gold_path), "--corpus", str(corpus_dir), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["value_f1"] >= 0.95 and figures["strict_f1"] >= 0.90, figures


def test_extract_json_contract(corpus_dir):
    path = corpus_dir / "000_54a217171b406f97.txt"
    result = CliRunner().invoke(main, ["extract", str(path), "--manifest", str(corpus_dir / "manifest.json"), "--json"])
    record = json.loads(result.output)
    text = path.read_text(encoding="utf-8-sig")
    assert record["doc"] == path.name and record["dct"] == "2021-08-11"
    first = record["timexes"][0]
    assert first == {"start": 271, "end": 283, "text": "أمس الثلاثاء", "type": "DATE", "value": "2021-08-10",
                     "mod": None, "begin": "2021-08-10", "end_day": "2021-08-10"}
    for t in record["timexes"]:
        assert text[t["start"] : t["end"]] == t["text"]


def test_extract_reads_standard_input():
    result = CliRunner().invoke(main, ["extract", "-", "--dct", "2024-04-22", "--json"], input="وقع الهجوم السبت.".encode())
    record = json.loads(result.output)
    assert record["doc"] == "-" and record["timexes"][0]["value"] == "2024-04-20"
