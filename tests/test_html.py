"""Saved web pages: visible text only, headline, publication date, offsets into the text."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest
from click.testing import CliRunner

from waqai.extract.html import parse_page, parse_visible
from waqai.tui.cli import main

PAGE = """<!doctype html>
<html lang="ar" dir="rtl"><head>
<meta charset="utf-8">
<title>قصف قاعدة كالسو - موقع الأخبار</title>
<meta property="article:published_time" content="2024-04-21T09:30:00+03:00">
<style>.x { color: red } /* 5 حزيران 2014 */</style>
<script>var d = "12 كانون الأول 2019"; document.write(d);</script>
</head><body>
<header><h1>موقع الأخبار</h1><nav><a href="/">الرئيسية</a> | <a href="/iq">العراق</a></nav></header>
<main><article>
<h1>انفجار في <b>قاعدة كالسو</b></h1>
<p>وقع انفجار في قاعدة كالسو جنوب بغداد ليل أمس&nbsp;السبت،
   بحسب مصادر أمنية.</p>
<p hidden>نص مخفي عن 3 آذار 2001.</p>
<div style="display: none">ونص آخر مخفي عن 4 آذار 2002.</div>
<p>وكانت فصائل قد استهدفت القاعدة في 20 كانون الثاني/ يناير 2024.<br>تفاصيل لاحقة.</p>
</article></main>
<aside>الأكثر قراءة: 1 أيار 1999</aside>
<footer>جميع الحقوق محفوظة 2024</footer>
<noscript>فعّل جافاسكربت</noscript>
</body></html>
"""


def test_page_text_drops_scripts_styles_navigation_and_hidden_elements():
    page = parse_page(PAGE)
    assert page.title == "انفجار في قاعدة كالسو"
    assert page.published == date(2024, 4, 21)
    assert page.text.splitlines() == [
        "انفجار في قاعدة كالسو",
        "وقع انفجار في قاعدة كالسو جنوب بغداد ليل أمس السبت، بحسب مصادر أمنية.",
        "وكانت فصائل قد استهدفت القاعدة في 20 كانون الثاني/ يناير 2024.",
        "تفاصيل لاحقة.",
    ]


def test_title_falls_back_to_the_title_element_and_dates_to_json_ld():
    markup = (
        "<html><head><title>عنوان الصفحة</title>"
        '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2021-06-28T22:00:00Z"}]}</script>'
        "</head><body><p>نص الخبر.</p></body></html>"
    )
    page = parse_page(markup)
    assert (page.title, page.published, page.text) == ("عنوان الصفحة", date(2021, 6, 28), "نص الخبر.\n")


def test_unclosed_and_malformed_markup_still_gives_the_text():
    page = parse_visible("<p>أول<p>ثان <div><span>ثالث</div> <script>x = 1")
    assert page.text.split() == ["أول", "ثان", "ثالث"]
    assert page.published is None and page.title is None


def test_a_bad_meta_date_is_ignored():
    assert parse_page('<meta name="pubdate" content="2021-02-30"><p>نص.</p>').published is None


def test_ingesting_a_page_stores_its_visible_text_title_and_meta_date(tmp_path):
    (tmp_path / "kalsu.html").write_text(PAGE, encoding="utf-8")
    db = tmp_path / "w.db"
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "kalsu.html"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db)
    title, published, text = conn.execute("SELECT title, published, text FROM documents").fetchone()
    assert (title, published) == ("انفجار في قاعدة كالسو", "2024-04-21")
    assert "var d" not in text and "الأكثر قراءة" not in text and "مخفي" not in text
    for start, end, sentence in conn.execute("SELECT start_offset, end_offset, text FROM sentence_text"):
        assert text[start:end] == sentence
    values = {e["value"] for e in json.loads(CliRunner().invoke(main, ["list", "--json", "--db", str(db)]).output)}
    # "ليل أمس السبت" resolves against the meta date; nothing from scripts, asides or hidden text.
    assert values == {"2024-04-20TNI", "2024-01-20"}


def test_the_manifest_date_wins_over_the_page_meta_date(tmp_path):
    (tmp_path / "kalsu.htm").write_text(PAGE, encoding="utf-8")
    (tmp_path / "manifest.json").write_text(json.dumps({"documents": [{"file": "kalsu.htm", "published": "2024-04-22"}]}))
    db = tmp_path / "w.db"
    assert CliRunner().invoke(main, ["ingest", str(tmp_path), "--db", str(db)]).exit_code == 0
    assert sqlite3.connect(db).execute("SELECT published FROM documents").fetchone() == ("2024-04-22",)


def test_a_page_without_visible_text_is_refused(tmp_path):
    (tmp_path / "empty.html").write_text("<html><script>alert(1)</script></html>", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "empty.html"), "--db", str(tmp_path / "w.db")])
    assert result.exit_code == 2 and "no visible text" in result.output


def test_extract_reads_html_with_offsets_into_the_visible_text(tmp_path):
    (tmp_path / "kalsu.html").write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--json", str(tmp_path / "kalsu.html")])
    doc = json.loads(result.output)
    text = parse_page(PAGE).text
    assert doc["dct"] == "2024-04-21" and doc["timexes"]
    assert all(text[t["start"]:t["end"]] == t["text"] for t in doc["timexes"])


FURNISHED = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>اشتباكات في ريف المدينة | صحيفة الخبر</title>
<meta property="article:published_time" content="2024-05-14T09:30:00+03:00"></head><body>
<div class="top-bar"><a href="/">الرئيسية</a> <a href="/politics">سياسة</a> <a href="/sport">رياضة</a></div>
<div class="breaking">عاجل: ارتفاع أسعار الذهب اليوم في الأسواق المحلية</div>
<div class="share">شارك على فيسبوك | تويتر | واتساب</div>
<div class="content"><h1>اشتباكات في ريف المدينة بين فصيلين مسلحين</h1>
<p>اندلعت اشتباكات عنيفة مساء أمس الاثنين بين فصيلين مسلحين في ريف المدينة الشرقي، ما أدى إلى سقوط قتلى وجرحى من الطرفين.</p>
<p>وقالت مصادر محلية إن الاشتباكات تجددت صباح اليوم قرب الطريق الدولي، فيما أغلقت قوات الأمن المداخل المؤدية إلى المنطقة.</p>
<p style="display:none">نص مخفي عن اجتماع عقد في 3 آذار 2001.</p>
<p>وكان الفصيلان قد وقّعا اتفاق تهدئة في مارس الماضي برعاية وجهاء العشائر.</p></div>
<div class="related"><h3>أخبار ذات صلة</h3><ul>
<li><a href="/a1">وزير الخارجية يلتقي نظيره في العاصمة يوم الأحد</a></li>
<li><a href="/a2">انطلاق مهرجان الربيع في الثاني من يونيو المقبل</a></li></ul></div>
<div class="comments"><h3>التعليقات</h3><div class="comment">أحمد: خبر مؤسف، نتمنى السلام قبل العيد</div></div>
<div class="most-read"><h3>الأكثر قراءة</h3><ol><li>أسعار النفط تقفز الأسبوع الماضي</li><li>نتائج الثانوية العامة غدا</li></ol></div>
<div class="copyright">© 2024 صحيفة الخبر. جميع الحقوق محفوظة</div></body></html>"""


def test_a_page_with_heavy_furniture_yields_only_its_article(tmp_path):
    pytest.importorskip("trafilatura", reason="the web extra gives main-text extraction")
    page = tmp_path / "furnished.html"
    page.write_text(FURNISHED, encoding="utf-8")
    db = tmp_path / "w.db"
    result = CliRunner().invoke(main, ["ingest", str(page), "--db", str(db)])
    assert result.exit_code == 0, result.output
    text, title, published = sqlite3.connect(db).execute("SELECT text, title, published FROM documents").fetchone()
    assert (title, published) == ("اشتباكات في ريف المدينة بين فصيلين مسلحين", "2024-05-14")
    assert "اندلعت اشتباكات" in text and "وقّعا اتفاق تهدئة" in text
    for furniture in ("الرئيسية", "عاجل", "شارك", "ذات صلة", "يلتقي نظيره", "مهرجان", "التعليقات", "الأكثر قراءة",
                      "أسعار النفط", "الثانوية", "الحقوق", "نص مخفي"):
        assert furniture not in text
    events = json.loads(CliRunner().invoke(main, ["list", "--json", "--db", str(db)]).output)
    assert {e["value"][:10] for e in events} >= {"2024-05-13", "2024-05-14"}
    assert not {e["value"][:7] for e in events} & {"2024-06", "2001-03"}
    # Without the extra's main text every visible block is kept: the related links among them.
    assert "يلتقي نظيره" in parse_visible(FURNISHED).text and "نص مخفي" not in parse_visible(FURNISHED).text
