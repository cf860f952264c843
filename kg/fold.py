"""The form of a text that necessary literals (kg/literals.py) are looked up in."""
from __future__ import annotations

# The only non-ASCII characters that re.IGNORECASE matches with an ASCII letter (İ ı ſ and the
# Kelvin sign); tests/test_literals.py checks this over every code point. str.lower() folds the rest.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold(text: str) -> str:
    """``text`` as the literals are compared with it: lowercase, İ ı ſ and the Kelvin sign folded."""
    return text.lower() if text.isascii() else text.translate(_FOLD).lower()
