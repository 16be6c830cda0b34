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
            self._mark_title(article)
        if self.tokens:
            article.tokens = tokenize(article.norm, article.norm_offsets, self.known_stems)
        return article

    @staticmethod
    def _mark_title(article: Article) -> None:
        """The headline is one sentence even when its punctuation splits it ("العراق.. الجبوري يطالب العبادي
        ..."): the leading pieces that make up the title are joined into one title sentence."""
        title = article.title.strip() if article.title else ""
        sentences = article.sentences
        stop = 0
        while stop < len(sentences):
            first, last = sentences[0], sentences[stop]
            joined = article.text[first.start : last.end].strip()
            if joined == title:
                article.sentences = [Sentence(first.start, last.end, is_title=True), *sentences[stop + 1 :]]
                return
            if len(joined) >= len(title):
                return
            stop += 1

