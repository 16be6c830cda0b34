"""Near-duplicate articles: wire copy reprinted by several outlets, the same page scraped twice with different
boilerplate. MinHash (datasketch) over normalised word 3-shingles of the cleaned text, banded for LSH.

The index is incremental: each document's signature and band keys are kept by a backend (in memory, or the
store's SQLite tables), so a new document is compared with the few that share a band, never with all of them.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Callable
from typing import Protocol

import numpy as np
from datasketch import MinHash

from marsad.model import Article
from marsad.text.normalize import normalize_text

NUM_PERM = 64  # 64 x 32-bit values: a 256-byte signature per document
# LSH with 21 bands of 3 values: a pair at Jaccard 0.5 shares a band with probability 1-(1-0.5^3)^21 = 0.94,
# at 0.6 with 0.99; pairs that share a band are then verified on the whole signature.
BANDS, ROWS = 21, 3
# Estimated shingle Jaccard from which two articles are copies of one text. Calibrated on the 200 articles of
# examples/saudinewsnet (exact Jaccard of all 19,900 pairs): reprints of one SPA text measured 0.55-1.0;
# rewritten reports of the same event 0.2-0.45 (not copies: their events still join the story through
# coreference); different stories of the same day, sharing the agency's boilerplate, at most 0.17.
DUPLICATE_JACCARD = 0.5
SHINGLE = 3
SEED = 1

_WORD = re.compile(r"\w+")
# One set of permutations for every signature: generating them costs more than hashing an article.
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=SEED).permutations
_SCHEME = MinHash(num_perm=NUM_PERM, seed=SEED).scheme


def shingles(text: str, normalised: bool = False) -> list[bytes]:
    """Word 3-grams of the normalised text (the words themselves for a text shorter than that)."""
    words = _WORD.findall(text if normalised else normalize_text(text))
    if len(words) < SHINGLE:
        return [w.encode("utf-8") for w in words]
    return list({" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)})


def text_signature(text: str, normalised: bool = False) -> np.ndarray:
    """The MinHash signature of a text, NUM_PERM uint32 values (crc32 as the base hash: stable across runs
    and processes, and much faster than datasketch's default sha1)."""
    m = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=zlib.crc32, permutations=_PERMUTATIONS, scheme=_SCHEME)
    m.update_batch(shingles(text, normalised))
    return m.hashvalues.astype(np.uint32)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per band (fits an SQLite INTEGER)."""
    keys = []
    for b in range(BANDS):
        chunk = sig[b * ROWS : (b + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(bytes([b]) + chunk, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def signature_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def signature_from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)


class DuplicateBackend(Protocol):
    def candidates(self, bands: list[int]) -> list[tuple[str, np.ndarray, str | None]]:
        """(doc key, signature, what it duplicates) of the documents sharing a band."""
        ...

    def save(self, key: str, sig: np.ndarray, bands: list[int], duplicate_of: str | None) -> None:
        ...


class MemoryDuplicates:
    def __init__(self) -> None:
        self.bands: dict[int, list[str]] = {}
        self.docs: dict[str, tuple[np.ndarray, str | None]] = {}

    def candidates(self, bands: list[int]) -> list[tuple[str, np.ndarray, str | None]]:
        seen: dict[str, None] = {}
        for band in bands:
            for key in self.bands.get(band, ()):
                seen.setdefault(key)
        return [(key, *self.docs[key]) for key in seen]

    def save(self, key: str, sig: np.ndarray, bands: list[int], duplicate_of: str | None) -> None:
        if key in self.docs:
            return
        self.docs[key] = (sig, duplicate_of)
        if duplicate_of is not None:
            return  # a later copy finds the original itself (as in the store's backend)
        for band in bands:
            self.bands.setdefault(band, []).append(key)


class DuplicateIndex:
    """``add(article)`` files the article and returns the key of the earlier article it copies, or None.

    The key is ``article.doc_id`` unless another ``key`` function is given (the store uses the content hash).
    A copy of a copy points to the first one, so every reprint of a wire story names the same original.
    """

    def __init__(self, backend: DuplicateBackend | None = None,
                 key: Callable[[Article], str] = lambda a: a.doc_id) -> None:
        self.backend: DuplicateBackend = backend if backend is not None else MemoryDuplicates()
        self.key = key

    def add(self, article: Article) -> str | None:
        # The text layer's normalised text when there is one (the same normaliser): no second pass.
        sig = text_signature(article.norm, normalised=True) if article.norm else text_signature(article.text)
        bands = band_keys(sig)
        best, best_j = None, DUPLICATE_JACCARD
        own = self.key(article)
        for key, other, original in self.backend.candidates(bands):
            if key == own:
                continue
            j = estimated_jaccard(sig, other)
            if j >= best_j:
                best, best_j = original or key, j
        self.backend.save(own, sig, bands, best)
        return best
