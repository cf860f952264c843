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
    seen_auth: list[str | None] = []
    private_target = ""  # set by the fixture that serves on 127.0.0.2

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
        Handler.seen_auth.append(self.headers.get("Authorization"))
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
        elif path == "/to-private":
            self._send(302, b"", "text/plain", {"Location": Handler.private_target})
        elif path == "/to-metadata":
            self._send(302, b"", "text/plain", {"Location": "http://169.254.169.254/latest/meta-data/"})
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


@pytest.fixture(autouse=True)
def private_urls_allowed(monkeypatch):
    """The scripted server is on loopback: these tests opt in, as an intranet user would."""
    monkeypatch.setenv("KG_ALLOW_PRIVATE_URLS", "1")


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


# -- SSRF: article URLs never reach this machine or its network unless asked --

@pytest.fixture
def private_server(monkeypatch):
    """A second server on 127.0.0.2, the private address a redirect points to."""
    try:
        httpd = QuietServer(("127.0.0.2", 0), Handler)
    except OSError:
        pytest.skip("cannot bind 127.0.0.2 here")
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setattr(Handler, "private_target", f"http://127.0.0.2:{httpd.server_address[1]}/article.txt")
    yield
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:9/x", "http://localhost:9/x", "http://169.254.169.254/latest/meta-data/",
    "http://0.0.0.0:9/", "http://2130706433:9/", "http://0x7f.1:9/", "http://[::1]:9/",
    "http://[::ffff:127.0.0.1]:9/", "http://10.0.0.1:9/", "http://192.168.1.1:9/",
])
def test_private_loopback_and_link_local_targets_are_refused_by_default(monkeypatch, url):
    monkeypatch.delenv("KG_ALLOW_PRIVATE_URLS")
    with pytest.raises(InputError, match="refused: .*private, loopback or link-local") as info:
        fetch_url(url, timeout=(1.0, 1.0))
    assert "--allow-private-urls" in str(info.value)


@pytest.mark.parametrize("address, public", [
    ("8.8.8.8", True), ("2606:4700:4700::1111", True), ("127.0.0.2", False), ("100.64.0.1", False),
    ("224.0.0.1", False), ("fe80::1", False), ("fc00::1", False), ("::", False), ("not an ip", False),
])
def test_public_addresses(address, public):
    from kg.fetch import is_public_address

    assert is_public_address(address) is public


def test_a_redirect_to_a_private_address_is_refused(monkeypatch, server, private_server):
    import kg.fetch

    monkeypatch.delenv("KG_ALLOW_PRIVATE_URLS")
    # Let the first hop (the test server on 127.0.0.1) through, so the refusal is the redirect's.
    monkeypatch.setattr(kg.fetch, "is_public_address", lambda address: address == "127.0.0.1")
    assert fetch_url(f"{server}/article.txt")[0].decode() == ARTICLE_TEXT
    with pytest.raises(InputError, match="refused: 127.0.0.2 is a private"):
        fetch_url(f"{server}/to-private")
    with pytest.raises(InputError, match="refused: 169.254.169.254"):
        fetch_url(f"{server}/to-metadata", timeout=(1.0, 1.0))


def test_a_name_that_resolves_elsewhere_the_second_time_is_refused(monkeypatch, private_server):
    """DNS rebinding: the check before connecting sees a public address, the connection reaches
    127.0.0.2; the address actually reached is what counts."""
    import socket

    monkeypatch.delenv("KG_ALLOW_PRIVATE_URLS")
    real = socket.getaddrinfo
    answers = iter(["1.1.1.1"])

    def rebinding(host, port, *args, **kwargs):
        if host == "rebind.invalid":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers, "127.0.0.2"), port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    port = Handler.private_target.split(":")[2].split("/")[0]
    with pytest.raises(InputError, match="refused: rebind.invalid is at 127.0.0.2"):
        fetch_url(f"http://rebind.invalid:{port}/article.txt", timeout=(1.0, 1.0))


def test_allow_private_lets_an_intranet_url_through(monkeypatch, server):
    monkeypatch.delenv("KG_ALLOW_PRIVATE_URLS")
    assert fetch_url(f"{server}/article.txt", allow_private=True)[0].decode() == ARTICLE_TEXT


def test_netrc_credentials_are_never_sent_to_article_servers(monkeypatch, tmp_path, server):
    netrc = tmp_path / ".netrc"
    netrc.write_text("machine 127.0.0.1 login alice password s3cret\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("NETRC", str(netrc))
    fetch_url(f"{server}/hop/1")  # a redirect too: requests looks the netrc up again on each hop
    assert Handler.seen_auth[-2:] == [None, None]
