"""An event's status from the words before its trigger and its date: negated (لم، لن، نفى أن), hypothetical
(إذا، لو، في حال), planned (سـ، من المقرر، يعتزم, or a date after publication), else reported; and its
confidence. Vocabulary: triggers.json (status)."""

from __future__ import annotations

from datetime import date

from marsad.events.lexicon import TriggerLexicon
from marsad.events.triggers import Hit
from marsad.model import Article, Mention, Sentence, TimeExpr, Token

STATUS_REACH = 8  # words before the trigger that may carry its status
# Confidence components (set by hand on the example corpus).
BASE_CONFIDENCE = 0.5
LINKED_BONUS = 0.2
PRO_DROP_PENALTY = 0.15
TITLE_PENALTY = 0.1


def event_confidence(source: Mention, target: Mention | None, pro_drop: bool, in_title: bool) -> float:
    """Higher for actors the knowledge base knows, lower for a subject carried from before or a headline."""
    confidence = BASE_CONFIDENCE + LINKED_BONUS * ((source.id is not None) + (target is not None and target.id is not None))
    confidence -= PRO_DROP_PENALTY if pro_drop else 0.0
    confidence -= TITLE_PENALTY if in_title else 0.0
    return max(0.05, min(0.99, confidence))


def event_status(lex: TriggerLexicon, article: Article, tokens: list[Token], hit: Hit, sent: Sentence,
                 timex: TimeExpr | None) -> str:
    before_toks = [t for t in tokens[max(0, hit.start_tok - STATUS_REACH) : hit.start_tok] if t.start >= sent.start]
    words = [t.norm for t in before_toks]
    prefix_text = " ".join(words)
    if words and (words[-1] in lex.negated or any(w in lex.denial for w in words)):
        return "negated"
    if any(f" {h} " in f" {prefix_text} " for h in lex.hypothetical):
        return "hypothetical"
    if hit.future or any(f" {p} " in f" {prefix_text} " for p in lex.planned):
        return "planned"
    if timex is not None and article.published is not None and timex.anchor != "publication":
        when = to_date(timex.value)
        if when is not None and when > article.published:
            return "planned"
    return "reported"


def to_date(value: str) -> date | None:
    """A day of an ISO value ("2019-05-09"); None for coarser values ("2019-05", "--05-09")."""
    try:
        return date.fromisoformat(value) if len(value) == 10 and value[4] == "-" else None
    except ValueError:
        return None
