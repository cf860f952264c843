"""The rule pack (kg/rules.py): loaded once, immutable, validated with file and line."""
from __future__ import annotations

import re
import shutil
from dataclasses import FrozenInstanceError

import pytest

from kg.errors import RulePackError
from kg.model import Article
from kg.pipeline import extract
from kg.resources import DATA_DIR
from kg.rules import Rules, default_rules, inflect, load_rules, read_inflections

EN = DATA_DIR / "en"


def _pack(tmp_path, name: str, append: str = "", replace: tuple[str, str] | None = None):
    folder = tmp_path / "pack"
    shutil.copytree(EN, folder)
    path = folder / name
    text = path.read_text(encoding="utf-8")
    if replace:
        assert replace[0] in text
        text = text.replace(replace[0], replace[1], 1)
    path.write_text(text + append, encoding="utf-8")
    return folder, len(text.splitlines()) + 1


def test_the_default_pack_is_read_once_and_is_immutable():
    rules = default_rules()
    assert rules is default_rules()
    assert isinstance(rules, Rules) and rules.lang == "en"
    with pytest.raises(FrozenInstanceError):
        rules.lang = "fr"
    with pytest.raises(TypeError):
        rules.cues["negation"] = re.compile("x")


def test_a_copy_of_the_pack_loads_from_a_folder(tmp_path):
    folder, _ = _pack(tmp_path, "cues.tsv")
    rules = load_rules(folder=folder)
    assert [t.rule for t in rules.triggers] == [t.rule for t in default_rules().triggers]


@pytest.mark.parametrize("name, row, message", [
    ("triggers.tsv", "Kidnapping\tkidnap\t\\bkidnap\\b\t-\n", "unknown event class 'Kidnapping'"),
    ("triggers.tsv", "Attack\tx\t\\bx\\b\tweapon\n", "unknown trigger need 'weapon'"),
    ("triggers.tsv", "Attack\tx\t\\b(x\\b\t-\n", "pattern does not compile"),
    ("triggers.tsv", "Attack\tx\n", "expected 4 to 5 tab-separated columns"),
    ("counts.tsv", "hostages\tafter\t(?P<head>hostages)\n", "unknown count kind 'hostages'"),
    ("counts.tsv", "deaths\tafter\tdead\n", "needs a group named head"),
    ("cues.tsv", "sarcasm\t\\bsure\\b\n", "unknown cue kind 'sarcasm'"),
    ("cues.tsv", "negation\t\\bnope\\b\n", "cue kind negation is listed twice"),
    ("roles.tsv", "victim\t\\bagainst\\b\n", "unknown role kind 'victim'"),
    ("debris.tsv", "para\tfoo\n", "unknown debris kind 'para'"),
    ("number_words.tsv", "umpteen\tlots\t9\n", "unknown word kind 'lots'"),
    ("date_words.tsv", "Smarch\tmonth\t13\tx\n", "expected 2 to 3 tab-separated columns"),
])
def test_a_broken_row_names_its_file_and_line(tmp_path, name, row, message):
    folder, lineno = _pack(tmp_path, name, append=row)
    with pytest.raises(RulePackError) as err:
        load_rules(folder=folder)
    text = str(err.value)
    assert f"{folder / name}:{lineno}: " in text and message in text
    assert "\n" not in text


def test_a_duplicate_row_is_an_error(tmp_path):
    line = next(ln for ln in (EN / "triggers.tsv").read_text().splitlines() if ln.startswith("Attack\t"))
    folder, lineno = _pack(tmp_path, "triggers.tsv", append=line + "\n")
    with pytest.raises(RulePackError, match=rf"triggers\.tsv:{lineno}: duplicate row \(first on line \d+\)"):
        load_rules(folder=folder)


def test_a_missing_cue_kind_and_a_missing_file_are_errors(tmp_path):
    folder, _ = _pack(tmp_path, "cues.tsv", replace=("person_pronoun\t", "# person_pronoun\t"))
    with pytest.raises(RulePackError, match="no pattern for cue kind person_pronoun"):
        load_rules(folder=folder)
    (folder / "cues.tsv").unlink()
    with pytest.raises(RulePackError, match="cues.tsv: cannot read"):
        load_rules(folder=folder)
    with pytest.raises(RulePackError, match="no rule pack folder"):
        load_rules("xx")


def test_a_lemma_names_every_inflected_form():
    assert inflect("withdraw", "v") == ("withdraw", "withdrawing", "withdrawn", "withdraws", "withdrew")
    assert inflect("withdrawal", "n") == ("withdrawal", "withdrawals")


def test_the_inflection_table_is_what_lemminflect_gives_for_every_lemma_the_pack_uses():
    table = read_inflections(EN / "inflections.tsv")
    used = set(default_rules().lemmas)
    assert used and set(table) == used
    for (lemma, pos), forms in table.items():
        assert forms == inflect(lemma, pos), lemma


def test_a_second_pack_passed_to_extract_is_the_one_used(tmp_path):
    article = Article(text="Protesters stormed the city hall in Almaty on Wednesday.", published="2022-01-06")
    assert any(e.type == "Attack" for e in extract(article).events)
    folder, _ = _pack(tmp_path, "triggers.tsv")
    path = folder / "triggers.tsv"
    path.write_text("".join(ln + "\n" for ln in path.read_text().splitlines() if not ln.startswith("Attack\t")))
    events = extract(article, rules=load_rules(folder=folder)).events
    assert not any(e.type == "Attack" for e in events)


def test_the_cli_reports_a_broken_packaged_pack_in_one_line_with_exit_code_2(tmp_path):
    """Even when the pack is read as the extractor is imported: no traceback."""
    import subprocess
    import sys

    copy = tmp_path / "src" / "kg"
    shutil.copytree(DATA_DIR.parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    with (copy / "data" / "en" / "cues.tsv").open("a", encoding="utf-8") as f:
        f.write("sarcasm\t\\bsure\\b\n")
    article = tmp_path / "a.txt"
    article.write_text("Troops were deployed to Almaty on Thursday.\n")
    code = "import sys; from kg.cli import app; sys.argv = ['kg', 'extract', sys.argv[1]]; app()"
    run = subprocess.run([sys.executable, "-c", code, str(article)], capture_output=True, text=True,
                         env={"PYTHONPATH": str(copy.parent), "PATH": "/usr/bin:/bin"}, cwd=tmp_path)
    assert run.returncode == 2, run.stderr
    assert run.stderr.startswith("kg: error: ") and "cues.tsv:" in run.stderr
    assert "Traceback" not in run.stderr and len(run.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("row, message", [
    ("sarcasm\t\\bsure\\b\n", "unknown pattern name 'sarcasm'"),
    ("attack_target\t\\bbank\\b\n", "pattern attack_target is listed twice"),
    ("_frag\t(?:a\n", None),
    ("_other\t{:nowhere}x\n", "{:nowhere} names no earlier pattern"),
])
def test_a_broken_named_pattern_names_its_file_and_line(tmp_path, row, message):
    folder, lineno = _pack(tmp_path, "patterns.tsv", append=row)
    if message is None:  # a fragment is only compiled where it is used
        load_rules(folder=folder)
        return
    with pytest.raises(RulePackError) as err:
        load_rules(folder=folder)
    assert f"patterns.tsv:{lineno}: {message}" in str(err.value)


def test_a_pack_without_a_pattern_the_code_reads_is_an_error(tmp_path):
    folder, _ = _pack(tmp_path, "patterns.tsv", replace=("\nspan_in\t", "\n# span_in\t"))
    with pytest.raises(RulePackError, match="patterns.tsv: no pattern named span_in"):
        load_rules(folder=folder)


def test_a_fragment_is_inserted_where_a_pattern_names_it():
    rules = default_rules()
    assert "said|says" in rules.pattern("said_subject").pattern
    assert "{:" not in rules.pattern("said_subject").pattern
    assert rules.pattern("subject_said").search("Kazakh officials said")


def test_every_named_pattern_says_what_it_is_for():
    lines = (EN / "patterns.tsv").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line.strip() and not line.startswith("#"):
            assert lines[i - 1].startswith("# "), f"patterns.tsv:{i + 1}: no comment line before {line.split()[0]}"


def _facts(extraction, prop):
    return [f.value for e in extraction.events for f in e.facts if f.prop == prop]


def test_numbers_and_dates_are_read_with_the_pack_passed_to_extract(tmp_path):
    """The number and date grammars come from the pack: a month and a number word renamed in a
    copy change what extract() reads, and the default pack is not affected."""
    article = Article(text="Russia deployed three thousand troops to Almaty on Janvier 6.", published="2022-01-10")
    default = extract(article)
    assert _facts(default, "start") == [] and [q.value for q in _facts(default, "troops")] == [3000]
    folder, _ = _pack(tmp_path, "date_words.tsv", replace=("January\tmonth\t1", "Janvier\tmonth\t1"))
    numbers = folder / "number_words.tsv"
    numbers.write_text(numbers.read_text(encoding="utf-8").replace("three\tunit\t3", "trois\tunit\t3"),
                       encoding="utf-8")
    other = extract(article, rules=load_rules(folder=folder))
    assert [d.iso for d in _facts(other, "start")] == ["2022-01-06"]
    # "three" is no number word in this pack: only "thousand" is read
    assert [q.value for q in _facts(other, "troops")] == [1000]
    article2 = Article(text="Russia deployed trois thousand troops to Almaty.", published="2022-01-10")
    assert [q.value for q in _facts(extract(article2, rules=load_rules(folder=folder)), "troops")] == [3000]
    assert [q.value for q in _facts(extract(article2), "troops")] == [1000]


def test_the_number_and_date_templates_come_from_the_pack(tmp_path):
    from kg.extract.dates import find_dates, find_durations
    from kg.extract.numbers import find_numbers, parse_number_word
    from kg.model import DateValue

    folder, _ = _pack(tmp_path, "patterns.tsv")
    path = folder / "patterns.tsv"
    text = path.read_text(encoding="utf-8")
    for old, new in [(r"between\s+(?P<b1>", r"entre\s+(?P<b1>"),
                     ("\nnumber_start\tbetween|an?\n", "\nnumber_start\tentre|an?\n"),
                     (r"\s+ago\b", r"\s+plus\s+tot\b"),
                     ("\ncouple_phrase\t(?i){:_couple}\n", "\ncouple_phrase\t(?i)une\\s+paire\n")]:
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    rules = load_rules(folder=folder)
    ranged = [(n.quantity.min_value, n.quantity.max_value) for n in find_numbers("entre 3 and 16 people", rules=rules)]
    assert ranged == [(3, 16)]
    assert [n.quantity.value for n in find_numbers("entre 3 and 16 people")] == [3, 16]
    pub = DateValue("2022-01-10")
    assert [d.first.isoformat() for d in find_dates("two days plus tot", pub, rules=rules)] == ["2022-01-08"]
    assert [d.first.isoformat() for d in find_dates("two days ago", pub, rules=rules)] == []
    assert [d.first.isoformat() for d in find_dates("two days ago", pub)] == ["2022-01-08"]
    assert parse_number_word("une paire", rules) == 2 and parse_number_word("une paire") is None
    assert [d.days for d in find_durations("for two weeks", rules=rules)] == [14]


@pytest.mark.parametrize("row, message", [
    ("number\t(?i){=nowhere}\n", "unknown template slot 'nowhere'"),
    ("date\t(?:{=month}\n", "pattern does not compile"),
])
def test_a_broken_template_names_its_file_and_line(tmp_path, row, message):
    name = row.split("\t")[0]
    folder, _ = _pack(tmp_path, "patterns.tsv", replace=(f"\n{name}\t", f"\n# {name}\t"))
    path = folder / "patterns.tsv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + row, encoding="utf-8")
    lineno = len(text.splitlines()) + 1
    with pytest.raises(RulePackError) as err:
        load_rules(folder=folder)
    assert f"patterns.tsv:{lineno}: {message}" in str(err.value)


def test_the_number_and_date_grammars_are_built_once_per_pack(tmp_path):
    from kg.extract.numbers import number_grammar

    assert number_grammar() is number_grammar(default_rules())
    folder, _ = _pack(tmp_path, "patterns.tsv")
    other = load_rules(folder=folder)
    assert number_grammar(other) is number_grammar(other) is not number_grammar()


def test_the_words_inside_number_and_date_logic_come_from_the_pack(tmp_path):
    from kg.extract.dates import find_dates
    from kg.model import DateValue
    from kg.rules import load_rules

    folder, _ = _pack(tmp_path, "date_words.tsv", replace=("early\tdecadepart\t0-3", "early\tdecadepart\t0-1"))
    (default,) = find_dates("in the early 1990s", DateValue("2023-05-12"))
    (changed,) = find_dates("in the early 1990s", DateValue("2023-05-12"), rules=load_rules(folder=folder))
    assert (default.last.year, changed.last.year) == (1993, 1991)
