#!/usr/bin/env python3
"""Feed generated hostile and careless inputs through reading, extraction, mapping, validation
and serialisation, and report every crash: an exception that is not a one-line KgError, a graph
the project's own shapes reject, or output that `kg load` cannot parse back.

    .venv/bin/python tools/fuzz.py --n 100000 [--seed 1]      # the long run
    tests/test_fuzz.py runs a few thousand in CI (same generator, fixed seed).

Every input is generated here from words written for it; no article text is used.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SENTENCES = [
    "Troops were sent to Mali on Monday.",
    "Police arrested opposition leader Ana Costa in Lima on 3 May.",
    "At least 12 people were killed when gunmen attacked a market in Kano.",
    "The prime minister resigned on Friday after weeks of protests.",
    "The government declared a state of emergency in Almaty.",
    "Clashes between soldiers and rebels left 40 dead near the border last week.",
    "Russia withdrew 2,000 troops from Armenia in January 2022.",
    "Thousands marched in Tbilisi against the new law.",
]
ODD = [
    "\u2028", "\u2029", "\x85", "\x0c", "\x0b", "\x1c", "\x00", "\u200f", "\u202e", "\ufeff", "\u0301",
    "\U0001f600", "\\", '"', "'", "<", ">", "&", "{", "}", "|", "^", "`", "\t", "\r", "\r\n", "\n\n",
    "%", "$", "#", "@", "—", "–", "…", "\u00a0", "\u202f",
]
NUMBERS = ["1" + "0" * 400, "10^400", "9" * 20, "1e308", "-5", "0", "3.5", "1,000,000,000,000",
           "twelve million billion", "a dozen dozen", "½", "٣٤", "１２"]
DATES = ["on 31 February", "on 2022-13-45", "in 9999", "in the year 10000", "on 0 January",
         "on Monday, February 30", "last week", "tomorrow", "in 1066", "on 32 December 2021",
         "on 29 February 2023", "in late 2021", "mid-9999"]
PUBLISHED = ["2023-05-12", "2022-02-30", "2021-13-01", "9999-12-31", "0000-00-00", "2023", "2023-05",
             "yesterday", "", "2023-05-12T10:00:00Z", "12/05/2023", "1e9", " 2023-05-12 "]
URLS = ["https://example.org/a", "not a url", "http://x y/", "http://example.org/>", "ftp://e.org/a",
        "https://example.org/\u2028", "javascript:alert(1)", "http://[::1", "http://example.org:99999/",
        "//example.org/a", "https://example.org/" + "a" * 3000]
ATTACH = [None, "", 5, 3.5, True, [], {}, ["a"], {"x": 1}, "x" * 5000]


@dataclass(frozen=True)
class Case:
    kind: str  # what was generated: text, record, html, meta
    suffix: str
    data: bytes
    published: str | None = None
    url: str | None = None
    title: str | None = None


def _text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 6)):
        s = rng.choice(SENTENCES)
        for _ in range(rng.randint(0, 4)):
            at = rng.randint(0, len(s))
            s = s[:at] + rng.choice(ODD + NUMBERS + DATES + [" "]) + s[at:]
        parts.append(s)
    sep = rng.choice([" ", "\n", "\n\n", "\u2028", "\r\n", ""])
    return sep.join(parts)


def generate(rng: random.Random) -> Case:
    kind = rng.choice(["text", "text", "record", "record", "html", "meta", "nested", "bytes"])
    if kind == "text":
        return Case(kind, ".txt", _text(rng).encode("utf-8", "surrogatepass"))
    if kind == "record":
        record: dict = {"text": _text(rng)}
        for key, pool in (("published", PUBLISHED), ("url", URLS), ("title", [_text(rng)])):
            if rng.random() < 0.6:
                record[key] = rng.choice(pool + ATTACH)
        if rng.random() < 0.1:
            record["text"] = rng.choice(ATTACH)
        raw = json.dumps(record, ensure_ascii=rng.random() < 0.5)
        if rng.random() < 0.2:  # a lone surrogate, escaped as JSON allows
            raw = raw.replace("Troops", "Troops \\ud83d", 1)
        if rng.random() < 0.1:
            raw = raw[: rng.randint(1, len(raw))]  # truncated
        return Case(kind, ".json", raw.encode("utf-8", "surrogatepass"))
    if kind == "html":
        body = "".join(f"<p>{s}</p>" for s in _text(rng).split(". "))
        depth = rng.choice([0, 5, 200, 1000])
        html = f"<html><head><title>{_text(rng)[:80]}</title></head><body>" + "<div>" * depth + body
        if rng.random() < 0.5:
            html += "</div>" * depth + "</body></html>"
        if rng.random() < 0.2:
            html = html.replace("<p>", "<p <script>alert(1)</script>", 1)
        return Case(kind, ".html", html.encode("utf-8", "surrogatepass"))
    if kind == "nested":
        return Case(kind, ".json", (rng.choice(["[", "{\"a\":"]) * rng.choice([10, 1000, 100000])).encode())
    if kind == "bytes":
        return Case(kind, rng.choice([".txt", ".json", ".html"]), bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 300))))
    return Case(kind, ".txt", _text(rng).encode("utf-8", "surrogatepass"), rng.choice(PUBLISHED),
                rng.choice(URLS), _text(rng)[:200])


def check(case: Case, folder: Path) -> str | None:
    """None when the case ends well (a graph that loads back, or one KgError line); else what failed."""
    import pyoxigraph as ox

    from kg import api
    from kg.errors import KgError, ValidationFailed
    from kg.store.rdfio import parse_bytes

    path = folder / f"case{case.suffix}"
    path.write_bytes(case.data)
    try:
        meta = {k: v for k, v in (("published", case.published), ("url", case.url), ("title", case.title)) if v}
        done = api.process(str(path), **meta)
        for fmt, ox_fmt in (("nquads", ox.RdfFormat.N_QUADS), ("turtle", ox.RdfFormat.TURTLE),
                            ("trig", ox.RdfFormat.TRIG)):
            data = done.serialize(fmt).encode("utf-8")
            parse_bytes(data, ox_fmt, "urn:kg:fuzz", name=fmt)
    except ValidationFailed as exc:
        return f"invalid graph: {exc}"
    except KgError as exc:
        message = str(exc)
        if "\n" in message or not message:
            return f"not one line: {message!r}"
        return None
    except Exception:  # noqa: BLE001 - what the fuzzer is looking for
        return traceback.format_exc(limit=3).strip().splitlines()[-1]
    return None


def run(n: int, seed: int = 1, deadline: float | None = None) -> tuple[int, list[tuple[Case, str]]]:
    """Try ``n`` generated cases (fewer if ``deadline`` seconds pass); the number tried and the
    failures."""
    rng = random.Random(seed)
    failures: list[tuple[Case, str]] = []
    start = time.monotonic()
    tried = 0
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(n):
            if deadline is not None and time.monotonic() - start > deadline:
                break
            case = generate(rng)
            problem = check(case, Path(tmp))
            tried += 1
            if problem:
                failures.append((case, problem))
    return tried, failures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    t = time.monotonic()
    tried, failures = run(args.n, args.seed)
    kinds = Counter(f"{c.kind}: {p}" for c, p in failures)
    print(f"{tried} inputs, {len(failures)} failures in {time.monotonic() - t:.0f} s")
    for what, count in kinds.most_common(30):
        print(f"{count:6}  {what}")


if __name__ == "__main__":
    main()
