"""Sources: the raw reports, their manifest, and how their bytes are decoded.

The corpus is described by ``data/raw/manifest.csv`` (one row per report).
Loading checks every row, verifies each file against its sha256 and decodes it,
saying which encoding was used. Nothing here ever writes to ``data/raw/``.

>>> corpus = load_corpus()
>>> corpus.loc[0, ["doc_id", "encoding"]].tolist()
['bole_2021', 'utf-8']
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import paths
from .documents import SUFFIXES, read_document
from .errors import InputError, raise_all

READ_SUFFIXES = (".txt",) + SUFFIXES  # what a folder stands for: text reports and documents

MANIFEST_COLUMNS = [
    "doc_id", "file", "sha256", "city_zh", "city_en", "province_zh", "adcode",
    "admin_level", "year", "year_basis", "period", "period_end", "script", "notes",
]
REQUIRED_COLUMNS = ["doc_id", "file", "sha256", "city_zh", "city_en", "adcode", "year",
                    "period", "period_end", "script"]
PERIODS = ("H1", "Q1", "Q1-Q3", "to-date", "full-year")
SCRIPTS = ("simplified", "traditional")

# Leading bytes of file types that are not text, and what to call them.
CONTROL_CHARS = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f]")  # control bytes of binary files, not \t \n \r NUL
HTML_HINT = re.compile(r"(?i)<!doctype html|<html[\s>]|<body[\s>]|<div[\s>]|<p[\s>]")
BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x1f\x8b": "a gzip archive",
}


@dataclass(frozen=True)
class Decoded:
    """A decoded file: its text, the encoding used and how many characters were replaced."""

    text: str
    encoding: str
    replaced: int


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    """Characters in the common levels of GB2312 (level 1) or Big5 (level 1)."""
    common = set()
    for cp in range(0x4E00, 0xA000):
        ch = chr(cp)
        for enc, lo, hi in (("gb2312", 0xB0, 0xD7), ("big5", 0xA4, 0xC6)):
            try:
                b = ch.encode(enc)
            except UnicodeEncodeError:
                continue
            if lo <= b[0] <= hi:
                common.add(ch)
    return frozenset(common)


def _plausibility(text: str) -> float:
    """Share of CJK characters in ``text`` that are common ones (garbage decodes score low)."""
    hanzi = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not hanzi:
        return 0.0
    common = _common_hanzi()
    return sum(c in common for c in hanzi) / len(hanzi)


def _count_errors(data: bytes, encoding: str) -> tuple[str, int]:
    """Decode with replacement and count the replacement characters the decoder inserted."""
    count = 0

    def handler(err: UnicodeDecodeError):
        nonlocal count
        count += 1
        return ("\ufffd", err.end)

    name = f"livelihood-count-{id(handler)}"
    codecs.register_error(name, handler)
    return data.decode(encoding, errors=name), count


def decode_bytes(data: bytes, source: str | Path = "<bytes>") -> Decoded:
    """Decode report bytes: BOMs first, then UTF-8, then GB18030 or Big5.

    Invalid byte sequences in an otherwise good file are replaced (U+FFFD) and
    counted. Raises :class:`InputError` for empty or binary input.

    >>> decode_bytes("民生工程".encode("big5")).encoding
    'big5'
    >>> decode_bytes("民生工程".encode("gb18030")).encoding
    'gb18030'
    """
    for sig, what in BINARY_SIGNATURES.items():
        if data.startswith(sig):
            raise InputError(source, f"binary content ({what}), not a text report")
    boms = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
            (codecs.BOM_UTF16_BE, "utf-16"))
    decoded = None
    for bom, enc in boms:
        if data.startswith(bom):
            text, errors = _count_errors(data, enc)
            decoded = Decoded(text, "utf-16-le" if bom == codecs.BOM_UTF16_LE else
                              "utf-16-be" if bom == codecs.BOM_UTF16_BE else enc, errors)
            break
    if decoded is None:
        decoded = _decode_without_bom(data)
    _check_text(decoded.text, source)
    return decoded


def _decode_without_bom(data: bytes) -> Decoded:
    text, errors = _count_errors(data, "utf-8")
    if errors == 0 or errors <= max(3, len(data) // 200):
        return Decoded(text, "utf-8", errors)
    candidates = []
    for enc in ("gb18030", "big5"):
        t, e = _count_errors(data, enc)
        candidates.append((e, -_plausibility(t), enc, t))
    candidates.append((errors, -_plausibility(text), "utf-8", text))
    errors, _, enc, text = min(candidates)
    return Decoded(text, enc, errors)


def _check_text(text: str, source: str | Path) -> None:
    if not text.strip():
        raise InputError(source, "file is empty (no text after decoding)")
    controls = len(CONTROL_CHARS.findall(text))
    if controls > max(8, len(text) // 20):
        raise InputError(source, "binary content (too many control bytes), not a text report")


def read_text_file(path: str | Path) -> tuple[str, Decoded]:
    """Read one report outside any manifest: ``(doc_id, decoded)`` with doc_id = file stem.

    >>> doc_id, dec = read_text_file(paths.raw_dir() / "bole_2021.txt")
    >>> doc_id, dec.encoding
    ('bole_2021', 'utf-8')
    """
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a folder, expected a text file")
    if path.suffix.lower() in SUFFIXES:  # a web page: the text read from it as a document
        return path.stem, Decoded(read_document(path).text, path.suffix.lower().lstrip("."), 0)
    return path.stem, decode_bytes(path.read_bytes(), path)


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_manifest(path: str | Path | None = None) -> pd.DataFrame:
    """Read and check the manifest; every problem is reported, one line each.

    >>> load_manifest()["doc_id"].tolist()[:2]
    ['bole_2021', 'xuzhou_2020h1']
    """
    path = Path(path or paths.manifest())
    if not path.is_file():
        raise InputError(path, "manifest not found")
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except pd.errors.EmptyDataError:
        raise InputError(path, f"manifest is empty: expected a header row ({', '.join(REQUIRED_COLUMNS)}) "
                               "and one row per report") from None
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise InputError(path, f"cannot be read as a UTF-8 CSV ({exc.__class__.__name__})") from None
    missing = [c for c in REQUIRED_COLUMNS if c not in df.columns]
    if missing:
        raise InputError(path, f"missing column(s): {', '.join(missing)}")
    errors = []
    for i, row in df.iterrows():
        where = f"{path} row {i + 2} ({row['doc_id'] or 'no doc_id'})"
        for col in REQUIRED_COLUMNS:
            if not str(row[col]).strip():
                errors.append(InputError(where, f"required field '{col}' is empty"))
        if row["period"] and row["period"] not in PERIODS:
            errors.append(InputError(where, f"period '{row['period']}' is not one of {', '.join(PERIODS)}"))
        if row["period_end"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["period_end"]) \
                or row["period_end"] and pd.isna(pd.to_datetime(row["period_end"], errors="coerce")):
            errors.append(InputError(where, f"period_end '{row['period_end']}' is not an ISO date (YYYY-MM-DD)"))
        if row["year"] and not re.fullmatch(r"\d{4}", row["year"]):
            errors.append(InputError(where, f"year '{row['year']}' is not a four-digit year"))
        if row["script"] and row["script"] not in SCRIPTS:
            errors.append(InputError(where, f"script '{row['script']}' is not one of {', '.join(SCRIPTS)}"))
    for doc_id in df.loc[df["doc_id"].duplicated(), "doc_id"].unique():
        errors.append(InputError(path, f"duplicate doc_id '{doc_id}'"))
    raise_all(errors)
    return df


def load_corpus(manifest: str | Path | None = None, verify: bool = True) -> pd.DataFrame:
    """Load every report in the manifest: the manifest's columns plus ``path, text, encoding,
    replaced_chars, document`` (a web page is read as a :class:`documents.Document`, its
    text the one read and ``document`` its map of places; None for a text report).

    Each file is verified against its sha256 (``verify=False`` skips that) and
    must exist; every problem is reported together.
    """
    manifest = Path(manifest or paths.manifest())
    df = load_manifest(manifest)
    errors, texts = [], []
    for _, row in df.iterrows():
        path = manifest.parent / row["file"]
        try:
            if not path.is_file():
                raise InputError(path, f"listed in {manifest.name} as '{row['doc_id']}' but the file is missing")
            if verify and sha256_of(path) != row["sha256"].lower():
                raise InputError(path, f"sha256 does not match {manifest.name} (the raw file was changed)")
            if path.suffix.lower() in SUFFIXES:  # a web page: read as a document (documents.py)
                doc = read_document(path)
                texts.append((str(path), doc.text, path.suffix.lower().lstrip("."), 0, doc))
            else:
                dec = decode_bytes(path.read_bytes(), path)
                texts.append((str(path), dec.text, dec.encoding, dec.replaced, None))
        except InputError as exc:
            errors.append(exc)
    raise_all(errors)
    extra = pd.DataFrame(texts, columns=["path", "text", "encoding", "replaced_chars", "document"])
    return pd.concat([df.reset_index(drop=True), extra], axis=1)


def expand_paths(paths_: list[str | Path], skipped: list[Path] | None = None) -> list[Path]:
    """Files as given; a folder stands for the reports inside it (``READ_SUFFIXES``, any case),
    sorted by name; the other files of a folder are appended to ``skipped``, so that
    they can be named."""
    out = []
    for p in map(Path, paths_):
        if not p.is_dir():
            out.append(p)
            continue
        files = sorted(x for x in p.iterdir() if x.is_file() and not x.name.startswith("."))
        out.extend(x for x in files if x.suffix.lower() in READ_SUFFIXES)
        if skipped is not None:
            skipped.extend(x for x in files if x.suffix.lower() not in READ_SUFFIXES)
    return out


def read_text_files(paths_: list[str | Path], notices: list[str] | None = None) -> tuple[list, list]:
    """Read reports given as files or folders: ``(reports, errors)``.

    ``reports`` are ``(doc_id, text)`` pairs (doc_id = file stem); every bad
    file becomes an :class:`InputError` in ``errors`` and the rest are still
    read. Files that decode only with replacement characters, or contain NUL
    bytes or HTML, are read and a line about them is appended to ``notices``.
    """
    reports, errors, seen, skipped = [], [], {}, []
    for folder in (Path(p) for p in paths_ if Path(p).is_dir()):
        if not any(x.suffix.lower() in READ_SUFFIXES for x in folder.iterdir() if x.is_file()):
            errors.append(InputError(folder, "is a folder with no reports in it (folders stand for their "
                                             f"{', '.join(READ_SUFFIXES)} files)"))
    for path in expand_paths(paths_, skipped):
        if Path(path).is_dir():
            continue
        try:
            doc_id, decoded = read_text_file(path)
            if doc_id in seen:
                raise InputError(path, f"has the same doc_id '{doc_id}' (file stem) as {seen[doc_id]}")
        except InputError as exc:
            errors.append(exc)
            continue
        seen[doc_id] = path
        reports.append((doc_id, decoded.text))
        if notices is not None:
            notices.extend(f"{path}: {n}" for n in describe_text(decoded))
    if notices is not None:
        notices.extend(f"{p}: skipped, not a report this package reads ({', '.join(READ_SUFFIXES)})"
                       for p in skipped)
    return reports, errors


def describe_text(decoded: Decoded) -> list[str]:
    """Notes about a decoded report a user should know (replacements, NUL bytes, HTML)."""
    notes = []
    if decoded.replaced:
        notes.append(f"{decoded.replaced} invalid byte sequence(s) replaced with U+FFFD "
                     f"(decoded as {decoded.encoding}); the cleaning log flags them")
    nul = decoded.text.count("\x00")
    if nul:
        notes.append(f"{nul} NUL byte(s); cleaning removes and logs them")
    if HTML_HINT.search(decoded.text[:4096]):
        notes.append("looks like an HTML page: cleaning removes tags, scripts and styles (logged) "
                     "and figures are read from the text only")
    return notes
