"""The loose form of a name, shared by look-up (``Dataset.find``) and the duplicate-name check.

Two spellings of one name share a loose form when they differ only in case, accents,
punctuation, spacing or a leading article (al-, el-, ul-, the): 'Al-Qaeda', 'al Qaeda' and
'AL-QAEDA' all become 'qaeda'; 'Yunus Qanuni' and 'Yūnus Qānūnī' both become 'yunusqanuni'.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["loose_name", "ARTICLE_PATTERN"]

ARTICLE_PATTERN = r"\b(al|el|ul|the)\b"
_ARTICLE = re.compile(ARTICLE_PATTERN, re.IGNORECASE)


def loose_name(name: str) -> str:
    """The form two spellings of one name share: 'Al-Qaeda', 'al Qaeda' and 'AL-QAEDA' → 'qaeda'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _ARTICLE.sub(" ", text.casefold())
    return "".join(ch for ch in text if ch.isalnum())
