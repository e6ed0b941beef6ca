"""Input files → article text + metadata, or one clear reason why not.

`collect(paths)` turns the ``ingest`` arguments (files, folders, ``-``) into a
list of `Source` objects, and `read(source)` turns one of those into an
`Input`: decoded, size-checked text plus the metadata of its ``.meta.json``
sidecar. Anything that cannot be an article raises `InputError` (or
`MissingPathError`, a usage error) whose message names the file and says what
to do. HTML goes through `tradelink.extract.html` (the ``html`` extra).

Nothing here prints or exits; a decoding guess is reported in `Input.warning`.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tradelink.errors import InputError, UsageError

if TYPE_CHECKING:
    from tradelink.models import ArticleMeta

DEFAULT_MAX_BYTES = 5_000_000
ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SIDECAR_SUFFIX = ".meta.json"
STDIN = "-"

# Leading bytes of binary formats people are likely to drop into a folder.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x7fELF", "a program"),
)

_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
# Bytes cp1252 leaves undefined; a file containing any of them is not cp1252.
CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


class MissingPathError(UsageError, InputError):
    """A path on the command line does not exist or holds no articles.

    A usage error (exit 2), and an `InputError` so a batch can report it and go on."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class Source:
    """One article to read: a file, or standard input (``path is None``)."""

    path: Path | None

    @property
    def name(self) -> str:
        return "<stdin>" if self.path is None else str(self.path)


@dataclass(slots=True)
class Input:
    """A readable article: normalisable text plus what is known about it."""

    name: str
    text: str
    meta: ArticleMeta | None = None
    warnings: list[str] = field(default_factory=list)
    format: str = "text"  # text | html


def collect(paths: list[str] | tuple[str, ...]) -> tuple[list[Source], list[InputError]]:
    """Expand ingest arguments into sources, in a stable order, without duplicates.

    Folders are walked recursively for article files (``.txt``, ``.md``, ``.html``
    ...; hidden files and ``.meta.json`` sidecars are skipped). A missing path or
    a folder with no articles is returned as an error, so a batch can go on."""
    sources: list[Source] = []
    errors: list[InputError] = []
    seen: set[Path] = set()

    def add(path: Path | None) -> None:
        key = path.resolve() if path is not None else None
        if key is not None and key in seen:
            return
        if key is not None:
            seen.add(key)
        sources.append(Source(path))

    for raw in paths:
        if raw == STDIN:
            add(None)
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(_walk(path))
            if not found:
                errors.append(MissingPathError(
                    f"{path}: no article files (*.txt, *.md, *.html) in this folder; "
                    "point ingest at article files"))
            for p in found:
                add(p)
        elif path.exists():
            add(path)
        else:
            errors.append(MissingPathError(f"{path}: no such file or folder; check the path"))
    return sources, errors


def _walk(folder: Path):
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            low = name.lower()
            if name.startswith(".") or low.endswith(SIDECAR_SUFFIX) or low.endswith(".gold.json"):
                continue
            if low.endswith(ARTICLE_SUFFIXES):
                yield Path(root) / name


def read(source: Source, *, encoding: str | None = None,
         max_bytes: int = DEFAULT_MAX_BYTES) -> Input:
    """Read one source into an `Input`, or raise `InputError` naming the file."""
    name = source.name
    if source.path is None:
        data = sys.stdin.buffer.read(max_bytes + 1)
        meta = None
        is_html_name = False
    else:
        data = _read_file(source.path, max_bytes)
        meta = read_sidecar(source.path)
        is_html_name = source.path.suffix.lower() in HTML_SUFFIXES
    result = decode(data, name, encoding=encoding, max_bytes=max_bytes)
    result.meta = meta
    if is_html_name or looks_like_html(result.text):
        _from_html(result)
    return result


def _read_file(path: Path, max_bytes: int) -> bytes:
    if path.is_dir():
        raise MissingPathError(f"{path}: is a folder; ingest reads the articles in it "
                               "when given on the command line")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{path}: {_size(size)} is over the {_size(max_bytes)} limit; "
                             "raise it with --max-bytes")
        with path.open("rb") as fh:
            return fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise MissingPathError(f"{path}: no such file or folder; check the path") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied; make the file readable") from None
    except IsADirectoryError:  # pragma: no cover - raced with is_dir()
        raise MissingPathError(f"{path}: is a folder") from None
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror or err}); check the file") from None


def decode(data: bytes, name: str, *, encoding: str | None = None,
           max_bytes: int = DEFAULT_MAX_BYTES) -> Input:
    """Bytes → text, refusing what is not an article. Pure: no file access."""
    if len(data) > max_bytes:
        raise InputError(f"{name}: more than the {_size(max_bytes)} limit; "
                         "raise it with --max-bytes")
    if not data.strip():
        raise InputError(f"{name}: the file is empty; nothing to ingest")
    warnings: list[str] = []
    if encoding is not None:
        text = _decode_as(data, name, encoding)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _decode_as(data, name, "utf-16")
    else:
        kind = binary_kind(data)
        if kind is not None:
            raise InputError(f"{name}: is {kind}, not text; give a text or HTML article")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            if not is_certainly_cp1252(data):
                raise InputError(
                    f"{name}: is not UTF-8 and its encoding is unclear; "
                    "pass --encoding (e.g. --encoding latin-1)") from None
            text = data.decode("cp1252")
            warnings.append(f"{name}: not UTF-8; read as Windows-1252 (cp1252); "
                            "pass --encoding if that is wrong")
    if "\x00" in text:
        raise InputError(f"{name}: contains NUL characters, so it is not a text article; "
                         "check the file or its --encoding")
    if not text.strip():
        raise InputError(f"{name}: the file holds only whitespace; nothing to ingest")
    return Input(name=name, text=text, warnings=warnings)


def check_encoding(encoding: str) -> None:
    """Raise `UsageError` unless Python knows *encoding* as a text encoding."""
    import codecs

    try:
        info = codecs.lookup(encoding)
    except LookupError:
        info = None
    if info is None or not getattr(info, "_is_text_encoding", True):
        raise UsageError(f"--encoding {encoding}: unknown encoding; "
                         "try utf-8, cp1252 or latin-1")


def _decode_as(data: bytes, name: str, encoding: str) -> str:
    check_encoding(encoding)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(f"{name}: is not valid {encoding} (byte {err.start}); "
                         "pass the right --encoding") from None
    return text.lstrip("\ufeff")


def binary_kind(data: bytes) -> str | None:
    """Describe binary data ("a PNG image", "a binary file"), or None for text."""
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    if data[8:12] == b"WEBP" and data.startswith(b"RIFF"):
        return "a WebP image"
    head = data[:8192]
    if b"\x00" in head:
        return "a binary file (it contains NUL bytes)"
    # Control bytes other than tab, newlines, form feed and escape: text has
    # (almost) none; random or compressed data has one in every 9 bytes or so.
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls >= 3 and controls * 50 > len(head):
        return "a binary file (it is full of control bytes)"
    return None


def is_certainly_cp1252(data: bytes) -> bool:
    """True when *data* can only sensibly be Windows-1252.

    It must decode, use none of cp1252's undefined bytes, and contain the bytes
    that mark it: 0x80-0x9F (curly quotes, dashes, euro, ellipsis), which are
    control codes in Latin-1 and never start a character in UTF-8."""
    if any(b in CP1252_UNDEFINED for b in data):
        return False
    if not any(0x80 <= b <= 0x9F for b in data):
        return False  # only Latin-1-range bytes: could be any 8-bit encoding
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:  # pragma: no cover - excluded by the byte check
        return False
    return True


def looks_like_html(text: str) -> bool:
    """True when the text starts like an HTML page (``<!doctype html>``, ``<html>``)."""
    head = text[:1024].lstrip("\ufeff \t\r\n").lower()
    if head.startswith(("<!doctype html", "<html")):
        return True
    return head.startswith("<") and "<html" in head


def _from_html(result: Input) -> None:
    """Replace HTML in *result* with its main text and fill metadata from it."""
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        raise InputError(f"{result.name}: is HTML, and reading HTML needs the html extra; "
                         "pip install 'tradelink[html]'") from None
    from tradelink.extract import html as html_extract

    text, found = html_extract.read(result.text, source=result.name)
    if not text.strip():
        raise InputError(f"{result.name}: no article text found in the HTML; "
                         "save the article as text and ingest that")
    result.text = text
    result.format = "html"
    if found is not None:
        result.meta = found if result.meta is None else _merge(result.meta, found)


def _merge(mine: ArticleMeta, found: ArticleMeta) -> ArticleMeta:
    """Sidecar values win over what the page says."""
    return found.model_copy(update={k: v for k, v in mine.model_dump().items() if v is not None})


def sidecar_path(path: Path) -> Path | None:
    """``a.txt`` → ``a.meta.json`` (or ``a.txt.meta.json``), if it exists."""
    for candidate in (path.with_suffix(SIDECAR_SUFFIX), path.with_name(path.name + SIDECAR_SUFFIX)):
        if candidate.is_file():
            return candidate
    return None


def read_sidecar(path: Path) -> ArticleMeta | None:
    """The metadata in *path*'s ``.meta.json`` sidecar, or None if it has none."""
    side = sidecar_path(path)
    if side is None:
        return None
    from pydantic import ValidationError

    from tradelink.models import ArticleMeta

    try:
        raw = json.loads(side.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise InputError(f"{path}: sidecar {side.name} is not valid JSON ({_first_line(err)}); "
                         "fix or remove it") from None
    try:
        return ArticleMeta.model_validate(raw)
    except ValidationError as err:
        e = err.errors()[0]
        where = ".".join(str(p) for p in e["loc"]) or "the top level"
        raise InputError(f"{path}: sidecar {side.name}: {where}: {e['msg']}; it takes "
                         "title, outlet, url and published (YYYY-MM-DD)") from None


def _first_line(err: Exception) -> str:
    return str(err).splitlines()[0] if str(err) else type(err).__name__


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"
