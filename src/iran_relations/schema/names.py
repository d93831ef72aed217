"""The loose form of a name, shared by look-up (``Dataset.find``) and the duplicate-name check.

Two spellings of one name share a loose form when they differ only in case, accents,
punctuation, spacing or a leading article (al-, el-, ul-, the): 'Al-Qaeda', 'al Qaeda' and
'AL-QAEDA' all become 'qaeda'; 'Yunus Qanuni' and 'Yūnus Qānūnī' both become 'yunusqanuni'.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["loose_name", "loose_words", "ARTICLE_PATTERN"]

ARTICLE_PATTERN = r"\b(al|el|ul|the)\b"
_ARTICLE = re.compile(ARTICLE_PATTERN, re.IGNORECASE)

# Letters that Arabic and Persian (and Pashto, Urdu) write differently for one sound: a name typed
# on a Persian keyboard must find the Arabic spelling, and the reverse. Hamza seats fold to alif.
_ARABIC_SCRIPT = str.maketrans(
    {"ي": "ی", "ى": "ی", "ې": "ی", "ك": "ک", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"}
)


def _fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _ARTICLE.sub(" ", text.casefold().translate(_ARABIC_SCRIPT))


def loose_name(name: str) -> str:
    """The form two spellings of one name share: 'Al-Qaeda', 'al Qaeda' and 'AL-QAEDA' → 'qaeda'."""
    return "".join(ch for ch in _fold(name) if ch.isalnum())


def loose_words(name: str) -> tuple[str, ...]:
    """The loose forms of a name's words: 'Qasem Soleimani' → ('qasem', 'soleimani'); the Arabic
    article joined to a word ('الحکیم') stays part of it."""
    words = re.split(r"[^\w]+|_", re.sub(r"['’ʼʿʾ`]", "", _fold(name)))
    return tuple(w for w in ("".join(ch for ch in word if ch.isalnum()) for word in words) if w)
