"""Text layer: normalisation with an offset map, sentences, tokens."""

from marsad.text.analyzer import TextAnalyzer

__all__ = ["TextAnalyzer"]
