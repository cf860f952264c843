"""kg report: the report's rows (kg.report.data), the page (kg.report.render), the command, and
what a person sees when the page of the bundled examples opens in headless Chromium.

The graphs here are written for these tests (Turtle by hand, or articles written here)."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest
from rdflib import Graph
from typer.testing import CliRunner

from kg import api
from kg.cli import app
from kg.model import Article
from kg.report import render_html, report_rows
from kg.report.data import period
from kg.vocab import WDT

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = [ROOT / "examples" / n for n in ("csto-kazakhstan.json", "protest-arrests.html", "niger-coup.json",
                                            "border-clash.txt")]

PREFIXES = """
@prefix kg: <https://w3id.org/kg-loader/ontology#> .
@base <https://w3id.org/kg-loader/id/> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix wdt: <http://www.wikidata.org/prop/direct/> .
@prefix schema: <http://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

# Two articles on one strike on a town; they disagree on the dead. Written for this test.
TWO_ACCOUNTS = PREFIXES + """
<article/a> a kg:Article ; schema:url "https://example.org/a" ; schema:headline "Strike on Misrata" ;
    schema:datePublished "2024-03-02"^^xsd:date .
<article/b> a kg:Article ; schema:url "https://example.org/b" ; schema:datePublished "2024-03-03"^^xsd:date .
wd:Q1016 a kg:Country ; rdfs:label "Libya"@en .
wd:Q131323 a kg:City ; rdfs:label "Misrata"@en .
<event/a/attack-1> a kg:Attack ; rdfs:label "Attack in Misrata" ; prov:wasDerivedFrom <article/a> ;
    wdt:P17 wd:Q1016 ; wdt:P276 wd:Q131323 ; wdt:P585 "2024-03-01"^^xsd:date ; wdt:P1120 4 .
<event/b/attack-1> a kg:Attack ; rdfs:label "Attack in Misrata" ; prov:wasDerivedFrom <article/b> ;
    wdt:P17 wd:Q1016 ; wdt:P1120 6 .
<statement/a/1> a rdf:Statement ; rdf:subject <event/a/attack-1> ; rdf:predicate wdt:P1120 ; rdf:object 4 ;
    prov:wasDerivedFrom <article/a> ; kg:claimedBy "the town council" ; kg:rule "count:deaths" ;
    kg:evidence <evidence/a/10-60> .
<evidence/a/10-60> oa:exact "Four people died when a drone hit the harbour, the town council said." ;
    oa:start 10 ; oa:end 60 .
<statement/b/1> a rdf:Statement ; rdf:subject <event/b/attack-1> ; rdf:predicate wdt:P1120 ; rdf:object 6 ;
    prov:wasDerivedFrom <article/b> ; kg:claimedBy wd:Q1016 ; kg:evidence <evidence/b/0-30> .
<evidence/b/0-30> oa:exact "Six were killed in the strike." ; oa:start 0 ; oa:end 30 .
"""

RESOLVED = """
<resolved/x> a kg:ResolvedEvent , kg:Attack ; rdfs:label "Attack in Misrata (2024-03-01)"@en ;
    kg:account <event/a/attack-1> , <event/b/attack-1> ;
    prov:wasDerivedFrom <article/a> , <article/b> ;
    wdt:P17 wd:Q1016 ; wdt:P276 wd:Q131323 ; wdt:P585 "2024-03-01"^^xsd:date ; wdt:P1120 4 , 6 ;
    kg:conflict <conflict/x> .
<conflict/x> a kg:Conflict ; kg:property wdt:P1120 ; kg:claim <statement/a/1> , <statement/b/1> .
"""


def graph(text: str) -> Graph:
    return Graph().parse(data=text, format="turtle")


# ---- the rows -------------------------------------------------------------------------------

def test_article_events_are_reported_when_there_is_no_resolved_graph():
    rows = report_rows(graph(TWO_ACCOUNTS))
    assert not rows.resolved
    assert [e.iri.rsplit("/", 2)[-2] for e in rows.events] == ["a", "b"]
    a = rows.events[0]
    assert a.cls == "Attack" and a.when.precision == "day" and a.when.first == a.when.last == "2024-03-01"
    assert a.counts == (("deaths", "4"),)
    assert [p.label for p in a.countries] == ["Libya"] and [p.label for p in a.places] == ["Misrata"]


def test_resolved_events_replace_their_accounts_and_carry_claims_and_disputes():
    rows = report_rows(graph(TWO_ACCOUNTS + RESOLVED))
    assert rows.resolved and len(rows.events) == 1
    event = rows.events[0]
    assert event.counts == (("deaths", "4/6"),)
    deaths = {f.value: f.evidence for f in event.facts if f.property == "deaths"}
    assert deaths["4"][0].claimant == "the town council"
    assert deaths["4"][0].quote.startswith("Four people died") and deaths["4"][0].start == 10
    assert deaths["6"][0].claimant == "Libya"  # an entity claimant is shown by its label
    assert [d.property for d in event.disputes] == [str(WDT.P1120)]
    assert {c.value for c in event.disputes[0].claims} == {"4", "6"}
    assert {a.url for a in rows.articles} == {"https://example.org/a", "https://example.org/b"}


def test_a_window_a_month_and_a_span_keep_their_precision():
    from rdflib import XSD, Literal

    def day(s):
        return Literal(s, datatype=XSD.date)

    window = period({"earliestStart": [day("2024-05-06")], "latestStart": [day("2024-05-12")]})
    assert (window.first, window.last, window.precision) == ("2024-05-06", "2024-05-12", "window")
    month = period({"date": [Literal("2024-05", datatype=XSD.gYearMonth)]})
    assert (month.first, month.last, month.precision) == ("2024-05-01", "2024-05-31", "month")
    span = period({"start": [day("2024-05-02")], "end": [day("2024-05-20")]})
    assert (span.first, span.last, span.precision) == ("2024-05-02", "2024-05-20", "span")
    # A day beats the window it lies in; an end alone is still drawn.
    both = period({"start": [day("2024-05-08")], "earliestStart": [day("2024-05-06")],
                   "latestStart": [day("2024-05-12")]})
    assert both.precision == "day"
    assert period({"end": [day("2024-05-20")]}).text == "ended 2024-05-20"
    assert period({}) is None


def test_countries_and_places_get_coordinates_from_the_gazetteer():
    rows = report_rows(graph(TWO_ACCOUNTS))
    libya, misrata = rows.events[0].countries[0], rows.events[0].places[0]
    assert libya.lat is not None and 19 < libya.lat < 34 and 9 < libya.lon < 26  # a point inside Libya
    assert misrata.type == "City" and (round(misrata.lat), round(misrata.lon)) == (32, 15)


def test_an_empty_graph_and_an_undated_unplaced_event_are_said_so():
    assert report_rows(Graph()).notes == ("The graph has no events: nothing to draw.",)
    lone = PREFIXES + """<article/c> a kg:Article .
        <event/c/coup-1> a kg:Coup ; rdfs:label "Coup" ; prov:wasDerivedFrom <article/c> ."""
    rows = report_rows(graph(lone))
    assert rows.events[0].when is None
    assert any("no date" in n for n in rows.notes) and any("no place" in n for n in rows.notes)
    page = render_html(rows)
    assert "no date" in page and "Coup" in page


# ---- the page -------------------------------------------------------------------------------

def embedded_data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.DOTALL)
    return json.loads(m.group(1))


def test_the_page_is_self_contained_and_its_data_cannot_close_the_script():
    text = TWO_ACCOUNTS.replace('"Attack in Misrata" ; prov:wasDerivedFrom <article/a>',
                                '"Attack </script><b>x</b>" ; prov:wasDerivedFrom <article/a>')
    page = render_html(report_rows(graph(text)), title="Misrata & co")
    assert "<title>Misrata &amp; co</title>" in page
    assert not re.search(r"""<(script|link)[^>]+(src|href)=["']?https?:""", page)  # nothing fetched
    data = embedded_data(page)
    assert data["events"][0]["label"] == "Attack </script><b>x</b>"
    assert page == render_html(report_rows(graph(text)), title="Misrata & co")  # same rows, same bytes


def test_quotes_are_listed_once_and_a_dispute_names_its_fact():
    data = embedded_data(render_html(report_rows(graph(TWO_ACCOUNTS + RESOLVED))))
    assert [(d["property"], d["kind"]) for d in data["events"][0]["disputes"]] == [("deaths", "revised")]
    assert sorted(data["quotes"]) == ["Four people died when a drone hit the harbour, the town council said.",
                                      "Six were killed in the strike."]


# ---- the command ----------------------------------------------------------------------------

runner = CliRunner()


def test_bad_input_is_one_line(tmp_path):
    missing = runner.invoke(app, ["report", str(tmp_path / "none.ttl"), "-o", str(tmp_path / "r.html")])
    assert missing.exit_code == 2 and "no such file" in missing.output
    assert runner.invoke(app, ["report"]).exit_code == 2
    nostore = runner.invoke(app, ["report", "--store", str(tmp_path / "nothing-here")])
    assert nostore.exit_code == 1 and "no store" in nostore.output
    assert not (tmp_path / "r.html").exists()


def test_an_empty_store_gives_a_page_that_says_so(tmp_path):
    store = tmp_path / "store"
    store.mkdir()
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "--store", str(store), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "The graph has no events" in out.read_text()


def test_a_store_report_shows_its_resolved_events(tmp_path):
    texts = [("Ghana deployed 400 soldiers to Liberia on Tuesday.", "2023-05-11"),
             ("About 450 Ghanaian soldiers were sent to Liberia last week, officials said.", "2023-05-16")]
    files = []
    for i, (text, published) in enumerate(texts):
        done = api.process_article(Article(text=text, published=published, url=f"https://example.org/g{i}"))
        files.append(tmp_path / f"g{i}.nq")
        files[-1].write_text(done.serialize("nquads"), encoding="utf-8")
    store = tmp_path / "store"
    api.load(files, store=store)
    assert not api.report(store=store, output=str(tmp_path / "before.html")).resolved
    api.resolve(store=store)
    rows = api.report(store=store, output=str(tmp_path / "after.html"))
    assert rows.resolved and [e.cls for e in rows.events] == ["MilitaryDeployment"]
    assert rows.events[0].counts == (("troops", "400/450"),)


# ---- in a browser ---------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.fixture(scope="module")
def example_report(tmp_path_factory):
    """The report of the bundled examples, extracted and resolved here."""
    folder = tmp_path_factory.mktemp("examples")
    files = []
    for example in EXAMPLES:
        # The plain-text example has no publication date of its own (the README gives it one).
        published = "2022-09-14" if example.suffix == ".txt" else None
        done = api.process_article(api.read(str(example), published=published))
        files.append(folder / f"{example.stem}.ttl")
        files[-1].write_text(done.serialize("turtle"), encoding="utf-8")
    api.resolve(files, output=str(folder / "resolved.trig"))
    page = folder / "report.html"
    rows = api.report([*files, folder / "resolved.trig"], output=str(page))
    return page, rows


def dom(page: Path, tmp_path: Path, fragment: str = ""):
    """The page's DOM after its scripts ran, as headless Chromium sees it (the fragment sets the
    view: filters and the selected event, as a click would)."""
    import lxml.html

    if CHROMIUM is None:
        pytest.skip("no chromium binary (Debian: apt-get install chromium; .ci/install-servers.sh)")
    run = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=10000",
                          "--enable-logging=stderr", "--v=0",  # the page's console, to see its errors
                          "--dump-dom", page.as_uri() + fragment],
                         capture_output=True, text=True, timeout=180, check=False)
    assert run.returncode == 0 and "<body" in run.stdout, run.stderr[-2000:]
    errors = [line for line in run.stderr.splitlines() if "CONSOLE" in line and "Uncaught" in line]
    assert not errors, errors
    return lxml.html.fromstring(run.stdout)


def test_the_browser_draws_the_events_on_the_timeline_map_and_table(example_report, tmp_path):
    page, rows = example_report
    doc = dom(page, tmp_path)
    dated = [e for e in rows.events if e.when]
    assert rows.resolved and dated
    assert doc.body.get("data-shown") == str(len(rows.events))
    assert len(doc.xpath('//div[@id="timeline"]//g[contains(@class, "ev")]')) == len(dated)
    shaded = {p.get("data-iri") for p in doc.xpath('//div[@id="map"]//path[contains(@class, "active")]')}
    assert {c.iri for e in rows.events for c in e.countries} <= shaded  # every country is on the base map
    assert doc.xpath('//div[@id="map"]//circle[contains(@class, "place")]')  # cities with coordinates
    assert len(doc.xpath('//table[@id="events"]/tbody/tr')) == len(rows.events)
    notes = " ".join(doc.xpath('//ul[@id="notes"]//text()'))
    assert ("no date" in notes) == (len(dated) < len(rows.events))


def test_selecting_an_event_shows_its_evidence_and_its_disputes(example_report, tmp_path):
    page, rows = example_report
    event = next(e for e in rows.events if e.disputes)
    doc = dom(page, tmp_path, "#event=" + quote(event.iri, safe=""))
    detail = doc.xpath('//section[@id="detail"]')[0]
    assert detail.xpath(".//h3/text()") == [event.label]
    quotes = {"".join(q.itertext()) for q in detail.xpath('.//div[@class="evidence"]/q')}
    assert {ev.quote for f in event.facts for ev in f.evidence if ev.quote} == quotes
    assert len(detail.xpath('.//ul[@class="disputes"]/li')) == len(event.disputes)
    assert len(doc.xpath('//table[@id="events"]/tbody/tr[contains(@class, "selected")]')) == 1


def test_the_evidence_links_to_its_article_at_the_quoted_words(example_report, tmp_path):
    page, rows = example_report
    url_of = {a.iri: a.url for a in rows.articles}
    event = next(e for e in rows.events if e.facts and all(url_of[a] for a in e.articles))
    doc = dom(page, tmp_path, "#event=" + quote(event.iri, safe=""))
    links = doc.xpath('//section[@id="detail"]//div[@class="evidence"]//a/@href')
    assert links and {link.split("#")[0] for link in links} == {url_of[a] for a in event.articles}
    assert all("#:~:text=" in link for link in links)


def test_a_filter_hides_the_other_events(example_report, tmp_path):
    page, rows = example_report
    wanted = [e for e in rows.events if e.cls == "Arrest"]
    assert wanted and len(wanted) < len(rows.events)
    doc = dom(page, tmp_path, "#class=Arrest")
    assert doc.body.get("data-shown") == str(len(wanted))
    marks = doc.xpath('//div[@id="timeline"]//g[contains(@class, "ev")]/@data-id')
    assert set(marks) == {e.iri for e in wanted if e.when}
    assert set(doc.xpath('//table[@id="events"]/tbody/tr/@data-id')) == {e.iri for e in wanted}
    # A date range keeps the events whose period meets it (an undated one meets none).
    within = {e.iri for e in rows.events if e.when and e.when.last >= "2022-01-01" and e.when.first <= "2022-06-30"}
    assert within and len(within) < len(rows.events)
    by_date = dom(page, tmp_path, "#from=2022-01-01&to=2022-06-30")
    assert set(by_date.xpath('//table[@id="events"]/tbody/tr/@data-id')) == within
    country = rows.events[0].countries[0].iri
    by_country = dom(page, tmp_path, "#country=" + quote(country, safe=""))
    assert by_country.body.get("data-shown") == str(sum(1 for e in rows.events
                                                         if country in {c.iri for c in e.countries}))


def test_clicks_select_an_event_and_a_class_box_hides_the_others(example_report, tmp_path):
    page, rows = example_report
    first = min((e for e in rows.events if e.when), key=lambda e: (e.when.first, rows.events.index(e)))
    # A person's clicks, scripted: the first row of the table, then unticking that event's class.
    clicks = """<script>
      document.querySelector("#events tbody tr").dispatchEvent(new MouseEvent("click", {bubbles: true}));
      var box = document.querySelector("#class-filter input[value='CLASS']");
      box.checked = false;
      box.dispatchEvent(new Event("change", {bubbles: true}));
      document.querySelectorAll("#events th")[2].dispatchEvent(new MouseEvent("click", {bubbles: true}));
    </script></body>""".replace("CLASS", first.cls)
    clicked = tmp_path / "clicked.html"
    clicked.write_text(page.read_text(encoding="utf-8").replace("</body>", clicks), encoding="utf-8")
    doc = dom(clicked, tmp_path)
    assert doc.xpath('//section[@id="detail"]//h3/text()') == [first.label]
    others = [e for e in rows.events if e.cls != first.cls]
    assert doc.body.get("data-shown") == str(len(others))
    # ... and a click on the "Event" heading sorts the table by the events' labels.
    assert doc.xpath('//table[@id="events"]/tbody/tr/@data-id') == [
        e.iri for e in sorted(others, key=lambda e: (e.label, rows.events.index(e)))]


def test_an_empty_report_opens_and_says_so(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text(render_html(report_rows(Graph())), encoding="utf-8")
    doc = dom(page, tmp_path)
    assert doc.body.get("data-shown") == "0"
    assert doc.xpath('//ul[@id="notes"]/li/text()') == ["The graph has no events: nothing to draw."]
    assert doc.xpath('//div[@id="timeline"]/p[@class="empty"]')
    assert doc.xpath('//div[@id="map"]//path')  # the base map is still there


def test_every_vendored_file_has_its_source_and_licence():
    from kg.report.render import BASE_MAP, STATIC, VENDORED

    sources = (STATIC / "SOURCES.md").read_text(encoding="utf-8")
    for name in (*VENDORED, BASE_MAP):
        row = next(line for line in sources.splitlines() if line.startswith(f"| `{name}`"))
        licence = re.search(r"`(LICENSE\.[\w-]+)`", row).group(1)
        assert (STATIC / licence).is_file() and "Permission" in (STATIC / licence).read_text()
    # Small enough to inline in every page: minified builds and the 1:110m map.
    assert sum((STATIC / n).stat().st_size for n in (*VENDORED, BASE_MAP)) < 500_000


def test_only_web_addresses_become_links(tmp_path):
    text = TWO_ACCOUNTS.replace('schema:url "https://example.org/b"', 'schema:url "javascript:alert(1)"')
    rows = report_rows(graph(text))
    page = tmp_path / "links.html"
    page.write_text(render_html(rows), encoding="utf-8")
    for event in rows.events:
        hrefs = dom(page, tmp_path, "#event=" + quote(event.iri, safe="")).xpath('//section[@id="detail"]//a/@href')
        assert all(h.startswith("https://example.org/a") for h in hrefs)
        assert bool(hrefs) == event.iri.endswith("/a/attack-1")
