"""One corpus of hostile strings, for every test that feeds text into claimmark.

Each would do harm if it reached a terminal raw (set the clipboard, make a live link, clear
the screen, retitle the window, reorder what is shown), if it were read as Rich markup
(styled, linked, or a crash on a closing tag with no opening), or if it were stored as it
is (lone surrogates, NUL).
"""

from __future__ import annotations

import re

ESC = "\x1b"

HOSTILE: dict[str, str] = {
    "osc52": f"{ESC}]52;c;cHduZWQ=\x07clipboard",
    "osc8": f"{ESC}]8;;file:///etc/passwd{ESC}\\link{ESC}]8;;{ESC}\\",
    "osc0-title": f"{ESC}]0;pwned{ESC}\\title",
    "csi-clear": f"{ESC}[2J{ESC}[Hcleared",
    "csi-c1": "\x9b2J\x9d0;c1 title\x9c after",
    "c0": "bell\x07 back\x08 nul\x00 del\x7f cr\rx",
    "markup-style": "[bold red]x[/]",
    "markup-close": "[/bold] stray close",
    "markup-link": "[link=file:///etc/passwd]L[/link] title",
    "markup-escape": "\\[not markup] [b]b[/b]",
    "bidi": "Invoice \u202etxt.exe\u202c and \u2066iso\u2069 \u202aemb\u202c",
    "zero-width": "zero\u200bwidth\u200djoin\u2060word\ufeffbom",
    "surrogate": "broken \ud800 pair \udcff end",
    "separators": "line\u2028para\u2029next\x85nel",
}
"""Name -> hostile string (short enough for a title, a tag or a claimant)."""

ALL = " ".join(HOSTILE.values())
"""Every hostile string in one text."""

MARKERS = ("clipboard", "cleared", "stray close", "title", "Invoice", "zero")
"""Words of the corpus that must still show (as text) once it has been shown."""

# Raw bytes no terminal may receive from claimmark's output: ESC, C1 controls (CSI, OSC,
# ST, NEL as its 2-byte UTF-8 form is fine only when escaped), BEL, backspace, CR, NUL,
# and the bidi controls (which reorder what is shown).
_RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def raw_controls(text: str) -> list[str]:
    """The characters of `text` that must never reach a terminal (an empty list if none)."""
    return _RAW.findall(text)


def assert_terminal_safe(text: str, where: str = "output") -> None:
    """Fail if `text` holds any raw control, bidi control or lone surrogate."""
    found = raw_controls(text)
    assert not found, f"{where} holds raw {sorted({f'U+{ord(c):04X}' for c in found})}"
