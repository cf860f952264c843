"""Fetching one article over HTTP(S), defensively: a URL is someone else's server.

Every limit here exists so that one bad URL in a batch of thousands costs seconds and
megabytes, never a hung worker or a filled memory: a scheme check, a size cap enforced while
streaming (Content-Length can lie or be absent), a connect/read timeout plus an overall
deadline (a read timeout alone lets a server drip one byte a second forever), a redirect limit,
and a content-type check. Every failure is one InputError line naming the URL.
"""
from __future__ import annotations

import codecs
import re
import time
from urllib.parse import urlsplit

from kg.errors import InputError

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_TIMEOUT = (5.0, 20.0)  # (connect, read between bytes), seconds
DEFAULT_DEADLINE = 60.0  # whole download, seconds
MAX_REDIRECTS = 5
ACCEPTED_TYPES = frozenset({"text/html", "text/plain", "application/json", "application/xhtml+xml"})
_CHUNK = 64 * 1024


def user_agent() -> str:
    """A descriptive User-Agent: sites can tell who fetches and why."""
    try:
        from importlib.metadata import version

        v = version("kg-loader")
    except Exception:  # running from a checkout that is not installed
        v = "dev"
    return f"kg-loader/{v} (news article to RDF; one request per article; python-requests)"


def fetch_url(
    url: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    deadline: float = DEFAULT_DEADLINE,
    max_redirects: int = MAX_REDIRECTS,
) -> tuple[bytes, str]:
    """The body of ``url`` and its media type (``text/html`` ...), the body re-encoded as UTF-8
    when the server declared another charset. Raises InputError on any failure."""
    import requests
    from urllib3.exceptions import DecodeError, HTTPError, ProtocolError, ReadTimeoutError

    _check_scheme(url, url)
    session = requests.Session()
    session.max_redirects = max_redirects
    session.headers.update({
        "User-Agent": user_agent(),
        "Accept": "text/html, application/xhtml+xml, text/plain;q=0.9, application/json;q=0.8",
    })
    try:
        with session.get(url, stream=True, timeout=timeout, allow_redirects=True) as resp:
            _check_scheme(resp.url, url)  # requests follows only http(s), but say so plainly
            if resp.status_code >= 400:
                reason = f" {resp.reason}" if resp.reason else ""
                raise InputError(f"{url}: HTTP {resp.status_code}{reason}")
            media_type, charset = _content_type(resp.headers.get("Content-Type"))
            if media_type not in ACCEPTED_TYPES:
                shown = media_type or "none"
                raise InputError(f"{url}: content type {shown} is not an article "
                                 f"(accepted: {', '.join(sorted(ACCEPTED_TYPES))})")
            declared = resp.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise InputError(f"{url}: {int(declared)} bytes is over the {max_bytes}-byte limit")
            body = _read_capped(resp, url, max_bytes, time.monotonic() + deadline)
    except InputError:
        raise
    except requests.exceptions.TooManyRedirects:
        raise InputError(f"{url}: more than {max_redirects} redirects") from None
    except (requests.exceptions.Timeout, ReadTimeoutError):
        raise InputError(f"{url}: timed out") from None
    except requests.exceptions.SSLError:
        raise InputError(f"{url}: TLS certificate or handshake failed") from None
    except requests.exceptions.ConnectionError as exc:
        raise InputError(f"{url}: cannot connect ({_short(exc)})") from None
    # Reading resp.raw directly (see _read_capped) surfaces urllib3's own errors, unwrapped.
    except ProtocolError:
        raise InputError(f"{url}: the connection dropped during the download") from None
    except DecodeError:
        raise InputError(f"{url}: the compressed body is corrupt") from None
    except (requests.exceptions.RequestException, HTTPError) as exc:
        raise InputError(f"{url}: request failed ({type(exc).__name__})") from None
    finally:
        session.close()
    return _to_utf8(body, charset), media_type


def _check_scheme(url: str, shown: str) -> None:
    try:
        parts = urlsplit(url)
    except ValueError:
        raise InputError(f"{shown}: not a valid URL") from None
    if parts.scheme.lower() not in {"http", "https"}:
        raise InputError(f"{shown}: only http and https URLs can be fetched")
    if not parts.hostname:
        raise InputError(f"{shown}: the URL has no host")


def _content_type(header: str | None) -> tuple[str, str | None]:
    if not header:
        return "", None
    media_type, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"').lower() or None
    return media_type.strip().lower(), charset


def _read_capped(resp, url: str, max_bytes: int, deadline_at: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    # read1 returns what has arrived (at most _CHUNK decoded bytes), so a server dripping bytes
    # still meets the deadline; the cap counts decoded bytes, which also stops gzip bombs.
    while chunk := resp.raw.read1(_CHUNK, decode_content=True):
        size += len(chunk)
        if size > max_bytes:
            raise InputError(f"{url}: more than {max_bytes} bytes; download stopped")
        if time.monotonic() > deadline_at:
            raise InputError(f"{url}: download took too long; stopped")
        chunks.append(chunk)
    return b"".join(chunks)


def _to_utf8(body: bytes, charset: str | None) -> bytes:
    """The reader expects UTF-8: honour a charset the server declared, else pass bytes through."""
    if not charset:
        return body
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        return body
    if codec in {"utf-8", "ascii"}:
        return body
    try:
        return body.decode(codec).encode("utf-8")
    except UnicodeDecodeError:
        return body


_REASON = re.compile(r"\[Errno -?\d+\] [^'\")\]]+|Connection refused|Name or service not known|"
                     r"Remote end closed connection[^'\")]*")


def _short(exc: Exception) -> str:
    """The innermost reason of a requests/urllib3 error, without the chain of wrappers."""
    found = _REASON.search(str(exc))
    return found.group(0).strip() if found else type(exc).__name__
