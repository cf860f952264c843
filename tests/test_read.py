import json

import pytest

from kg.errors import InputError
from kg.read import read_article


def test_plain_text(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Troops arrived in the capital on Monday.", encoding="utf-8")
    a = read_article(str(p), published="2022-01-10")
    assert a.text.startswith("Troops arrived")
    assert a.published == "2022-01-10"
    assert a.source == str(p)


def test_json_record(tmp_path):
    p = tmp_path / "a.json"
    p.write_text(json.dumps({"url": "https://example.org/x", "title": "T", "published": "2021-04-30",
                             "text": "Fighting broke out on the border."}))
    a = read_article(str(p))
    assert (a.url, a.title, a.published) == ("https://example.org/x", "T", "2021-04-30")


def test_json_overrides(tmp_path):
    p = tmp_path / "a.json"
    p.write_text(json.dumps({"published": None, "text": "Fighting broke out."}))
    a = read_article(str(p), published="2020-01-02", title="Given")
    assert a.published == "2020-01-02" and a.title == "Given"


def test_html_main_text(tmp_path):
    body = "<p>" + " ".join(["Soldiers of the alliance left the country on Friday after a week."] * 6) + "</p>"
    html = (f"<html><head><title>Withdrawal</title></head><body><nav>Home | Sign up for our newsletter</nav>"
            f"<article><h1>Withdrawal</h1>{body}</article><footer>Copyright 2022</footer></body></html>")
    p = tmp_path / "a.html"
    p.write_text(html)
    a = read_article(str(p))
    assert "Soldiers of the alliance left" in a.text
    assert "newsletter" not in a.text


@pytest.mark.parametrize("content,message", [
    (b"", "empty"),
    (b"   \n", "empty"),
    (b"\x00\x01\x02binary", "binary"),
    (b'{"title": "no text"}', "no 'text'"),
    (b'{"text": ', "malformed JSON"),
])
def test_bad_inputs(tmp_path, content, message):
    p = tmp_path / ("a.json" if content.startswith(b"{") else "a.txt")
    p.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_article(str(p))


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_article(str(tmp_path / "nope.txt"))


def test_bad_published(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Text.")
    with pytest.raises(InputError, match="publication date"):
        read_article(str(p), published="13/01/2022")
