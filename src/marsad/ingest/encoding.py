"""Bytes to text: BOMs, strict UTF-8, Arabic legacy encodings (windows-1256, ISO-8859-6, UTF-16) and the
plausibility checks that turn binary or undecodable input into a clear InputError.

Detection: strict decoding with the core Arabic code pages, then charset-normalizer restricted to
Arabic-capable ones; among the candidates, the one with the most Arabic letters and the fewest odd
characters wins.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from marsad.errors import InputError

# Longest BOM first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf_32_le"),
    (codecs.BOM_UTF32_BE, "utf_32_be"),
    (codecs.BOM_UTF8, "utf_8"),
    (codecs.BOM_UTF16_LE, "utf_16_le"),
    (codecs.BOM_UTF16_BE, "utf_16_be"),
)

# Code pages Arabic news has been served in. The first four are accepted on their own; the DOS and Mac ones
# only when they yield Arabic letters (otherwise they happily "decode" anything to box-drawing soup).
_CORE_ENCODINGS = ("cp1256", "iso8859_6", "utf_16_le", "utf_16_be")
_EXTRA_ENCODINGS = ("cp720", "cp864", "mac_arabic")

# Runs, not single letters: findall over words is ~5x fewer matches to build than over letters.
_ARABIC_LETTERS = re.compile("[\u0621-\u064a]+")
# What Arabic news text is made of: ASCII, whitespace, the Arabic blocks (letters, tashkeel, digits,
# punctuation, presentation forms), general punctuation (quotes, dashes, joiners, bidi marks), NBSP,
# guillemets, degree. Everything else counts as odd: Latin-1 letters (the tell of ISO-8859-6 bytes read as
# windows-1256), C1 controls, box drawing, private use, U+FFFD.
_ODD = re.compile(
    "[^\t\n\r\f\v\x20-\x7e\u00a0\u00ab\u00bb\u00b0\u0600-\u06ff\u0750-\u077f"
    "\u2000-\u206f\ufb50-\ufdff\ufe70-\ufeff]"
)
# Spellings Arabic does not have, the tell of other bytes read through an Arabic code page (KOI8-R Cyrillic
# through windows-1256 is all Arabic letters): a vowel mark starting a word, ta marbuta or alef maqsura
# inside a word. Real text has the odd typo ("علىالرغم"); the odd-share threshold absorbs those. Two plain
# patterns rather than one with a lookbehind: 4x faster on Arabic text.
_MARK = re.compile("[\u064b-\u0652]")
_ENDING_INSIDE_WORD = re.compile("[\u0629\u0649][\u0621-\u064a]")
_LATIN_LETTERS = re.compile("[A-Za-z]+")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_BYTES = re.compile(b"[\x00-\x08\x0e-\x1a\x1c-\x1f]")

# Binary detection: a text file has no NUL and almost no C0 control characters. 1% tolerates a stray
# escape or form feed in a scraped page; PNG/JPEG/ZIP headers are far above it.
_MAX_CONTROL_SHARE = 0.01
# A detected (non-UTF-8) decoding is kept only if odd characters stay below this share of the non-space
# characters. Calibrated on 2,916 SaudiNewsNet articles, each encoded as windows-1256, ISO-8859-6 and
# BOM-less UTF-16 LE/BE: all decode exactly (right reading ~0.0); wrong readings score 0.13 (KOI8-R
# through windows-1256) to 0.19 (ISO-8859-6 through windows-1256).
_MAX_ODD_SHARE = 0.05

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# How far into a page a <meta charset> is looked for (HTML5 says 1024 bytes; real pages put it later).
_META_SCAN_BYTES = 4096


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def strip_bom(data: bytes) -> tuple[bytes, str | None]:
    """Return the bytes after a byte-order mark and the codec the mark names (None when there is none)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :], codec
    return data, None


def decode_text(data: bytes, origin: str) -> Decoded:
    """Decode a scraped-text file; raise InputError for empty, binary or undecodable input."""
    return _decode(data, origin, declared=None)


def decode_html(data: bytes, origin: str, header_charset: str | None = None) -> Decoded:
    """Decode a web page: BOM, UTF-8, then the HTTP charset, then <meta charset>, then detection."""
    declared = _codec_name(header_charset) or _codec_name(_meta_charset(data))
    return _decode(data, origin, declared=declared)


def charset_from_content_type(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header value, if any."""
    if not content_type:
        return None
    m = _HEADER_CHARSET.search(content_type)
    return m.group(1) if m else None


def _decode(data: bytes, origin: str, declared: str | None) -> Decoded:
    if not data.strip():
        raise InputError(origin, "empty file")
    body, bom_codec = strip_bom(data)
    if bom_codec is not None:
        try:
            text = body.decode(bom_codec)
        except UnicodeDecodeError as exc:
            raise InputError(
                origin, f"unknown encoding: bytes after the {bom_codec} BOM do not decode ({exc.reason})"
            ) from exc
        return Decoded(_check_text(text, origin), bom_codec)

    # Strict UTF-8 goes before any declared charset: non-ASCII bytes that happen to form valid UTF-8 are
    # UTF-8 in practice, whatever a stale <meta> says.
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # BOM-less UTF-16 Arabic is valid UTF-8 too (U+0623 is "#\x06"), only full of control characters.
        if not _is_binary_text(text):
            return Decoded(_check_text(text, origin), "utf_8")

    if declared is not None:
        declared_text = _try_decode(data, declared)
        # A declared charset is trusted unless it turns the page into odd characters (old Arabic sites
        # declare iso-8859-1 and serve windows-1256); then detection gets a say.
        if declared_text is not None and _odd_share(declared_text) < _MAX_ODD_SHARE:
            return Decoded(_check_text(declared_text, origin), declared)

    detected = _detect(data)
    if detected is not None:
        return Decoded(_check_text(detected.text, origin), detected.encoding)
    if _looks_binary(data):
        raise InputError(origin, "binary file")
    if declared is not None:
        # The page said what it is and nothing fits better: keep it, marking the bad bytes.
        return Decoded(_check_text(data.decode(declared, errors="replace"), origin), declared)
    raise InputError(origin, "unknown encoding: not UTF-8, UTF-16, windows-1256 or ISO-8859-6 text")


def _detect(data: bytes) -> Decoded | None:
    """Best plausible decoding among the Arabic-capable code pages, or None."""
    utf16 = _utf16_order(data)
    if b"\x00" in data and utf16 is None:
        return None
    # Strict decoding of the core code pages first: when one reads as clean Arabic there is nothing for
    # charset-normalizer to add, and skipping it makes legacy files several times faster.
    candidates: dict[str, str] = {}
    for codec in ("cp1256", "iso8859_6") if utf16 is None else (utf16,):
        text = _try_decode(data, codec)
        if text is not None:
            candidates[codec] = text
    best = _best_candidate(candidates)
    if best is not None and best[1].odd == 0 and best[1].arabic >= _count(_LATIN_LETTERS, best[0].text):
        return best[0]
    # charset-normalizer for the rest (DOS and Mac Arabic code pages, or text that is not Arabic at all);
    # it drops a code page over a few characters it finds messy (an RLM in "5.\u200f7", bidi embeddings),
    # so the strict decodings above stay in the running.
    for match in from_bytes(data, cp_isolation=list(_CORE_ENCODINGS + _EXTRA_ENCODINGS)):
        candidates.setdefault(match.encoding, str(match))
    best = _best_candidate(candidates)
    return best[0] if best else None


@dataclass(frozen=True)
class _Profile:
    """What a decoding looks like: Arabic letters, odd characters (see _ODD and _odd_count)."""

    arabic: int
    odd: int
    plausible: bool

    @classmethod
    def of(cls, text: str) -> _Profile:
        odd = _odd_count(text)
        plausible = not _is_binary_text(text) and odd < _MAX_ODD_SHARE * _visible(text)
        return cls(_count(_ARABIC_LETTERS, text), odd, plausible)


def _best_candidate(candidates: dict[str, str]) -> tuple[Decoded, _Profile] | None:
    best: tuple[int, Decoded, _Profile] | None = None
    for codec, text in candidates.items():
        profile = _Profile.of(text)
        if not profile.plausible or (codec not in _CORE_ENCODINGS and profile.arabic == 0):
            continue
        # Most Arabic letters, fewest odd characters: separates windows-1256 from ISO-8859-6 when both
        # decode without error (ISO-8859-6 reads the windows-1256 yeh as a vowel mark, windows-1256 reads
        # ISO-8859-6 letters as accented Latin ones).
        score = profile.arabic - 10 * profile.odd
        if best is None or score > best[0]:
            best = (score, Decoded(text, codec), profile)
    return (best[1], best[2]) if best else None


def _count(pattern: re.Pattern[str], text: str) -> int:
    """Characters matched by a pattern of runs."""
    return sum(map(len, pattern.findall(text)))


def _utf16_order(data: bytes) -> str | None:
    """ "utf_16_le"/"utf_16_be" when NUL bytes sit on one parity only (the shape of BOM-less UTF-16)."""
    if len(data) % 2:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    if odd and not even:
        return "utf_16_le"
    if even and not odd:
        return "utf_16_be"
    return None


def _check_text(text: str, origin: str) -> str:
    if not text.strip():
        raise InputError(origin, "empty file")
    if _is_binary_text(text):
        raise InputError(origin, "binary file")
    return text


def _is_binary_text(text: str) -> bool:
    return "\x00" in text or _control_share(text) > _MAX_CONTROL_SHARE


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    return len(_CONTROL_BYTES.findall(data)) > _MAX_CONTROL_SHARE * len(data)


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / max(len(text), 1)


def _odd_count(text: str) -> int:
    odd = len(_ODD.findall(text)) + len(_ENDING_INSIDE_WORD.findall(text))
    for mark in _MARK.finditer(text):
        start = mark.start()
        odd += start == 0 or text[start - 1].isspace()
    return odd


def _odd_share(text: str) -> float:
    odd = _odd_count(text)
    return odd / max(_visible(text), 1) if odd else 0.0


def _visible(text: str) -> int:
    return len(text) - text.count(" ") - text.count("\n")


def _try_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _meta_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:_META_SCAN_BYTES])
    return m.group(1).decode("ascii", "replace") if m else None


def _codec_name(label: str | None) -> str | None:
    """Python's codec for a charset label, or None for a label Python does not know."""
    if not label:
        return None
    label = label.strip().lower()
    # WHATWG: pages labelled latin-1/ascii are decoded as windows-1252 by every browser.
    if label in {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"}:
        label = "cp1252"
    try:
        return codecs.lookup(label).name.replace("-", "_")
    except LookupError:
        return None
