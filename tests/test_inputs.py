"""tradelink.inputs: every way a file can fail to be an article, one message each."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from tradelink import inputs
from tradelink.errors import InputError, UsageError
from tradelink.inputs import MissingPathError, Source

ARTICLE = "Chips for magnets\n\nThe ministry said on Monday that exports would resume.\n"


def read(path, **kw):
    return inputs.read(Source(path), **kw)


def write(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p


def test_reads_utf8_text(tmp_path):
    got = read(write(tmp_path, "a.txt", ARTICLE))
    assert (got.text, got.meta, got.warnings, got.format) == (ARTICLE, None, [], "text")


def test_strips_utf8_bom(tmp_path):
    got = read(write(tmp_path, "a.txt", b"\xef\xbb\xbf" + ARTICLE.encode()))
    assert got.text == ARTICLE


def test_utf16_with_bom_is_decoded(tmp_path):
    got = read(write(tmp_path, "a.txt", ARTICLE.encode("utf-16")))
    assert got.text == ARTICLE and got.warnings == []


# (file bytes, the message after "<path>: ")
REFUSED = [
    (b"", "the file is empty; nothing to ingest"),
    (b" \n\t\r\n  ", "the file is empty; nothing to ingest"),
    ("\u00a0\u3000\n".encode(), "the file holds only whitespace; nothing to ingest"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a PNG image, not text; give a text or HTML article"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "is a JPEG image, not text; give a text or HTML article"),
    (b"GIF89a\x01\x00", "is a GIF image, not text; give a text or HTML article"),
    (b"%PDF-1.7\n%\xe2\xe3", "is a PDF document, not text; give a text or HTML article"),
    (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "is a WebP image, not text; give a text or HTML article"),
    (b"hello\x00world", "is a binary file (it contains NUL bytes), not text; give a text or HTML article"),
    (bytes(range(1, 256)) * 4, "is a binary file (it is full of control bytes), not text; "
                               "give a text or HTML article"),
    # Latin-1 bytes only: could be any 8-bit encoding.
    (b"Caf\xe9 and cr\xe8me", "is not UTF-8 and its encoding is unclear; pass --encoding (e.g. --encoding latin-1)"),
    # 0x81 is undefined in cp1252.
    (b"\x93quoted\x94 \x81", "is not UTF-8 and its encoding is unclear; pass --encoding (e.g. --encoding latin-1)"),
]


@pytest.mark.parametrize("data,message", REFUSED)
def test_refused_with_one_line_naming_the_file(tmp_path, data, message):
    p = write(tmp_path, "bad.txt", data)
    with pytest.raises(InputError) as exc:
        read(p)
    assert str(exc.value) == f"{p}: {message}"
    assert exc.value.exit_code == 1


def test_cp1252_is_decoded_with_a_warning(tmp_path):
    data = "The minister\u2019s \u201cdeal\u201d \u2013 worth \u20ac5m\u2026".encode("cp1252")
    p = write(tmp_path, "win.txt", data)
    got = read(p)
    assert got.text == "The minister\u2019s \u201cdeal\u201d \u2013 worth \u20ac5m\u2026"
    assert got.warnings == [f"{p}: not UTF-8; read as Windows-1252 (cp1252); "
                            "pass --encoding if that is wrong"]


def test_explicit_encoding(tmp_path):
    p = write(tmp_path, "l1.txt", "Caf\u00e9 cr\u00e8me said the minister.".encode("latin-1"))
    assert read(p, encoding="latin-1").text == "Caf\u00e9 cr\u00e8me said the minister."
    with pytest.raises(InputError) as exc:
        read(p, encoding="utf-8")
    assert str(exc.value) == f"{p}: is not valid utf-8 (byte 3); pass the right --encoding"
    with pytest.raises(UsageError) as exc:
        read(p, encoding="klingon")
    assert str(exc.value) == "--encoding klingon: unknown encoding; try utf-8, cp1252 or latin-1"
    assert exc.value.exit_code == 2


def test_size_limit(tmp_path):
    p = write(tmp_path, "big.txt", "word " * 300)
    with pytest.raises(InputError) as exc:
        read(p, max_bytes=1000)
    assert str(exc.value) == f"{p}: 1.5 kB is over the 1.0 kB limit; raise it with --max-bytes"
    assert read(p, max_bytes=1500).text.startswith("word")


def test_default_limit_is_5_mb():
    assert inputs.DEFAULT_MAX_BYTES == 5_000_000


def test_missing_file_is_a_usage_error(tmp_path):
    p = tmp_path / "nope.txt"
    with pytest.raises(MissingPathError) as exc:
        read(p)
    assert str(exc.value) == f"{p}: no such file or folder; check the path"
    assert exc.value.exit_code == 2
    assert isinstance(exc.value, InputError) and isinstance(exc.value, UsageError)


def test_sidecar_supplies_metadata(tmp_path):
    p = write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "a.meta.json", '{"title": "T", "outlet": "O", "published": "2025-08-12"}')
    meta = read(p).meta
    assert (meta.title, meta.outlet, meta.url, meta.published) == ("T", "O", None, dt.date(2025, 8, 12))


@pytest.mark.parametrize("sidecar,message", [
    ("{not json", "sidecar a.meta.json is not valid JSON (Expecting property name enclosed "
                  "in double quotes: line 1 column 2 (char 1)); fix or remove it"),
    ('{"titel": "T"}', "sidecar a.meta.json: titel: Extra inputs are not permitted; it takes "
                       "title, outlet, url and published (YYYY-MM-DD)"),
    ('{"published": "last week"}', "sidecar a.meta.json: published: Input should be a valid "
                                   "date or datetime, input is too short; it takes title, "
                                   "outlet, url and published (YYYY-MM-DD)"),
    ('[1, 2]', "sidecar a.meta.json: the top level: Input should be a valid dictionary or "
               "instance of ArticleMeta; it takes title, outlet, url and published (YYYY-MM-DD)"),
])
def test_bad_sidecar(tmp_path, sidecar, message):
    p = write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "a.meta.json", sidecar)
    with pytest.raises(InputError) as exc:
        read(p)
    assert str(exc.value) == f"{p}: {message}"


def test_collect_walks_folders_in_order_and_skips_sidecars(tmp_path):
    for name in ("b.txt", "a.md", "c.html", "a.meta.json", ".hidden.txt", "notes.png", "x.gold.json"):
        write(tmp_path, name, ARTICLE)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "d.txt", ARTICLE)
    sources, errors = inputs.collect([str(tmp_path), str(tmp_path / "b.txt")])
    assert errors == []
    assert [s.path.relative_to(tmp_path).as_posix() for s in sources] == [
        "a.md", "b.txt", "c.html", "sub/d.txt"]


def test_collect_reports_missing_and_empty_folders(tmp_path):
    (tmp_path / "empty").mkdir()
    write(tmp_path, "ok.txt", ARTICLE)
    sources, errors = inputs.collect([str(tmp_path / "nope"), str(tmp_path / "empty"),
                                      str(tmp_path / "ok.txt"), "-"])
    assert [s.name for s in sources] == [str(tmp_path / "ok.txt"), "<stdin>"]
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'nope'}: no such file or folder; check the path",
        f"{tmp_path / 'empty'}: no article files (*.txt, *.md, *.html) in this folder; "
        "point ingest at article files",
    ]
    assert all(e.exit_code == 2 for e in errors)


@pytest.mark.parametrize("text,expected", [
    ("<!DOCTYPE html><html><body>x</body></html>", True),
    ("  \n<html lang='en'>", True),
    ("<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>", True),
    ("The <html> tag was mentioned in the article.", False),
    ("Plain text.", False),
])
def test_looks_like_html(text, expected):
    assert inputs.looks_like_html(text) is expected


def test_html_without_the_extra_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    p = write(tmp_path, "page.txt", "<!doctype html><html><body><p>Hi.</p></body></html>")
    with pytest.raises(InputError) as exc:
        read(p)
    assert str(exc.value) == (f"{p}: is HTML, and reading HTML needs the html extra; "
                              "pip install 'tradelink[html]'")
