# Hand-written runtime module (not generated): edit it here.
"""Render text that came from a server so that a terminal shows it, and only it.

Paths, URLs, names and error messages come from the server (or from whoever controls an
artifact host). Printed raw, an ESC or 8-bit CSI (U+009B) starts a terminal control sequence
(colours, a new window title, a hyperlink, a cleared screen), and a bidi override (U+202E)
or another invisible format character makes a name read differently from what it is.
"""

from __future__ import annotations

__all__ = ["visible"]

_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: object) -> str:
    """``str(text)`` with every non-printable character shown as a Python escape.

    Controls (C0, DEL, C1), format characters such as bidi overrides and zero-width
    characters, line and paragraph separators, spaces other than U+0020, surrogates and
    unassigned or private-use code points become ``\\xNN``, ``\\uNNNN`` or ``\\UNNNNNNNN``
    (``\\n``, ``\\r`` and ``\\t`` for those three), exactly the characters
    ``str.isprintable`` rejects; everything else, backslashes included, is kept as it is.
    The result is one line whatever the input.
    """
    text = str(text)
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else _escape(char) for char in text)


def _escape(char: str) -> str:
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"
