"""A deterministic synthetic archive of Arabic news articles, with a manifest and a gold file.

    python bench/make_articles.py --articles 10000 --out /tmp/archive [--seed 7]

Each article has a headline, page furniture (share buttons, "read also", a
copyright line), 4-9 paragraphs of attributed reports about actors and places
from the gazetteer, dates written every way the press writes them (Levantine,
Gregorian, Maghrebi and paired month names, Hijri dates, Arabic-Indic
digits, years, weekdays and "yesterday" relative to the publication date,
"late <month> last year", "last month"), and number traps that are not dates
(casualty counts, resolutions, brigade numbers, distances). The publication
dates go into ``manifest.json``; the planted date expressions with the values
ISO-TimeML gives them go into ``gold.jsonl`` (the extract contract's shape),
computed here with plain calendar arithmetic, independently of waqai's tagger.
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path

from hijridate import Gregorian

DATA = Path(__file__).resolve().parent.parent / "data"

LEVANTINE = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
             "تشرين الثاني", "كانون الأول"]
GREGORIAN = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر",
             "ديسمبر"]
MAGHREBI = ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
HIJRI = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان", "رمضان", "شوال",
         "ذو القعدة", "ذو الحجة"]
WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

VERBS = ["شنت", "نفذت", "تبنت", "أعلنت مسؤوليتها عن", "استهدفت", "هاجمت", "قصفت"]
OBJECTS = ["هجوماً بطائرات مسيرة على", "ضربة صاروخية على", "قصفاً مدفعياً على", "هجوماً على رتل عسكري قرب",
           "عملية تسلل إلى", "كميناً لقوات الأمن في"]
ATTRIBUTION = ["بحسب مصادر أمنية", "وفق ما أفاد مراسلنا", "بحسب بيان رسمي", "وفقاً لمصادر محلية",
               "حسب ما نقلت وكالة الأنباء"]
SAYERS = ["قال مسؤول أمني", "أكد متحدث عسكري", "ذكر مصدر في الشرطة", "أفاد شهود عيان"]
TRAPS = ["وأسفر الهجوم عن مقتل {n} عنصراً وإصابة {m} آخرين", "استناداً إلى القرار {res} الصادر عن مجلس الأمن",
         "وشارك في العملية اللواء {brigade} التابع للحشد", "على بعد {km} كيلومتراً من الحدود",
         "ونشرت القوات نحو {big} عنصر في المنطقة", "وعلى الطريق الدولي رقم {road}"]
FURNITURE_TOP = ["شارك", "تويتر فيسبوك واتساب", "الرئيسية / أخبار / العراق"]
FURNITURE_BOTTOM = ["اقرأ أيضاً", "الأكثر قراءة", "جميع الحقوق محفوظة"]
SOURCES = ["الشرق", "السورية نت", "عنب بلدي", "الحرة", "رووداو"]


class ArticleWriter:
    """Builds one article's text while recording the spans and values of planted dates."""

    def __init__(self, rng: random.Random, published: date, names: dict[str, list[str]]) -> None:
        self.rng, self.published, self.names = rng, published, names
        self.parts: list[str] = []
        self.length = 0
        self.timexes: list[dict] = []

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def add_date(self, text: str, value: str, mod: str | None = None) -> None:
        self.timexes.append({"start": self.length, "end": self.length + len(text), "text": text,
                             "type": "DATE", "value": value, "mod": mod})
        self.add(text)

    def digits(self, number: int, width: int = 0) -> str:
        text = f"{number:0{width}d}" if width else str(number)
        return text.translate(INDIC) if self.rng.random() < 0.15 else text

    def month_name(self, month: int) -> str:
        style = self.rng.random()
        if style < 0.35:
            return LEVANTINE[month - 1]
        if style < 0.65:
            return GREGORIAN[month - 1]
        if style < 0.75:
            return MAGHREBI[month - 1]
        return f"{GREGORIAN[month - 1]}/ {LEVANTINE[month - 1]}" if self.rng.random() < 0.5 else \
            f"{LEVANTINE[month - 1]}/ {GREGORIAN[month - 1]}"

    def a_date(self) -> None:
        """Plant one date expression, chosen among the ways the press writes dates."""
        rng, dct = self.rng, self.published
        kind = rng.random()
        if kind < 0.30:
            day = dct - timedelta(days=rng.randint(30, 4000))
            self.add("في ")
            self.add_date(f"{self.digits(day.day)} {self.month_name(day.month)} {self.digits(day.year)}", day.isoformat())
        elif kind < 0.42:
            day = dct - timedelta(days=rng.randint(60, 4000))
            self.add("في ")
            self.add_date(f"{self.month_name(day.month)} {self.digits(day.year)}", f"{day.year}-{day.month:02d}")
        elif kind < 0.50:
            year = dct.year - rng.randint(2, 12)
            self.add("منذ مطلع " if rng.random() < 0.3 else "في ")
            if self.parts[-1] == "منذ مطلع ":
                self.parts.pop()
                self.length -= len("منذ مطلع ")
                self.add("منذ ")
                self.add_date(f"مطلع عام {self.digits(year)}", str(year), "START")
            else:
                self.add_date(f"عام {self.digits(year)}", str(year))
        elif kind < 0.64:
            day = dct - timedelta(days=1)
            self.add_date(f"أمس {WEEKDAYS[day.weekday()]}" if rng.random() < 0.7 else "أمس", day.isoformat())
        elif kind < 0.74:
            back = rng.randint(0, 6)
            day = dct - timedelta(days=back)
            self.add_date(f"يوم {WEEKDAYS[day.weekday()]}", day.isoformat())
        elif kind < 0.82:
            months_back = rng.randint(2, 10)
            year, month = dct.year, dct.month - months_back
            while month < 1:
                year, month = year - 1, month + 12
            mod, word = rng.choice([("END", "أواخر"), ("START", "مطلع"), ("MID", "منتصف")])
            self.add("في " if rng.random() < 0.5 else "")
            self.add_date(f"{word} {self.month_name(month)} الماضي", f"{year}-{month:02d}", mod)
        elif kind < 0.90:
            year, month = (dct.year, dct.month - 1) if dct.month > 1 else (dct.year - 1, 12)
            self.add("خلال ")
            self.add_date("الشهر الماضي", f"{year}-{month:02d}")
        else:
            day = dct - timedelta(days=rng.randint(60, 3000))
            hijri = Gregorian(day.year, day.month, day.day).to_hijri()
            self.add("في ")
            self.add_date(f"{self.digits(hijri.day)} {HIJRI[hijri.month - 1]} {self.digits(hijri.year)} هـ", day.isoformat())

    def report(self) -> None:
        """One sentence: who did what to which place, when, and who says so."""
        rng = self.rng
        actor, place = rng.choice(self.names["group"]), rng.choice(self.names["place"])
        if rng.random() < 0.35:
            self.add(f"{rng.choice(SAYERS)} إن ")
        self.add(f"{actor} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {place} ")
        self.a_date()
        if rng.random() < 0.5:
            self.add("، " + rng.choice(ATTRIBUTION))
        self.add(".")

    def trap(self) -> None:
        """A sentence full of numbers that are not dates."""
        rng = self.rng
        text = rng.choice(TRAPS).format(n=rng.randint(2, 40), m=rng.randint(2, 90), res=rng.choice([2254, 1559, 2401]),
                                        brigade=rng.randint(10, 60), km=rng.randint(3, 90), big=rng.choice([1500, 2000, 3000]),
                                        road=rng.randint(1, 8))
        self.add(f"{rng.choice(self.names['place'])}: {text}.")

    def article(self) -> str:
        rng = self.rng
        self.add(f"{rng.choice(self.names['group'])} {rng.choice(['تتبنى', 'تنفي', 'تعلن'])} هجوماً في {rng.choice(self.names['place'])}\n")
        for line in rng.sample(FURNITURE_TOP, rng.randint(1, 2)):
            self.add(line + "\n")
        for _ in range(rng.randint(4, 9)):
            self.add("\n")
            for sentence in range(rng.randint(1, 3)):
                if sentence:
                    self.add(" ")
                self.trap() if rng.random() < 0.25 else self.report()
            self.add("\n")
        self.add("\n" + "\n".join(rng.sample(FURNITURE_BOTTOM, 2)) + "\n")
        return "".join(self.parts)


def gazetteer_names() -> dict[str, list[str]]:
    """Arabic names of groups and places from the bundled gazetteer."""
    entities = json.loads((DATA / "gazetteer.json").read_text(encoding="utf-8"))["entities"]
    names: dict[str, list[str]] = {"group": [], "place": []}
    for entity in entities:
        if entity["kind"] in names:
            names[entity["kind"]].append(entity["name"])
    return names


def generate(out: Path, articles: int, seed: int = 7) -> Path:
    """Write ``articles`` files, ``manifest.json`` and ``gold.jsonl`` into ``out``; returns ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    names = gazetteer_names()
    manifest, gold = [], []
    for number in range(articles):
        published = date(2012, 1, 1) + timedelta(days=rng.randint(0, 4700))
        writer = ArticleWriter(rng, published, names)
        name = f"{number:06d}.txt"
        text = writer.article()
        (out / name).write_text(text, encoding="utf-8")
        manifest.append({"file": name, "published": published.isoformat(), "source": rng.choice(SOURCES)})
        gold.append({"doc": name, "dct": published.isoformat(), "timexes": writer.timexes})
    (out / "manifest.json").write_text(json.dumps({"documents": manifest}, ensure_ascii=False), encoding="utf-8")
    with open(out / "gold.jsonl", "w", encoding="utf-8") as handle:
        for line in gold:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    return out


def main() -> None:
    """Command line: ``--articles N --out DIR [--seed S]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    generate(args.out, args.articles, args.seed)
    size = sum(p.stat().st_size for p in args.out.glob("*.txt"))
    print(f"{args.articles} articles, {size / 1e6:.1f} MB, in {args.out}")


if __name__ == "__main__":
    main()
