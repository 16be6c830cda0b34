"""The text stage: normalised text with its offset map, sentences and tokens."""

from __future__ import annotations

from marsad.model import Article, Sentence
from marsad.text.normalize import normalize
from marsad.text.sentences import split_sentences
from marsad.text.tokens import tokenize


class TextAnalyzer:
    """Fills Article.norm, norm_offsets, sentences and (with ``tokens=True``) tokens.

    The pipeline leaves ``tokens`` empty: tokenising every word of every article was 60% of the pipeline's time
    (make bench), so the stages that need tokens tokenise only the sentences they work on (tokenize_span).
    """

    def __init__(self, known_stems: frozenset[str] = frozenset(), tokens: bool = True) -> None:
        self.known_stems = known_stems
        self.tokens = tokens

    def __call__(self, article: Article) -> Article:
        article.norm, article.norm_offsets = normalize(article.text)
        article.sentences = [Sentence(s, e) for s, e in split_sentences(article.text)]
        if article.title and article.sentences:
            first = article.sentences[0]
            if article.text[first.start : first.end].strip() == article.title.strip():
                first.is_title = True
        if self.tokens:
            article.tokens = tokenize(article.norm, article.norm_offsets, self.known_stems)
        return article
