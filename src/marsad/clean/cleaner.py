"""The clean stage: RawDocument -> Article with the article text only (no site furniture), its title, outlet,
byline, publication date and dateline; the removed lines are kept, in order, in ``Article.boilerplate``.

Title policy: when a title is known (``raw.title``, the page's metadata, or the first headline-like line of a
scraped text), ``Article.text`` starts with it as its first line, exactly once; every other copy of it in the
text is removed as a repeated title. Later stages can therefore find headline events ("... يلتقي حفتر") and a
sentence at offset 0 whose text equals ``Article.title`` is the headline.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from marsad.clean.boilerplate import BoilerplateRules, fold, line_key
from marsad.clean.header import DATE_LINE_MAX_CHARS, HeaderParser
from marsad.clean.html import extract_page, header_text
from marsad.errors import InputError
from marsad.model import Article, RawDocument

NO_TEXT = "no article text found after removing boilerplate"
NO_HTML_TEXT = "no main text found in HTML page"
# A headline is at most this long (SaudiNewsNet titles: 99th percentile 96 characters, longest 180).
TITLE_MAX_CHARS = 160
# How far a copy of the title may differ in raw length and still be compared (spaces, tatweel, diacritics).
TITLE_LENGTH_SLACK = 12
# Only the first lines of the recall extraction of a page are looked at for a date stamp.
HTML_HEADER_LINES = 8
_SENTENCE_END = (".", "。", ":", "؛")
_TICKER_PREFIX = "ticker"


@dataclass
class LineDecision:
    """What happened to one non-empty input line: kind is "body", "title", "header:<field>" or a rule name."""

    line: str
    kind: str
    reason: str


@dataclass
class CleanedLines:
    body: list[str]
    title: str | None
    decisions: list[LineDecision] = field(default_factory=list)
    published: date | None = None
    outlet: str | None = None
    byline: str | None = None
    standalone_dateline: bool = False  # body[0] is a dateline line of its own ("الرياض ... 2015 م واس")

    @property
    def removed(self) -> list[str]:
        return [d.line for d in self.decisions if d.kind not in ("body", "title")]


class Cleaner:
    """Stage object: load the vocabularies once, then ``cleaner(raw) -> Article`` for every document."""

    def __init__(self, rules: BoilerplateRules | None = None, header: HeaderParser | None = None) -> None:
        self.rules = rules or BoilerplateRules.load()
        self.header = header or HeaderParser.load()

    def __call__(self, raw: RawDocument) -> Article:
        if raw.content_type == "html":
            return self._clean_html(raw)
        if raw.content_type != "text":
            raise InputError(
                raw.origin, f"unknown content type {raw.content_type!r} (expected 'text' or 'html')"
            )
        cleaned = self.clean_lines(raw.content, raw.title)
        return self._article(raw, cleaned, source=raw.source or cleaned.outlet, published=raw.published)

    # -- HTML ----------------------------------------------------------------------------------------------
    def _clean_html(self, raw: RawDocument) -> Article:
        page = extract_page(raw.content, raw.url)
        if not page.text.strip():
            raise InputError(raw.origin, NO_HTML_TEXT)
        cleaned = self.clean_lines(page.text, raw.title or page.title)
        published = raw.published or page.published or cleaned.published
        if published is None:
            published = self._html_header_date(raw.content)
        source = raw.source or cleaned.outlet or page.sitename
        return self._article(raw, cleaned, source=source, published=published, url=raw.url or page.url)

    def _html_header_date(self, html: str) -> date | None:
        for line in header_text(html).splitlines()[:HTML_HEADER_LINES]:
            found = self.header.date_line(line, fold(line))
            if found:
                return found[0]
        return None

    # -- the line cleaner ----------------------------------------------------------------------------------
    def clean_lines(self, content: str, title: str | None = None) -> CleanedLines:
        """Classify every line of ``content``; ``title`` (when known) is compared with each line."""
        rules = self.rules
        block_max = rules.block_item_max_chars
        title = " ".join(title.split()) if title else None
        title_key = line_key(fold(title)) if title else None
        out = CleanedLines(body=[], title=title)
        decisions = out.decisions
        body = out.body
        title_seen = False
        in_header = True  # until the first long paragraph
        block: str | None = None  # name of the block rule whose headline lines are being removed
        block_reason = ""
        block_size = 0

        for raw_line in content.splitlines():
            line = raw_line.strip()
            if not line:
                continue
            n = len(line)
            folded: str | None = None

            if title_key is not None and abs(n - len(title_key)) <= TITLE_LENGTH_SLACK:
                folded = fold(line)
                if line_key(folded) == title_key:
                    if title_seen:
                        decisions.append(LineDecision(line, "repeated_title", "copy of the title"))
                    else:
                        decisions.append(LineDecision(line, "title", "the headline"))
                        title_seen = True
                    block = None
                    continue

            if in_header and n <= DATE_LINE_MAX_CHARS:
                folded = folded or fold(line)
                kind = self._header_line(line, folded, out)
                if kind == "dateline":
                    body.append(line)
                    decisions.append(LineDecision(line, "body", "stand-alone dateline"))
                    block = None
                    continue
                if kind is not None:
                    ticker_item_last = block_size and decisions[-1].kind == block
                    if (
                        block is not None
                        and block.startswith(_TICKER_PREFIX)
                        and ticker_item_last
                        and out.title is None
                    ):
                        # A ticker ended by the outlet/date/byline lines: its last "item" was the headline.
                        last = decisions.pop()
                        out.title = last.line
                        decisions.append(LineDecision(last.line, "title", "headline after the ticker"))
                        title_seen = True
                    decisions.append(LineDecision(line, f"header:{kind}", f"article {kind}"))
                    block = None
                    continue

            rule = rules.classify(line, folded)
            if rule is not None:
                decisions.append(LineDecision(line, rule.name, rule.reason))
                if rule.starts_block:
                    block, block_reason, block_size = rule.name, rule.reason, 0
                continue  # a block goes on through lines that are boilerplate in their own right

            if block is not None:
                if n <= block_max and not line.endswith(_SENTENCE_END):
                    decisions.append(LineDecision(line, block, f"{block_reason}: an item of the block"))
                    block_size += 1
                    continue
                block = None

            body.append(line)
            decisions.append(LineDecision(line, "body", "article text"))
            if n > block_max:
                in_header = False

        if out.title is None:
            self._take_title(out)
        if title is None and out.title is not None:
            self._drop_title_copies(out)
        return out

    def _header_line(self, line: str, folded: str, out: CleanedLines) -> str | None:
        """Record a header line (date, outlet, byline) in ``out`` and name its kind, or None."""
        found = self.header.date_line(line, folded)
        if found is not None:
            out.published = out.published or found[0]
            if found[1] and not out.body:
                # Place (and agency) with the date: the article's dateline, kept as the first body line.
                out.standalone_dateline = True
                return "dateline"
            return "date"
        outlet = self.header.outlet(folded)
        if outlet is not None:
            out.outlet = out.outlet or outlet
            return "outlet"
        byline = self.header.byline(line, folded)
        if byline is not None:
            out.byline = out.byline or byline
            return "byline"
        return None

    @staticmethod
    def _take_title(out: CleanedLines) -> None:
        """With no known title, the first kept line is the headline when it is short and not a sentence."""
        if len(out.body) < 2 or out.standalone_dateline:
            return
        first = out.body[0]
        if len(first) > TITLE_MAX_CHARS or first.endswith(_SENTENCE_END) or len(first.split()) < 2:
            return
        out.title = " ".join(first.split())
        out.body.pop(0)
        for d in out.decisions:
            if d.kind == "body":
                d.kind, d.reason = "title", "first headline-like line"
                break

    @staticmethod
    def _drop_title_copies(out: CleanedLines) -> None:
        """A title found in the text itself: later copies of it are repeated titles too."""
        key = line_key(fold(out.title or ""))
        seen_title = False
        body: list[str] = []
        for d in out.decisions:
            if d.kind == "title":
                seen_title = True
            elif d.kind == "body" and seen_title and line_key(fold(d.line)) == key:
                d.kind, d.reason = "repeated_title", "copy of the title"
            elif d.kind == "body":
                body.append(d.line)
        out.body = body

    # -- assembling the Article ----------------------------------------------------------------------------
    def _article(
        self,
        raw: RawDocument,
        cleaned: CleanedLines,
        source: str | None,
        published: date | None,
        url: str | None = None,
    ) -> Article:
        if not cleaned.body:
            raise InputError(raw.origin, NO_TEXT)
        prefix = cleaned.title + "\n" if cleaned.title else ""
        text = prefix + "\n".join(cleaned.body)
        dateline = dateline_span = None
        if cleaned.standalone_dateline:
            span: tuple[int, int] | None = (0, len(cleaned.body[0]))
        else:
            span = self.header.dateline(cleaned.body[0])
        if span is not None:
            dateline_span = (span[0] + len(prefix), span[1] + len(prefix))
            dateline = text[dateline_span[0] : dateline_span[1]]
        return Article(
            doc_id=raw.doc_id,
            text=text,
            origin=raw.origin,
            content_hash=raw.content_hash,
            title=cleaned.title,
            url=url or raw.url,
            source=source,
            published=published or cleaned.published,
            dateline=dateline,
            dateline_span=dateline_span,
            byline=cleaned.byline,
            boilerplate=cleaned.removed,
        )
