"""Finding actors the way people type: a whole name, a surname, part of a name, a native spelling.

Every name an actor has (its canonical name, its ID read as words, every row of ``actor_names``)
is indexed by its loose form (:func:`~iran_relations.names.loose_name`: case, accents,
punctuation, an al-/the- and the Arabic/Persian letter variants ignored) and by its words. A query
is matched, best first, as:

1. ``name`` — the whole canonical name ("Qasem Soleimani");
2. ``other name`` — a whole recorded spelling, acronym or native form ("Qanooni", "IRGC", "قاسم سلیمانی");
3. ``words`` — every word of the query is a word of one name ("Soleimani", "Quds", "سلیمانی");
4. ``word start`` — every word of the query starts a word of one name ("Solei", "Hez");
5. ``part`` — the query (four letters or more) stands inside one name ("eiman").

When nothing matches, :meth:`Index.near` offers the names closest in spelling ("Soleymani" →
Soleimani). Within one rank, actors whose canonical name matched come first, then file order.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .schema.names import loose_name, loose_words

if TYPE_CHECKING:
    from .schema.models import Actor, ActorName

__all__ = ["Match", "Index", "HOW"]

HOW = ("name", "other name", "words", "word start", "part", "near")


@dataclass(frozen=True)
class Match:
    """One candidate for a query: the actor, the name of it that matched, and how (see ``HOW``)."""

    actor: Actor
    matched: str
    how: str

    @property
    def rank(self) -> int:
        return HOW.index(self.how)


class Index:
    """The names of a dataset's actors, ready for :meth:`search`."""

    def __init__(self, actors: Iterable[Actor], names: Iterable[ActorName]) -> None:
        self._actors = {a.actor_id: a for a in actors}
        self._order = {aid: i for i, aid in enumerate(self._actors)}
        # (actor_id, name as written, is canonical) for every name of every actor
        entries: list[tuple[str, str, bool]] = []
        for a in self._actors.values():
            entries.append((a.actor_id, a.name, True))
            entries.append((a.actor_id, a.actor_id.replace("-", " "), False))
        entries += [(n.actor_id, n.name, False) for n in names if n.actor_id in self._actors]
        self._entries = [
            (aid, name, canonical, loose_name(name), loose_words(name)) for aid, name, canonical in entries
        ]
        self._by_loose: dict[str, list[int]] = defaultdict(list)
        self._by_word: dict[str, list[int]] = defaultdict(list)
        for i, (_, _, _, loose, words) in enumerate(self._entries):
            if loose:
                self._by_loose[loose].append(i)
            for w in set(words):
                self._by_word[w].append(i)

    def search(self, query: str, limit: int | None = None) -> tuple[Match, ...]:
        """The actors ``query`` may mean, best first, each once (see the module's ranks)."""
        loose, words = loose_name(query), loose_words(query)
        if not loose:
            return ()
        found: dict[str, tuple[int, bool, str]] = {}

        def offer(i: int, how: str) -> None:
            aid, name, canonical, _, _ = self._entries[i]
            key = (HOW.index(how), not canonical)
            if aid not in found or key < found[aid][:2]:
                found[aid] = (*key, name)

        for i in self._by_loose.get(loose, ()):
            offer(i, "name" if self._entries[i][2] else "other name")
        if words:
            for i in self._with_words(words, whole=True):
                offer(i, "words")
            for i in self._with_words(words, whole=False):
                offer(i, "word start")
        if len(loose) >= 4:
            for i, entry in enumerate(self._entries):
                if loose in entry[3]:
                    offer(i, "part")
        ranked = sorted(found.items(), key=lambda kv: (kv[1][0], kv[1][1], self._order[kv[0]]))
        matches = tuple(Match(self._actors[aid], name, HOW[rank]) for aid, (rank, _, name) in ranked)
        return matches[:limit] if limit is not None else matches

    def near(self, query: str, limit: int = 5) -> tuple[Match, ...]:
        """The actors whose names are spelled most like ``query``, for "did you mean"."""
        loose = loose_name(query)
        if not loose:
            return ()
        # Whole names, and single words for a one-word query (a surname misspelt).
        pool: dict[str, list[int]] = defaultdict(list)
        for i, (_, _, _, name_loose, words) in enumerate(self._entries):
            pool[name_loose].append(i)
            if len(loose_words(query)) == 1:
                for w in words:
                    if len(w) >= 4:
                        pool[w].append(i)
        out: dict[str, Match] = {}
        for key in difflib.get_close_matches(loose, list(pool), n=limit * 3, cutoff=0.75):
            for i in pool[key]:
                aid, name, _, _, _ = self._entries[i]
                out.setdefault(aid, Match(self._actors[aid], name, "near"))
        return tuple(out.values())[:limit]

    def _with_words(self, words: tuple[str, ...], whole: bool) -> list[int]:
        """Entries having, for every query word, a word equal to it (``whole``) or starting with it."""
        sets = []
        for w in words:
            if whole:
                hits = set(self._by_word.get(w, ()))
            else:
                hits = {i for word, idx in self._by_word.items() if word.startswith(w) for i in idx}
            sets.append(hits)
        return sorted(set.intersection(*sets)) if sets else []
