"""Decoding article bytes: BOMs first, strict UTF-8, then a detector for legacy Arabic code pages."""

from __future__ import annotations

import codecs
import sqlite3

import pytest
from click.testing import CliRunner

from waqai.extract.decode import NotText, decode
from waqai.tui.cli import main

TEXT = ("أعلنت وزارة الدفاع صباح اليوم أن قواتها استعادت السيطرة على الطريق الدولي بعد معارك استمرت ثلاثة أيام،"
        " وقال متحدث باسم الوزارة إن الوحدات الهندسية بدأت إزالة الألغام من جانبي الطريق.\n")


@pytest.mark.parametrize("codec,name", [("cp1256", "cp1256"), ("iso-8859-6", "iso-8859-6")])
def test_legacy_arabic_code_pages_are_told_apart_and_kept_exactly(codec, name):
    decoded = decode(TEXT.encode(codec))
    assert (decoded.text, decoded.encoding) == (TEXT, name)
    assert 0.5 <= decoded.confidence <= 1


def test_utf8_with_one_stray_byte_is_refused_with_its_position():
    data = TEXT.encode("utf-8")
    position = len(TEXT[:40].encode("utf-8"))
    damaged = data[:position] + b"\xff" + data[position:]
    with pytest.raises(NotText, match=f"invalid UTF-8 at byte {position}"):
        decode(damaged)


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_with_a_bom_is_read_as_utf32(codec):
    data = TEXT.encode(codec) if codec == "utf-32" else (
        (codecs.BOM_UTF32_LE if codec.endswith("le") else codecs.BOM_UTF32_BE) + TEXT.encode(codec))
    decoded = decode(data)
    assert decoded.text.lstrip("\ufeff") == TEXT and decoded.encoding == "utf-32"


@pytest.mark.parametrize("codec,bom", [("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
                                       ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_boms_decide_first(codec, bom):
    decoded = decode(bom + TEXT.encode(codec))
    assert decoded.text.lstrip("\ufeff") == TEXT and decoded.confidence == 1.0


def test_latin_text_in_an_unknown_code_page_is_refused():
    with pytest.raises(NotText, match="invalid UTF-8 at byte 3"):
        decode("Café crème, déjà vu — naïve façade".encode("cp1252"))


def test_the_confidence_of_a_detected_code_page_is_stored(tmp_path):
    (tmp_path / "old.txt").write_bytes(TEXT.encode("iso-8859-6"))
    db = tmp_path / "w.db"
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "old.txt"), "--published", "2024-01-31", "--db", str(db)])
    assert result.exit_code == 0, result.output
    encoding, confidence, text = sqlite3.connect(db).execute(
        "SELECT encoding, encoding_confidence, text FROM documents").fetchone()
    assert (encoding, text) == ("iso-8859-6", TEXT) and 0.5 <= confidence <= 1


def test_a_utf8_file_with_a_stray_byte_is_refused_naming_file_and_byte(tmp_path):
    data = TEXT.encode("utf-8")
    (tmp_path / "bad.txt").write_bytes(data[:10] + b"\xfe" + data[10:])
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "bad.txt"), "--db", str(tmp_path / "w.db")])
    assert result.exit_code == 2 and "bad.txt" in result.output and "invalid UTF-8 at byte 10" in result.output
