"""Synthetic news articles for benchmarks: the project's own examples and a few templates written
for this script, with varied countries, capitals, organisations, numbers and dates.

Names come from kg/data/gazetteer.tsv (so they link like real text would); every article is
distinct (its text hash differs), so each becomes its own named graph.

    .venv/bin/python bench/make_articles.py OUT [-n 1000] [--format txt|jsonl] [--seed 7]
"""
from __future__ import annotations

import argparse
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAZETTEER = ROOT / "kg" / "data" / "gazetteer.tsv"
EXAMPLES = ROOT / "examples"

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CAUSES = ["fuel prices", "a disputed election", "food shortages", "a new tax on bread",
          "the arrest of an opposition leader", "power cuts"]
ORGANISATIONS = ["NATO", "United Nations", "African Union", "European Union"]

# Written for this benchmark; {fields} are filled per article.
TEMPLATES = [
    """{sender} sends troops to {country} as protests spread

{CAPITAL}, {month} {day} — {sender} deployed about {troops:,} soldiers to {country} on {weekday} at the request of the government, after protests over {cause} spread to several cities.

Officials in {capital} said {deaths} people had been killed and more than {injured:,} injured in the unrest. Police detained {arrests:,} protesters over the weekend.

The government declared a state of emergency in {capital} and imposed a curfew.

The deployment is expected to last {days} days, the defence ministry said.
""",
    """{sender} begins pulling troops out of {country}

{CAPITAL}, {month} {day} — Soldiers from {sender} began withdrawing from {country} on {weekday}, {days} days after they were sent in to help restore order.

About {troops:,} troops took part in the mission, which followed weeks of protests over {cause}. At least {deaths} people died in the violence, according to the health ministry, and {injured:,} were wounded.

The prime minister of {country} resigned on {weekday2} amid the crisis.
""",
    """Border clashes between {country} and {other} kill {deaths}

{CAPITAL}, {month} {day} — Troops of {country} and {other} clashed along their shared border on {weekday}, killing {deaths} soldiers and injuring {injured}, officials said.

The {organisation} called on both sides to stop the fighting. {country} said it had sent {troops:,} additional troops to the border region.

Protests against the war broke out in {capital} the next day, and police arrested {arrests} people.
""",
    """Gunmen attack police station in {capital}

{CAPITAL}, {month} {day} — Gunmen stormed a police station in {capital}, the capital of {country}, on {weekday}, killing {deaths} officers and wounding {injured}, the interior ministry said.

Security forces detained {arrests} suspects after the attack. The government declared a state of emergency for {days} days.

{other} offered to send {troops} police officers to help {country} restore order.
""",
]


@dataclass(frozen=True)
class Country:
    label: str
    capital: str | None


def countries(gazetteer: Path = GAZETTEER) -> list[Country]:
    rows = [line.rstrip("\n").split("\t") for line in gazetteer.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    header, body = rows[0], rows[1:]
    col = {name: i for i, name in enumerate(header)}
    names = {r[col["qid"]]: r[col["label"]] for r in body if r[col["type"]] == "country"}
    capitals = {r[col["country_qid"]]: r[col["label"]] for r in body if r[col["type"]] == "capital"}
    return [Country(label, capitals.get(qid)) for qid, label in sorted(names.items())]


def from_template(rng: random.Random, pool: list[Country]) -> tuple[str, str]:
    country, other = rng.sample([c for c in pool if c.capital], 2)
    sender = rng.choice([other.label, rng.choice(ORGANISATIONS)])
    fields = dict(
        country=country.label, other=other.label, capital=country.capital,
        CAPITAL=(country.capital or "").upper(), sender=sender, organisation=rng.choice(ORGANISATIONS),
        month=rng.choice(MONTHS), day=rng.randint(1, 28), weekday=rng.choice(WEEKDAYS),
        weekday2=rng.choice(WEEKDAYS), cause=rng.choice(CAUSES), troops=rng.randint(50, 12000),
        deaths=rng.randint(2, 400), injured=rng.randint(5, 3000), arrests=rng.randint(3, 9000),
        days=rng.randint(3, 60),
    )
    template = rng.choice(TEMPLATES)
    return template.format(**fields), f"{fields['month']} {fields['day']}"


_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d+\b")


def vary_example(rng: random.Random, text: str) -> str:
    """The example with its counts changed (same format). Years and numbers up to 31 (days of
    the month, weekday-relative facts) stay, so the dates still agree with each other."""
    def repl(m: re.Match) -> str:
        value = int(m.group(0).replace(",", ""))
        if value <= 31 or 1900 <= value <= 2100:
            return m.group(0)
        new = max(32, int(value * rng.uniform(0.5, 1.5)))
        return f"{new:,}" if "," in m.group(0) else str(new)
    return _NUMBER.sub(repl, text)


def example_published(path: Path) -> str | None:
    """The publication date the example's .json twin gives, if any: relative dates in the text
    ("on Tuesday") resolve against it, so a random date would contradict the text."""
    twin = path.with_suffix(".json")
    try:
        return json.loads(twin.read_text(encoding="utf-8")).get("published")
    except (OSError, ValueError, AttributeError):
        return None


def make_articles(n: int, seed: int = 7) -> list[dict]:
    """``n`` distinct article records: {"text", "title", "published"}."""
    rng = random.Random(seed)
    pool = countries()
    examples = [(p.read_text(encoding="utf-8"), example_published(p)) for p in sorted(EXAMPLES.glob("*.txt"))]
    seen: set[str] = set()
    out: list[dict] = []
    while len(out) < n:
        if examples and rng.random() < 0.25:
            base, published = rng.choice(examples)
            text = vary_example(rng, base)
        else:
            text, _ = from_template(rng, pool)
            published = f"{rng.choice([2019, 2020, 2021, 2022, 2023])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if text in seen:
            continue
        seen.add(text)
        record = {"text": text, "title": text.split("\n", 1)[0]}
        if published:
            record["published"] = published
        out.append(record)
    return out


def write_articles(out: Path, n: int, fmt: str = "txt", seed: int = 7) -> Path:
    """A folder of .txt files, or one .jsonl file; returns the path to ingest."""
    records = make_articles(n, seed)
    if fmt == "jsonl":
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        return out
    out.mkdir(parents=True, exist_ok=True)
    for i, r in enumerate(records):
        (out / f"article-{i:05d}.txt").write_text(r["text"], encoding="utf-8")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="a folder (txt) or a .jsonl file")
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--format", choices=["txt", "jsonl"], default="txt")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    path = write_articles(args.out, args.n, args.format, args.seed)
    print(f"{args.n} articles in {path}")


if __name__ == "__main__":
    main()
