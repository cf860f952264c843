"""kg.fetch against a scripted HTTP server on 127.0.0.1 (never the internet)."""
from __future__ import annotations

import gzip
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kg.errors import InputError
from kg.fetch import fetch_url, user_agent
from kg.read import read_article

ARTICLE_HTML = (
    "<html><head><title>Troops sent to Moldova</title></head><body><article>"
    "<h1>Troops sent to Moldova</h1>"
    "<p>Romania deployed 300 soldiers to Moldova on Monday after protests in the capital.</p>"
    "<p>Officials said two people were killed and 40 were injured in the clashes.</p>"
    "</article></body></html>"
)
ARTICLE_TEXT = "Poland sent 120 police officers to Lithuania on Friday after protests turned violent."


class Handler(BaseHTTPRequestHandler):
    seen_agents: list[str] = []

    def log_message(self, *args):  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, ctype: str | None, extra: dict | None = None,
              length: int | None = None) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def _stream(self, chunks: list[bytes], length: int | None = None, pause: float = 0.0) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length" if length else "Connection", str(length) if length else "close")
        self.end_headers()
        for chunk in chunks:
            self.wfile.write(chunk)
            self.wfile.flush()
            time.sleep(pause)

    def do_GET(self):  # noqa: N802 - the stdlib's name
        Handler.seen_agents.append(self.headers.get("User-Agent", ""))
        path = self.path
        if path == "/article.html":
            self._send(200, ARTICLE_HTML.encode(), "text/html; charset=utf-8")
        elif path == "/article.txt":
            self._send(200, ARTICLE_TEXT.encode(), "text/plain")
        elif path == "/record.json":
            body = json.dumps({"title": "Record", "published": "2023-03-01", "text": ARTICLE_TEXT})
            self._send(200, body.encode(), "application/json")
        elif path == "/latin1.txt":
            self._send(200, "Troops reached Zürich".encode("latin-1"), "text/plain; charset=ISO-8859-1")
        elif path == "/image.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
        elif path == "/no-type":
            self._send(200, b"something", None)
        elif path == "/big":
            self._send(200, b"a" * 5000, "text/plain")
        elif path == "/big-undeclared":
            self._stream([b"b" * 1000] * 10)  # no Content-Length: the cap must hold while streaming
        elif path == "/gzip-bomb":
            self._send(200, gzip.compress(b"c" * 200_000), "text/plain", {"Content-Encoding": "gzip"})
        elif path == "/loop":
            self._send(302, b"", "text/plain", {"Location": "/loop"})
        elif path.startswith("/hop/"):
            n = int(path.rsplit("/", 1)[1])
            target = "/article.txt" if n == 0 else f"/hop/{n - 1}"
            self._send(302, b"", "text/plain", {"Location": target})
        elif path == "/to-file":
            self._send(302, b"", "text/plain", {"Location": "file:///etc/passwd"})
        elif path == "/slow":
            time.sleep(2)
            self._send(200, b"late", "text/plain")
        elif path == "/drip":
            self._stream([b"d"] * 100, length=100, pause=0.05)
        elif path == "/error":
            self._send(500, b"oops", "text/plain")
        else:
            self._send(404, b"not here", "text/plain")


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # the client hanging up mid-body is what the size-cap tests do on purpose


@pytest.fixture(scope="module")
def server():
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetches_html_with_media_type(server):
    raw, ctype = fetch_url(f"{server}/article.html")
    assert ctype == "text/html"
    assert b"Romania deployed 300 soldiers" in raw


def test_sends_descriptive_user_agent(server):
    fetch_url(f"{server}/article.txt")
    assert Handler.seen_agents[-1] == user_agent()
    assert user_agent().startswith("kg-loader/")


def test_declared_charset_is_reencoded_as_utf8(server):
    raw, _ = fetch_url(f"{server}/latin1.txt")
    assert raw.decode("utf-8") == "Troops reached Zürich"


def test_read_article_from_url_goes_through_html_extraction(server):
    article = read_article(f"{server}/article.html")
    assert "Romania deployed 300 soldiers to Moldova" in article.text
    assert "<p>" not in article.text
    assert article.url == f"{server}/article.html"


def test_json_url_is_read_as_an_article_record(server):
    article = read_article(f"{server}/record.json")
    assert (article.text, article.title, article.published) == (ARTICLE_TEXT, "Record", "2023-03-01")


def test_plain_text_url(server):
    article = read_article(f"{server}/article.txt")
    assert article.text == ARTICLE_TEXT


@pytest.mark.parametrize("path, words", [
    ("/image.png", "content type image/png"),
    ("/no-type", "content type none"),
    ("/missing", "HTTP 404"),
    ("/error", "HTTP 500"),
    ("/loop", "more than 5 redirects"),
    ("/hop/5", "more than 5 redirects"),  # six hops
    ("/big", "over the 1000-byte limit"),
    ("/big-undeclared", "more than 1000 bytes"),
    ("/gzip-bomb", "more than 1000 bytes"),
])
def test_failures_are_one_line_input_errors(server, path, words):
    with pytest.raises(InputError) as info:
        fetch_url(f"{server}{path}", max_bytes=1000)
    message = str(info.value)
    assert words in message
    assert message.startswith(f"{server}{path}: ")
    assert "\n" not in message


def test_five_redirects_are_allowed(server):
    raw, _ = fetch_url(f"{server}/hop/4")  # five hops
    assert raw.decode() == ARTICLE_TEXT


def test_redirect_to_another_scheme_is_refused(server):
    with pytest.raises(InputError, match="to-file: "):
        fetch_url(f"{server}/to-file")


def test_read_timeout(server):
    with pytest.raises(InputError, match="timed out"):
        fetch_url(f"{server}/slow", timeout=(1.0, 0.3))


def test_overall_deadline_stops_a_dripping_server(server):
    with pytest.raises(InputError, match="took too long"):
        fetch_url(f"{server}/drip", timeout=(1.0, 1.0), deadline=0.3)


@pytest.mark.parametrize("url, words", [
    ("ftp://127.0.0.1/file.txt", "only http and https"),
    ("file:///etc/passwd", "only http and https"),
    ("http:///nohost", "no host"),
])
def test_bad_urls_are_refused_before_any_request(url, words):
    with pytest.raises(InputError, match=words):
        fetch_url(url)


def test_refused_connection():
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    with pytest.raises(InputError, match="cannot connect"):
        fetch_url(f"http://127.0.0.1:{port}/x", timeout=(1.0, 1.0))
