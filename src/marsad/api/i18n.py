"""The dashboard's two interface languages: Arabic (right to left, the default) and English.

The strings are data (marsad/web/i18n.json). The language is picked by ``?lang=`` (and then remembered in a
cookie) or by that cookie; article text is never translated, only the interface around it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from fastapi import Request

LANGUAGES = ("ar", "en")
DEFAULT = "ar"
COOKIE = "marsad_lang"
DIRECTION = {"ar": "rtl", "en": "ltr"}


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, dict[str, dict[str, str]]]:
    text = resources.files("marsad.web").joinpath("i18n.json").read_text(encoding="utf-8")
    return json.loads(text)


def language(request: Request) -> tuple[str, bool]:
    """(the page's language, whether it was chosen by ?lang= and should be remembered)."""
    asked = request.query_params.get("lang")
    if asked in LANGUAGES:
        return asked, True
    cookie = request.cookies.get(COOKIE)
    return (cookie if cookie in LANGUAGES else DEFAULT), False


class Strings:
    """Lookups for one language: ``t("key")`` for interface strings, ``label("types", "CONSULT")`` for codes."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.catalogue = _catalogue()

    def __call__(self, key: str) -> str:
        entry = self.catalogue["ui"].get(key)
        if entry is None:
            raise KeyError(f"no interface string {key!r} in i18n.json")
        return entry[self.lang]

    def label(self, group: str, code: Any) -> str:
        """A code's name in this language (PLOVER type, mode, status, actor kind), else the code itself."""
        if code is None:
            return ""
        entry = self.catalogue[group].get(str(code))
        return entry[self.lang] if entry else str(code)

    def for_script(self) -> dict[str, Any]:
        """What the page's script needs: every interface string and code label in this language."""
        out: dict[str, Any] = {"lang": self.lang, "dir": DIRECTION[self.lang]}
        for group, entries in self.catalogue.items():
            out[group] = {k: v[self.lang] for k, v in entries.items()}
        return out


def strings(lang: str) -> Strings:
    return Strings(lang)
