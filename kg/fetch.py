"""Fetching one article over HTTP(S), defensively: a URL is someone else's server.

Every limit here exists so that one bad URL in a batch of thousands costs seconds and
megabytes, never a hung worker or a filled memory: a scheme check, a size cap enforced while
streaming (Content-Length can lie or be absent), a connect/read timeout plus an overall
deadline (a read timeout alone lets a server drip one byte a second forever), a redirect limit,
and a content-type check. Every failure is one InputError line naming the URL.

An article URL comes from someone else too, so fetching never reaches this machine or its
network unless asked (``allow_private`` or KG_ALLOW_PRIVATE_URLS=1): the address every connection
actually reached is checked after connecting, on every redirect hop, so neither a redirect nor a
name that resolves differently the second time (DNS rebinding) gets past it. Credentials from
~/.netrc are never sent to article servers.
"""
from __future__ import annotations

import codecs
import ipaddress
import os
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
ALLOW_PRIVATE_ENV = "KG_ALLOW_PRIVATE_URLS"


def private_urls_allowed() -> bool:
    """Whether KG_ALLOW_PRIVATE_URLS opts in to fetching from private and loopback addresses."""
    return os.environ.get(ALLOW_PRIVATE_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def is_public_address(address: str) -> bool:
    """Whether an IP address is on the public internet: not loopback, private, link-local
    (169.254.169.254, the cloud metadata service), shared, multicast, reserved or unspecified."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and (ip.ipv4_mapped or ip.sixtofour):
        ip = ip.ipv4_mapped or ip.sixtofour
    return ip.is_global and not ip.is_multicast


def user_agent() -> str:
    """A descriptive User-Agent: sites can tell who fetches and why."""
    from kg import __version__

    return f"kg-loader/{__version__} (news article to RDF; one request per article; python-requests)"


def fetch_url(
    url: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    deadline: float = DEFAULT_DEADLINE,
    max_redirects: int = MAX_REDIRECTS,
    allow_private: bool | None = None,
) -> tuple[bytes, str]:
    """The body of ``url`` and its media type (``text/html`` ...), the body re-encoded as UTF-8
    when the server declared another charset. Raises InputError on any failure. Private,
    loopback and link-local addresses are refused unless ``allow_private`` (default: the
    KG_ALLOW_PRIVATE_URLS environment variable)."""
    import requests
    from urllib3.exceptions import DecodeError, HTTPError, ProtocolError, ReadTimeoutError

    _check_scheme(url, url)
    if allow_private is None:
        allow_private = private_urls_allowed()
    session = requests.Session()
    # No ~/.netrc lookup (requests matches it by host, so an article server would get the
    # credentials); proxies from the environment are still honoured.
    session.trust_env = False
    session.proxies = requests.utils.get_environ_proxies(url)
    if not allow_private:
        guarded = _guarded_adapter()
        session.mount("http://", guarded)
        session.mount("https://", guarded)
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
        refused = _refusal(exc)
        if refused:
            raise InputError(f"{url}: {refused}") from None
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


class PrivateAddressRefused(OSError):
    """A connection reached an address that is not on the public internet."""


def _refusal(exc: BaseException) -> str | None:
    seen: set[int] = set()
    stack: list[BaseException] = [exc]
    while stack:
        e = stack.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        if isinstance(e, PrivateAddressRefused):
            return str(e)
        stack.extend(x for x in (e.__cause__, e.__context__, *getattr(e, "args", ())) if isinstance(x, BaseException))
        reason = getattr(e, "reason", None)
        if isinstance(reason, BaseException):
            stack.append(reason)
    return None


def _refused(host: str, address: str) -> PrivateAddressRefused:
    where = f"{address} is" if host.strip("[]") == address else f"{host} is at {address},"
    return PrivateAddressRefused(
        f"refused: {where} a private, loopback or link-local address "
        f"(--allow-private-urls or {ALLOW_PRIVATE_ENV}=1 allows it)")


def _check_host(host: str, port: int) -> None:
    """Before connecting: no packet goes to a private address, not even a refused one."""
    import socket

    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return  # the connection attempt reports it
    for info in infos:
        if not is_public_address(info[4][0]):
            raise _refused(host, info[4][0])


def _check_peer(sock, host: str) -> None:
    """After connecting: the address actually reached, whatever a second lookup answered."""
    try:
        peer = sock.getpeername()[0]
    except OSError:
        return
    if not is_public_address(peer):
        sock.close()
        raise _refused(host, peer)


_ADAPTER_CLASS = None


def _guarded_adapter():
    """A requests adapter whose connections check the address they reached."""
    global _ADAPTER_CLASS
    if _ADAPTER_CLASS is None:
        from requests.adapters import HTTPAdapter
        from urllib3.connection import HTTPConnection, HTTPSConnection
        from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

        class Guard:
            def _new_conn(self):
                _check_host(self._dns_host, self.port)
                sock = super()._new_conn()
                _check_peer(sock, self.host)
                return sock

        class GuardedHTTPConnection(Guard, HTTPConnection):
            pass

        class GuardedHTTPSConnection(Guard, HTTPSConnection):
            pass

        class GuardedHTTPPool(HTTPConnectionPool):
            ConnectionCls = GuardedHTTPConnection

        class GuardedHTTPSPool(HTTPSConnectionPool):
            ConnectionCls = GuardedHTTPSConnection

        class GuardedAdapter(HTTPAdapter):
            def init_poolmanager(self, *args, **kwargs):
                super().init_poolmanager(*args, **kwargs)
                self.poolmanager.pool_classes_by_scheme = {"http": GuardedHTTPPool, "https": GuardedHTTPSPool}

        _ADAPTER_CLASS = GuardedAdapter
    return _ADAPTER_CLASS()


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
