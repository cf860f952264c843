"""Inputs at the edge: a .txt, .html or .json file, standard input or a URL, into an Article."""
from __future__ import annotations

import json
import os
import re
import stat
import sys
from pathlib import Path

from kg.errors import InputError, one_line
from kg.fetch import DEFAULT_MAX_BYTES  # one limit for files, standard input, records and downloads
from kg.model import Article

_PUBLISHED = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_HTML_SNIFF = re.compile(r"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[\s>])", re.I)


def read_article(
    source: str,
    *,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    allow_private_urls: bool | None = None,
    max_bytes: int | None = None,
) -> Article:
    """Read one article from a path, ``-`` (standard input) or an http(s) URL.

    Explicit ``published``/``url``/``title`` override what the input carries. A URL on a private,
    loopback or link-local address is refused unless ``allow_private_urls`` (default: the
    KG_ALLOW_PRIVATE_URLS environment variable). An input over ``max_bytes`` (default
    DEFAULT_MAX_BYTES, 5 MB) is refused in one line.
    """
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    if source.startswith(("http://", "https://")):
        from kg.fetch import fetch_url

        raw, content_type = fetch_url(source, allow_private=allow_private_urls, max_bytes=limit)
        kind = "html" if "html" in content_type else ("json" if "json" in content_type else "text")
        article = _from_bytes(raw, kind, source, url_hint=source)
    elif source == "-":
        raw = sys.stdin.buffer.read(limit + 1)
        check_size(len(raw), limit, "-")
        article = _from_bytes(raw, _sniff(raw), "-")
    else:
        path = Path(source)
        raw = _read_file(path, limit, source)
        kind = {".json": "json", ".html": "html", ".htm": "html", ".jsonl": "json"}.get(
            path.suffix.lower(), None) or _sniff(raw)
        article = _from_bytes(raw, kind, str(path))
    return checked_article(_override(article, published=published, url=url, title=title))


def _read_file(path: Path, limit: int, source: str) -> bytes:
    """The bytes of a file (at most ``limit``), with one open and one fstat: on some systems each
    call into the kernel costs more than reading a short article."""
    try:
        fh = open(path, "rb")  # a FIFO or device has no size: read at most the limit
    except FileNotFoundError:
        raise InputError(f"{source}: no such file") from None
    except IsADirectoryError:
        raise _is_a_folder(source) from None
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror})") from None
    try:
        with fh:
            info = os.fstat(fh.fileno())
            if stat.S_ISDIR(info.st_mode):  # where open() does not refuse a folder
                raise _is_a_folder(source)
            size = info.st_size if stat.S_ISREG(info.st_mode) else None
            if size is not None:
                check_size(size, limit, source)
            # Asked for the limit at once, Python would allocate a buffer of that size for every
            # article; a file that grew since fstat() is read on up to the limit.
            raw = fh.read(limit + 1 if size is None else size + 1)
            if size is not None and len(raw) > size:
                raw += fh.read(limit + 1 - len(raw))
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror})") from None
    check_size(len(raw), limit, source)
    return raw


def _is_a_folder(source: str) -> InputError:
    return InputError(f"{source}: is a folder, not an article (use 'kg ingest' for folders)")


def check_size(size: int, limit: int, source: str) -> None:
    """InputError when an input of ``size`` bytes (or characters, at least as many) is over ``limit``."""
    if size > limit:
        raise InputError(f"{source}: {size:,} bytes or more is over the {limit:,}-byte limit "
                         "(--max-bytes raises it)")


def load_json(text: str, source: str) -> object:
    """A JSON document, or InputError: malformed, or nested too deep to be an article."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{source}: malformed JSON (line {exc.lineno}: {exc.msg})") from None
    except RecursionError:
        raise InputError(f"{source}: JSON nested too deeply to be an article") from None


def article_from_record(record: dict, source: str = "-") -> Article:
    """An Article from a JSON record ``{"url", "title", "published", "text"}``."""
    if not isinstance(record, dict):
        raise InputError(f"{source}: a JSON article must be an object with a 'text' field")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{source}: the JSON record has no 'text'")
    published = record.get("published") or record.get("date") or None
    return checked_article(Article(
        text=text,
        url=_str_or_none(record.get("url")),
        title=_str_or_none(record.get("title")),
        published=_clean_published(published, source),
        source=source,
    ))


def _from_bytes(raw: bytes, kind: str, source: str, url_hint: str | None = None) -> Article:
    if not raw.strip():
        raise InputError(f"{source}: the input is empty")
    if b"\x00" in raw[:8192]:
        raise InputError(f"{source}: looks like a binary file, not an article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{source}: not UTF-8 text") from None
    if kind == "json":
        return article_from_record(load_json(text, source), source)
    if kind == "html":
        return _from_html(text, source, url_hint)
    return Article(text=text, source=source, url=url_hint)


def _from_html(html: str, source: str, url_hint: str | None) -> Article:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url_hint, include_comments=False, include_tables=False,
            favor_precision=True, with_metadata=True,
        )
    except Exception:  # noqa: BLE001 - trafilatura raises assorted lxml errors on broken markup
        doc = None
    data = (doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)) if doc is not None else {}
    text = (data.get("text") or "").strip() or html_text(html)
    if not text:
        raise InputError(f"{source}: no article text found in the HTML")
    published = data.get("date")
    return Article(
        text=text,
        url=_str_or_none(data.get("url")) or url_hint,
        title=_str_or_none(data.get("title")),
        published=_clean_published(published, source, strict=False),
        source=source,
    )


_BLOCKS = ("p", "h1", "h2", "h3", "h4", "li", "blockquote", "td")


def html_text(html: str) -> str:
    """The text of a page trafilatura gives up on (markup nested deeper than libxml2's default
    limit, a page with no article structure, a server's error page): its paragraphs and
    headings, else all its text; "" if none."""
    import lxml.html
    from lxml import etree

    try:
        parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
        root = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (etree.LxmlError, ValueError):
        return ""
    etree.strip_elements(root, "script", "style", "noscript", "template", with_tail=False)
    blocks = [" ".join(e.text_content().split()) for e in root.iter(*_BLOCKS)]
    text = "\n".join(b for b in blocks if b)
    return text or " ".join(root.text_content().split())


def _sniff(raw: bytes) -> str:
    head = raw[:2048].lstrip()
    if head.startswith(b"{"):
        return "json"
    if _HTML_SNIFF.match(head.decode("utf-8", "ignore")):
        return "html"
    return "text"


def _override(article: Article, **fields: str | None) -> Article:
    from dataclasses import replace

    given = {k: v for k, v in fields.items() if v}
    if "published" in given:
        given["published"] = _clean_published(given["published"], "--published")
    return replace(article, **given) if given else article


def _clean_published(value: object, source: str, strict: bool = True) -> str | None:
    if value in (None, "", "None"):
        return None
    s = str(value).strip()[:10]
    if _PUBLISHED.match(s) and _real_date(s):
        return s
    if strict:
        raise InputError(f"{source}: publication date {one_line(repr(value), 40)} is not a date "
                         f"(YYYY-MM-DD, YYYY-MM or YYYY, years {MIN_YEAR} to {MAX_YEAR})")
    return None


# Relative dates are resolved by date arithmetic, which must stay far from datetime's year 9999.
MIN_YEAR, MAX_YEAR = 1000, 2999


def _real_date(s: str) -> bool:
    import datetime as dt

    parts = [int(p) for p in s.split("-")]
    if not MIN_YEAR <= parts[0] <= MAX_YEAR:
        return False
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# What an IRI may not hold (RFC 3987): spaces, controls, <>"{}|\^` and the line separators.
_IRI_FORBIDDEN = re.compile("[\x00-\x20<>\"{}|\\^`\x7f-\x9f\u2028\u2029]")


def scrub(text: str) -> str:
    """Text that encodes as UTF-8: a lone surrogate (from a JSON escape) becomes U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def check_url(value: str, what: str) -> str:
    """An absolute http(s) IRI that RDF can hold, or InputError naming ``what``."""
    parts = value.split(":", 1)
    if len(parts) != 2 or parts[0].lower() not in {"http", "https"} or not parts[1].startswith("//") \
            or len(parts[1]) < 3 or _IRI_FORBIDDEN.search(value) or not _is_iri(value):
        raise InputError(f"{what}: {one_line(repr(value), 80)} is not an absolute http(s) URL")
    return value


def _is_iri(value: str) -> bool:
    """Whether RDF stores accept it as an IRI (pyoxigraph checks RFC 3987, as the SHACL engine does)."""
    import pyoxigraph

    try:
        pyoxigraph.NamedNode(value)
    except ValueError:
        return False
    return True


def checked_article(article: Article) -> Article:
    """The article with text a graph can hold: lone surrogates replaced, its URL an IRI and its
    publication date a real one; InputError (one line) otherwise."""
    from dataclasses import replace

    fields: dict[str, str | None] = {}
    for name in ("text", "title", "url"):
        value = getattr(article, name)
        if value is not None and not isinstance(value, str):
            raise InputError(f"{article.source}: the article's {name} is not text")
        if value and _LONE_SURROGATE.search(value):
            fields[name] = scrub(value)
    url = fields.get("url", article.url)
    if url:
        check_url(url, f"{article.source}: url")
    if article.published:
        _clean_published(article.published, article.source)
    return replace(article, **fields) if fields else article


def _str_or_none(value: object) -> str | None:
    if isinstance(value, (dict, list)):
        return None
    return str(value).strip() or None if value not in (None, "") else None
