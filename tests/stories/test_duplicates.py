"""Near-duplicate articles by MinHash LSH: reprints found, different stories kept apart, compact signatures."""

import json
from pathlib import Path

import numpy as np

from marsad.model import Article
from marsad.stories import DuplicateIndex
from marsad.stories.duplicates import (
    NUM_PERM,
    band_keys,
    estimated_jaccard,
    signature_bytes,
    signature_from_bytes,
    text_signature,
)

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "examples" / "saudinewsnet" / "articles.jsonl"


def snn(doc_id: str) -> Article:
    with open(CORPUS, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["id"] == doc_id:
                return Article(doc_id, rec["content"], doc_id, doc_id, source=rec["source"])
    raise KeyError(doc_id)


def test_wire_copies_in_several_outlets_point_to_the_first():
    # SPA's report of King Salman receiving Egypt's foreign minister (2015-07-24), as four outlets printed it,
    # and the same day's report of the king receiving the US defence secretary (another story).
    index = DuplicateIndex()
    alweeam, alriyadh, almadina, sabq = (snn(d) for d in ("snn-0fde31d41073", "snn-7b4e61d9e0a6",
                                                           "snn-8f4a8cea2f80", "snn-942da3493a88"))
    carter = snn("snn-10982e600d3d")
    assert index.add(alweeam) is None
    assert index.add(carter) is None
    assert index.add(alriyadh) == "snn-0fde31d41073"
    assert index.add(almadina) == "snn-0fde31d41073"  # a copy of a copy names the original
    # sabq rewrote the agency text (shingle Jaccard 0.28 with alweeam): not a copy, the story still joins it
    assert index.add(sabq) is None


def test_rescraped_page_with_other_boilerplate_is_a_duplicate():
    body = snn("snn-0fde31d41073").text
    index = DuplicateIndex()
    index.add(Article("a", "الرئيسية | أخبار | رياضة\n" + body, "a", "a"))
    assert index.add(Article("b", body + "\nجميع الحقوق محفوظة © 2015 شارك الخبر", "b", "b")) == "a"


def test_signatures_are_stable_and_compact():
    text = snn("snn-0fde31d41073").text
    sig = text_signature(text)
    assert sig.dtype == np.uint32 and len(sig) == NUM_PERM
    blob = signature_bytes(sig)
    assert len(blob) == 4 * NUM_PERM
    assert np.array_equal(signature_from_bytes(blob), sig)
    assert np.array_equal(text_signature(text), sig) and band_keys(sig) == band_keys(text_signature(text))
    assert estimated_jaccard(sig, text_signature(snn("snn-10982e600d3d").text)) < 0.3
