"""``waqai fetch`` against a local HTTP server on 127.0.0.1 (never the internet)."""

from __future__ import annotations

import json
import sqlite3
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from waqai.store import fetch as fetch_module
from waqai.tui.cli import main

PAGE_ONE = """<!doctype html><html><head><title>قصف مطار</title>
<meta property="article:published_time" content="2024-03-05T08:00:00Z"></head>
<body><nav>الرئيسية | أخبار | رياضة</nav><h1>قصف مطار المدينة</h1>
<p>قصفت طائرات مسيرة مطار المدينة فجر أمس الاثنين وأوقعت أضرارا في المدرج.</p>
<footer>جميع الحقوق محفوظة</footer></body></html>"""
PAGE_TWO = """<html><head><title>زيارة</title></head><body><h1>زيارة وزير</h1>
<p>وصل وزير الخارجية إلى العاصمة يوم الأحد الماضي في زيارة تستغرق يومين.</p></body></html>"""
FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>صحيفة الاختبار</title><link>http://127.0.0.1/</link>
<item><title>قصف مطار المدينة</title><link>{base}/news/1</link><pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate></item>
<item><title>زيارة وزير</title><link>{base}/news/2</link><pubDate>Mon, 11 Mar 2024 09:00:00 GMT</pubDate></item>
<item><title>قديم</title><link>{base}/news/old</link><pubDate>Mon, 01 Jan 2024 09:00:00 GMT</pubDate></item>
</channel></rss>"""


class Site:
    """A recorded site: paths to (status, headers, body), with a log of requests."""

    def __init__(self) -> None:
        self.routes: dict[str, list[tuple[int, dict, bytes]]] = {}
        self.log: list[tuple[str, dict]] = []

    def add(self, path: str, body: str | bytes, status: int = 200, content_type: str = "text/html; charset=utf-8",
            etag: str | None = None, times: int | None = None) -> None:
        headers = {"Content-Type": content_type}
        if etag:
            headers["ETag"] = etag
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes.setdefault(path, []).append((status, headers, data))


@pytest.fixture
def site():
    recorded = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (the http.server API)
            recorded.log.append((self.path, dict(self.headers)))
            answers = recorded.routes.get(self.path)
            if not answers:
                self.send_error(404)
                return
            status, headers, body = answers[0] if len(answers) == 1 else answers.pop(0)
            etag = headers.get("ETag")
            if etag and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    recorded.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield recorded
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch):
    monkeypatch.setattr(fetch_module, "BACKOFF", 0.0)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def documents(db):
    conn = sqlite3.connect(db)
    return conn.execute("SELECT url, source, published, title FROM documents ORDER BY url").fetchall()


def test_a_feed_is_fetched_ingested_and_fetched_again_conditionally(site, tmp_path):
    site.add("/feed.xml", FEED.format(base=site.base), content_type="application/rss+xml", etag='"feed-1"')
    site.add("/news/1", PAGE_ONE, etag='"p1"')
    site.add("/news/2", PAGE_TWO, etag='"p2"')
    db = tmp_path / "w.db"
    result = run("fetch", f"{site.base}/feed.xml", "--since", "2024-03-01", "--db", db)
    assert result.exit_code == 0, result.output
    assert "2 pages downloaded" in result.output and "1 feed entries older than --since" in result.output
    assert documents(db) == [
        (f"{site.base}/news/1", "صحيفة الاختبار", "2024-03-05", "قصف مطار المدينة"),
        (f"{site.base}/news/2", "صحيفة الاختبار", "2024-03-11", "زيارة وزير"),
    ]
    events = json.loads(run("list", "--json", "--db", db).output)
    assert "2024-03-04" in {e["value"][:10] for e in events}  # فجر أمس الاثنين, from the feed's day
    assert all("الرئيسية" not in e["title"] for e in events)
    assert all(h.get("User-Agent", "").startswith("waqai/") for _, h in site.log)

    site.log.clear()
    again = run("fetch", f"{site.base}/feed.xml", "--since", "2024-03-01", "--db", db)
    assert again.exit_code == 0, again.output
    assert "0 pages downloaded, 1 unchanged" in again.output
    assert [(p, h.get("If-None-Match")) for p, h in site.log if p != "/robots.txt"] == [("/feed.xml", '"feed-1"')]
    assert len(documents(db)) == 2


def test_robots_txt_is_obeyed(site, tmp_path):
    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.add("/private/1", PAGE_ONE)
    site.add("/news/2", PAGE_TWO)
    db = tmp_path / "w.db"
    result = run("fetch", f"{site.base}/private/1", f"{site.base}/news/2", "--db", db)
    assert result.exit_code == 1
    assert "robots.txt does not allow" in result.output
    assert "/private/1" not in [p for p, _ in site.log]
    assert [d[0] for d in documents(db)] == [f"{site.base}/news/2"]


def test_server_errors_are_retried_and_final_failures_reported(site, tmp_path):
    site.add("/flaky", "", status=503)
    site.add("/flaky", PAGE_TWO)
    site.add("/gone", "", status=503)
    db = tmp_path / "w.db"
    result = run("fetch", f"{site.base}/flaky", f"{site.base}/gone", f"{site.base}/missing", "--db", db)
    assert result.exit_code == 1
    assert "1 pages downloaded" in result.output
    assert "failed: " in result.output and "HTTP 503" in result.output and "HTTP 404" in result.output
    assert "Traceback" not in result.output
    assert [p for p, _ in site.log].count("/gone") == fetch_module.TRIES
    assert [d[0] for d in documents(db)] == [f"{site.base}/flaky"]


def test_bad_urls_and_since_are_one_line(tmp_path):
    result = run("fetch", "ftp://example.invalid/x", "--db", tmp_path / "w.db")
    assert result.exit_code == 1 and "only http and https" in result.output
    result = run("fetch", "http://127.0.0.1:9/x", "--since", "March", "--db", tmp_path / "w.db")
    assert result.exit_code == 2 and "--since" in result.output


def test_retry_after_is_capped():
    assert fetch_module._retry_after("5", 1.0) == 5.0
    assert fetch_module._retry_after("100000", 1.0) == fetch_module.MAX_RETRY_AFTER
    assert fetch_module._retry_after("soon", 1.0) == 1.0
