"""The line classifier for scraped news text: decides whether one line is site furniture (menu, ticker, share
buttons, comment form, cookie notice, copyright, caption, tags, counters ...), driven by data/boilerplate.json.

Every rule carries a name and a reason; the data file is validated (and its regexes compiled) once at load.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from marsad.errors import DataError
from marsad.text.normalize import normalize_text

DATA_FILE = "boilerplate.json"
MATCH_KINDS = ("line", "start", "contains")
# Characters stripped from both ends of a line before it is compared whole with a phrase ("الاسم *", "• شارك").
EDGE_CHARS = " \t*:：-–—_|•·.،,;؛!?؟>›<‹»«\"'()[]{}/\\+=#@~^"
# Separators between the items of a menu or share bar; a run of 2+ spaces separates items in scraped menus too.
_ITEM_SEPARATORS = re.compile(r"\s*[|•·/،,\-–—>›»«]\s*|\s{2,}|\t")
# Menus are lines of short items: longer lines are not looked up word by word (cheap exit on article lines).
VOCAB_LINE_MAX_CHARS = 200
MAX_VOCAB_PHRASE_WORDS = 4


@dataclass(frozen=True)
class Rule:
    """A reason to drop a line; ``starts_block`` rules also drop the short headline lines that follow."""

    name: str
    reason: str
    starts_block: bool = False


@dataclass(frozen=True)
class _PatternRule:
    rule: Rule
    regex: re.Pattern[str]
    max_chars: int


def fold(line: str) -> str:
    """The form every phrase and pattern is matched against: normalised Arabic, lower-cased Latin."""
    return normalize_text(line).lower()


def line_key(folded: str) -> str:
    """A folded line without its decorations, for whole-line comparison."""
    return folded.strip(EDGE_CHARS)


def _phrase_regex(phrases: list[str], match: str) -> re.Pattern[str]:
    alternatives = sorted({re.escape(fold(p)) for p in phrases}, key=len, reverse=True)
    body = "(?:" + "|".join(alternatives) + ")"
    if match == "start":
        return re.compile(r"^" + body + r"(?!\w)")
    return re.compile(r"(?<!\w)" + body + r"(?!\w)")


def _compile_pattern(pattern: str) -> re.Pattern[str]:
    # Patterns are normalised like the lines but not lower-cased: lower() would turn \W into \w.
    return re.compile(normalize_text(pattern), re.IGNORECASE)


def validate_rules(data: dict[str, Any]) -> None:
    """Raise DataError naming the first malformed entry of boilerplate.json."""

    def fail(where: str, why: str) -> None:
        raise DataError(f"{DATA_FILE}: {where}: {why}")

    for key in ("short_line_max_chars", "block_item_max_chars"):
        if not isinstance(data.get(key), int) or data[key] <= 0:
            fail(key, "must be a positive integer")
    for section, list_key in (("phrase_rules", "phrases"), ("vocab_lines", "items"), ("line_rules", None)):
        entries = data.get(section)
        if not isinstance(entries, list) or not entries:
            fail(section, "must be a non-empty list")
        for i, entry in enumerate(entries):
            where = f"{section}[{i}]"
            for field in ("name", "reason"):
                if not isinstance(entry.get(field), str) or not entry[field].strip():
                    fail(where, f"missing {field}")
            for int_key in ("max_chars", "min_items"):
                if int_key in entry and (not isinstance(entry[int_key], int) or entry[int_key] <= 0):
                    fail(where, f"{int_key} must be a positive integer")
            if list_key is not None:
                items = entry.get(list_key)
                if (
                    not isinstance(items, list)
                    or not items
                    or not all(isinstance(p, str) and fold(p) for p in items)
                ):
                    fail(where, f"{list_key} must be a non-empty list of non-empty strings")
            if section == "phrase_rules" and entry.get("match") not in MATCH_KINDS:
                fail(where, f"match must be one of {MATCH_KINDS}")
            if section == "line_rules":
                try:
                    _compile_pattern(entry.get("pattern", ""))
                except re.error as exc:
                    fail(where, f"pattern does not compile: {exc}")
                if not entry.get("pattern"):
                    fail(where, "missing pattern")


def load_rules_data() -> dict[str, Any]:
    text = resources.files("marsad.data").joinpath(DATA_FILE).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


class BoilerplateRules:
    """Compiled boilerplate.json: ``classify(line)`` returns the Rule that drops the line, or None to keep it."""

    def __init__(self, data: dict[str, Any]) -> None:
        validate_rules(data)
        self.short_line_max_chars: int = data["short_line_max_chars"]
        self.block_item_max_chars: int = data["block_item_max_chars"]
        self._whole_line: dict[str, Rule] = {}
        self._phrase_rules: list[_PatternRule] = []
        self._line_rules: list[_PatternRule] = []
        self._vocab: dict[tuple[str, ...], Rule] = {}
        self._vocab_min_items: dict[Rule, int] = {}
        longest = VOCAB_LINE_MAX_CHARS
        for entry in data["phrase_rules"]:
            rule = Rule(entry["name"], entry["reason"], bool(entry.get("starts_block", False)))
            if entry["match"] == "line":
                for phrase in entry["phrases"]:
                    self._whole_line.setdefault(line_key(fold(phrase)), rule)
                continue
            max_chars = entry.get("max_chars", self.short_line_max_chars)
            longest = max(longest, max_chars)
            self._phrase_rules.append(
                _PatternRule(rule, _phrase_regex(entry["phrases"], entry["match"]), max_chars)
            )
        for entry in data["vocab_lines"]:
            rule = Rule(entry["name"], entry["reason"])
            # One lone word ("مصر", "رياضة") is as likely a section heading inside an article as a menu.
            self._vocab_min_items[rule] = entry.get("min_items", 2)
            for item in entry["items"]:
                self._vocab.setdefault(tuple(fold(item).split()), rule)
        for entry in data["line_rules"]:
            max_chars = entry.get("max_chars", self.short_line_max_chars)
            longest = max(longest, max_chars)
            regex = _compile_pattern(entry["pattern"])
            self._line_rules.append(_PatternRule(Rule(entry["name"], entry["reason"]), regex, max_chars))
        # Lines longer than every rule's limit are article text whatever words they contain.
        self.max_rule_chars = longest

    @classmethod
    def load(cls) -> BoilerplateRules:
        return cls(load_rules_data())

    def classify(self, line: str, folded: str | None = None) -> Rule | None:
        """The rule dropping ``line`` (already stripped), or None. ``folded`` may be passed when already known."""
        n = len(line)
        if n > self.max_rule_chars:
            return None
        if folded is None:
            folded = fold(line)
        key = line_key(folded)
        rule = self._whole_line.get(key)
        if rule is not None:
            return rule
        if n <= VOCAB_LINE_MAX_CHARS:
            rule = self._vocab_line(folded)
            if rule is not None:
                return rule
        start_text = folded.lstrip(EDGE_CHARS)
        for pr in self._phrase_rules:
            if n <= pr.max_chars and pr.regex.search(start_text):
                return pr.rule
        for pr in self._line_rules:
            if n <= pr.max_chars and pr.regex.search(folded):
                return pr.rule
        return None

    def _vocab_line(self, folded: str) -> Rule | None:
        """A line made only of menu or share-button items ("الرئيسية | أخبار | رياضة", "فيسبوك تويتر واتساب")."""
        counts: dict[Rule, int] = {}
        for item in _ITEM_SEPARATORS.split(folded):
            words = item.split()
            i = 0
            while i < len(words):
                for width in range(min(MAX_VOCAB_PHRASE_WORDS, len(words) - i), 0, -1):
                    rule = self._vocab.get(tuple(words[i : i + width]))
                    if rule is not None:
                        counts[rule] = counts.get(rule, 0) + 1
                        i += width
                        break
                else:
                    return None
        if not counts:
            return None
        best = max(counts, key=lambda r: counts[r])
        return best if sum(counts.values()) >= self._vocab_min_items[best] else None
