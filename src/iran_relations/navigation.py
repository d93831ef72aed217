"""Going from one row to the rows it is tied to, and finding an actor by any spelling.

:class:`Navigation` is mixed into :class:`~iran_relations.dataset.Dataset`. Its indexes are built
the first time they are needed and kept. Every answer is a tuple in file order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .names import loose_name

if TYPE_CHECKING:
    from .models import Actor, ActorName, Appointment, Citation, Event, Evidence, Participant, Redirect, Relation

__all__ = ["Navigation", "UnknownID"]

# The tables whose rows evidence can back, and the key of each.
_RECORD_KEYS = {
    "actors": "actor_id",
    "events": "event_id",
    "appointments": "appointment_id",
    "relations": "relation_id",
}


class UnknownID(KeyError):
    """No row has this ID; the message suggests the spellings that come closest."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def _group(rows: Iterable[Any], key: str) -> dict[str, tuple[Any, ...]]:
    grouped: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        value = getattr(row, key)
        if value is not None:
            grouped[value].append(row)
    return {k: tuple(v) for k, v in grouped.items()}


@dataclass(frozen=True, eq=False)
class Navigation:
    """The tables of a dataset and the look-ups across them (see :class:`~iran_relations.dataset.Dataset`).

    Keyed tables map ID → row in file order; link tables are tuples in file order.
    """

    actors: Mapping[str, Actor]
    actor_names: tuple[ActorName, ...]
    events: Mapping[str, Event]
    participants: tuple[Participant, ...]
    appointments: Mapping[str, Appointment]
    relations: Mapping[str, Relation]
    citations: Mapping[str, Citation]
    evidence: tuple[Evidence, ...]
    redirects: tuple[Redirect, ...]

    # -- actors ------------------------------------------------------------------------------

    def current_id(self, table: str, record_id: str) -> str:
        """The ID that stands today for ``record_id`` of ``table``: itself, or where its redirects lead
        (an ID merged into another row or renamed; see the redirects table)."""
        seen = {record_id}
        while record_id not in getattr(self, table, {}) and (table, record_id) in self._redirects:
            record_id = self._redirects[(table, record_id)]
            if record_id in seen:
                break
            seen.add(record_id)
        return record_id

    def actor(self, actor_id: str) -> Actor:
        """The actor with this ID, or the one a redirect leads to; :class:`UnknownID` (a KeyError)
        names close matches otherwise."""
        try:
            return self.actors[self.current_id("actors", actor_id)]
        except KeyError:
            near = [a.actor_id for a in self.find(actor_id.replace("-", " "))][:5]
            hint = f"; did you mean {', '.join(near)}?" if near else "; find(name) looks actors up by any spelling"
            raise UnknownID(f"no actor has the ID {actor_id!r}{hint}") from None

    def names(self, actor_id: str) -> tuple[ActorName, ...]:
        """Every other name of the actor (spellings, native forms, acronyms), in file order."""
        return self._names_by_actor.get(actor_id, ())

    def children(self, actor_id: str) -> tuple[Actor, ...]:
        """Actors whose parent organisation this actor is."""
        return self._children.get(actor_id, ())

    def parent(self, actor_id: str) -> Actor | None:
        """The organisation the actor is part of, if any."""
        parent_id = self.actor(actor_id).parent_id
        return self.actors.get(parent_id) if parent_id else None

    def posts(self, actor_id: str) -> tuple[Appointment, ...]:
        """The posts a person held (appointments where the actor is the person)."""
        return self._by_person.get(actor_id, ())

    def members(self, body_id: str) -> tuple[Appointment, ...]:
        """The appointments to a body (a cabinet, council, administration): its roster, in file order."""
        return self._by_body.get(body_id, ())

    def seats(self, faction_id: str) -> tuple[Appointment, ...]:
        """The appointments held on behalf of a faction, party or delegation."""
        return self._by_faction.get(faction_id, ())

    def ties(self, actor_id: str) -> tuple[Relation, ...]:
        """Relations from or to the actor."""
        return self._ties.get(actor_id, ())

    def events_of(self, actor_id: str) -> tuple[Event, ...]:
        """Events the actor took part in, in the order of the events table."""
        wanted = {p.event_id for p in self.participants if p.actor_id == actor_id}
        return tuple(e for e in self.events.values() if e.event_id in wanted)

    def roles(self, actor_id: str) -> tuple[Participant, ...]:
        """The actor's parts in events (one row per event and role)."""
        return self._roles.get(actor_id, ())

    def participants_in(self, event_id: str) -> tuple[Participant, ...]:
        """Who took part in the event, and how."""
        return self._participants.get(event_id, ())

    # -- appointments ------------------------------------------------------------------------

    def person(self, appointment: Appointment | str) -> Actor:
        """The person holding the post."""
        return self.actors[self._appointment(appointment).person_id]

    def body(self, appointment: Appointment | str) -> Actor:
        """The body the post belongs to."""
        return self.actors[self._appointment(appointment).organization_id]

    def faction(self, appointment: Appointment | str) -> Actor | None:
        """The faction, party or delegation whose seat it was, if sources name one."""
        faction_id = self._appointment(appointment).on_behalf_of_id
        return self.actors.get(faction_id) if faction_id else None

    def predecessor(self, appointment: Appointment | str) -> Appointment | None:
        """The appointment this one took over from."""
        replaces = self._appointment(appointment).replaces_id
        return self.appointments.get(replaces) if replaces else None

    def successors(self, appointment: Appointment | str) -> tuple[Appointment, ...]:
        """The appointments that took over from this one."""
        return self._successors.get(self._appointment(appointment).appointment_id, ())

    def _appointment(self, appointment: Appointment | str) -> Appointment:
        return self.appointments[appointment] if isinstance(appointment, str) else appointment

    # -- sources -----------------------------------------------------------------------------

    def evidence_for(self, row: Any, record_id: str | None = None) -> tuple[Evidence, ...]:
        """The evidence rows for a row of actors, events, appointments or relations.

        Pass the row itself (``ds.evidence_for(ds.events["..."])``) or its table and ID
        (``ds.evidence_for("events", "...")``).
        """
        table, rid = self._record(row, record_id)
        return self._evidence.get((table, rid), ())

    def citations_for(self, row: Any, record_id: str | None = None) -> tuple[Citation, ...]:
        """The sources quoted for a row, each once, in the order of its evidence."""
        seen: dict[str, Citation] = {}
        for ev in self.evidence_for(row, record_id):
            if ev.citation_id in self.citations:
                seen.setdefault(ev.citation_id, self.citations[ev.citation_id])
        return tuple(seen.values())

    def cited_by(self, citation_id: str) -> tuple[Evidence, ...]:
        """The evidence rows that quote a source."""
        return self._by_citation.get(citation_id, ())

    @staticmethod
    def _record(row: Any, record_id: str | None) -> tuple[str, str]:
        if isinstance(row, str):
            if record_id is None or row not in _RECORD_KEYS:
                raise ValueError(f"give a row, or a table ({', '.join(_RECORD_KEYS)}) and an ID")
            return row, record_id
        table = getattr(row, "table", None)
        if table not in _RECORD_KEYS:
            raise ValueError(f"evidence backs rows of {', '.join(_RECORD_KEYS)}, not {type(row).__name__}")
        return table, getattr(row, _RECORD_KEYS[table])

    # -- look-up by name ---------------------------------------------------------------------

    def find(self, name: str) -> tuple[Actor, ...]:
        """Actors known by ``name`` in any spelling the dataset records.

        Case, accents, punctuation, spacing and a leading al-/el-/the are ignored, so
        ``find("Yunus Qanuni")``, ``find("yūnus qānūnī")`` and ``find("Younus Qanooni")`` (a
        spelling recorded in ``actor_names``) all find the same actor. Actors whose canonical name
        matches come first; the rest follow in file order.
        """
        key = loose_name(name)
        if not key:
            return ()
        canonical = [a for a in self._by_loose.get(key, ()) if loose_name(a.name) == key]
        others = [a for a in self._by_loose.get(key, ()) if a not in canonical]
        return tuple(canonical + others)

    # -- indexes, built once -----------------------------------------------------------------

    @cached_property
    def _redirects(self) -> dict[tuple[str, str], str]:
        return {(r.record_table, r.old_id): r.new_id for r in self.redirects}

    @cached_property
    def _names_by_actor(self) -> dict[str, tuple[ActorName, ...]]:
        return _group(self.actor_names, "actor_id")

    @cached_property
    def _children(self) -> dict[str, tuple[Actor, ...]]:
        return _group(self.actors.values(), "parent_id")

    @cached_property
    def _by_person(self) -> dict[str, tuple[Appointment, ...]]:
        return _group(self.appointments.values(), "person_id")

    @cached_property
    def _by_body(self) -> dict[str, tuple[Appointment, ...]]:
        return _group(self.appointments.values(), "organization_id")

    @cached_property
    def _by_faction(self) -> dict[str, tuple[Appointment, ...]]:
        return _group(self.appointments.values(), "on_behalf_of_id")

    @cached_property
    def _successors(self) -> dict[str, tuple[Appointment, ...]]:
        return _group(self.appointments.values(), "replaces_id")

    @cached_property
    def _ties(self) -> dict[str, tuple[Relation, ...]]:
        ties: dict[str, list[Relation]] = defaultdict(list)
        for r in self.relations.values():
            ties[r.source_id].append(r)
            if r.target_id != r.source_id:
                ties[r.target_id].append(r)
        return {k: tuple(v) for k, v in ties.items()}

    @cached_property
    def _roles(self) -> dict[str, tuple[Participant, ...]]:
        return _group(self.participants, "actor_id")

    @cached_property
    def _participants(self) -> dict[str, tuple[Participant, ...]]:
        return _group(self.participants, "event_id")

    @cached_property
    def _evidence(self) -> dict[tuple[str, str], tuple[Evidence, ...]]:
        grouped: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
        for ev in self.evidence:
            grouped[(ev.record_table, ev.record_id)].append(ev)
        return {k: tuple(v) for k, v in grouped.items()}

    @cached_property
    def _by_citation(self) -> dict[str, tuple[Evidence, ...]]:
        return _group(self.evidence, "citation_id")

    @cached_property
    def _by_loose(self) -> dict[str, tuple[Actor, ...]]:
        found: dict[str, dict[str, Actor]] = defaultdict(dict)
        for a in self.actors.values():
            found[loose_name(a.name)][a.actor_id] = a
            found[loose_name(a.actor_id.replace("-", " "))][a.actor_id] = a
        for n in self.actor_names:
            if n.actor_id in self.actors:
                found[loose_name(n.name)][n.actor_id] = self.actors[n.actor_id]
        order = {aid: i for i, aid in enumerate(self.actors)}
        return {k: tuple(sorted(v.values(), key=lambda a: order[a.actor_id])) for k, v in found.items() if k}
