"""Going from one row to the rows it is tied to, and finding an actor by any spelling.

:class:`Tables` is mixed into :class:`~iran_relations.dataset.Dataset`. Its indexes are built
the first time they are needed and kept. Every answer is a tuple in file order.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .errors import IranRelationsError
from .lookup import Index, Match

if TYPE_CHECKING:
    from .schema.models import (
        Actor,
        ActorIdentifier,
        ActorName,
        Appointment,
        Citation,
        Event,
        Evidence,
        Participant,
        Redirect,
        Relation,
    )
    from .schema.table_schema import PackageSpec

__all__ = ["Tables", "UnknownID"]


class UnknownID(IranRelationsError, KeyError):
    """No row has this ID (or no actor this name); the message suggests the closest ones.

    Every navigation call that takes an ID raises it for an unknown one, so a typo never reads as
    "no data". It is a KeyError, so ``except KeyError`` catches it too.
    """

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
class Tables:
    """The tables of a dataset and the look-ups across them (see :class:`~iran_relations.dataset.Dataset`).

    Keyed tables map ID → row in file order; link tables are tuples in file order.
    """

    actors: Mapping[str, Actor]
    actor_names: tuple[ActorName, ...]
    actor_identifiers: tuple[ActorIdentifier, ...]
    events: Mapping[str, Event]
    participants: tuple[Participant, ...]
    appointments: Mapping[str, Appointment]
    relations: Mapping[str, Relation]
    citations: Mapping[str, Citation]
    evidence: tuple[Evidence, ...]
    redirects: tuple[Redirect, ...]
    spec: PackageSpec  # the descriptor and Table Schemas the rows were read with

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

    def known(self, table: str, record_id: str) -> str:
        """``record_id`` as it stands today (after redirects) if a row of ``table`` has it;
        :class:`UnknownID`, naming the closest IDs (and for actors, names), otherwise."""
        rows = getattr(self, table, None)
        if not isinstance(rows, Mapping):
            raise ValueError(f"{table!r} is not a table with IDs")
        current = self.current_id(table, record_id)
        if current in rows:
            return current
        raise UnknownID(self._unknown_message(table, record_id))

    def _unknown_message(self, table: str, record_id: str) -> str:
        noun = table.removesuffix("s")  # the keyed tables are plurals: actors, events, appointments, relations
        if table == "actors":
            near = [m.actor.actor_id for m in self.search(str(record_id).replace("-", " "), limit=5)]
        else:
            near = difflib.get_close_matches(str(record_id), list(getattr(self, table)), n=5, cutoff=0.6)
        if near:
            return f"no {noun} has the ID {record_id!r}; did you mean {', '.join(near)}?"
        tip = "; find(name) looks actors up by any spelling" if table == "actors" else ""
        return f"no {noun} has the ID {record_id!r}{tip}"

    def actor(self, actor_id: str) -> Actor:
        """The actor with this ID, or the one a redirect leads to; :class:`UnknownID` (a KeyError)
        names close matches otherwise."""
        return self.actors[self.known("actors", actor_id)]

    def names(self, actor_id: str) -> tuple[ActorName, ...]:
        """Every other name of the actor (spellings, native forms, acronyms), in file order."""
        return self._names_by_actor.get(self.known("actors", actor_id), ())

    def identifiers(self, actor_id: str) -> tuple[ActorIdentifier, ...]:
        """The actor's identifiers in other datasets (Wikidata, UCDP, Gleditsch–Ward, ISO 3166-1), each
        with its citation and locator."""
        return self._identifiers_by_actor.get(self.known("actors", actor_id), ())

    def by_identifier(self, scheme: str, identifier: str | int) -> Actor:
        """The actor another dataset knows by ``identifier`` in ``scheme`` (``by_identifier("ucdp", 300)``,
        ``by_identifier("wikidata", "Q…")``); ValueError for a scheme the data does not use, UnknownID for
        an identifier no actor has."""
        schemes = self.identifier_schemes()
        if scheme not in schemes:
            raise ValueError(f"unknown identifier scheme {scheme!r}; the schemes are {', '.join(schemes)}")
        actor_id = self._by_identifier.get((scheme, str(identifier).strip()))
        if actor_id is None:
            raise UnknownID(f"no actor has the {scheme} identifier {str(identifier)!r}")
        return self.actors[actor_id]

    def identifier_label(self, identifier: ActorIdentifier) -> tuple[str, str | None]:
        """The scheme's label ("UCDP actor ID") and, where the scheme has one, the address of the
        identifier's own page (Wikidata items), from the schema's categories."""
        for cat in self.spec.table("actor_identifiers").field("scheme").categories:
            if cat.value == identifier.scheme:
                return cat.label, cat.url.format(id=identifier.identifier) if cat.url else None
        return identifier.scheme, None

    def identifier_schemes(self) -> tuple[str, ...]:
        """The identifier schemes the actor_identifiers schema allows."""
        return self.spec.table("actor_identifiers").field("scheme").enum or ()

    def children(self, actor_id: str) -> tuple[Actor, ...]:
        """Actors whose parent organisation this actor is."""
        return self._children.get(self.known("actors", actor_id), ())

    def part_of(self, actor_id: str) -> tuple[Actor, ...]:
        """The actor and everything under it, at any depth, through ``parent_id``: ``part_of("iran")``
        is the Iranian state with its IRGC, Quds Force, ministries and embassies. In file order."""
        root = self.known("actors", actor_id)
        found = {root}
        todo = [root]
        while todo:
            for child in self._children.get(todo.pop(), ()):
                if child.actor_id not in found:  # a parent loop (a validation error) cannot hang this
                    found.add(child.actor_id)
                    todo.append(child.actor_id)
        return tuple(a for a in self.actors.values() if a.actor_id in found)

    def top_level(self, actor_id: str) -> Actor:
        """The state or organisation at the top of the actor's ``parent_id`` chain (itself if it has
        no parent): Iran for the Quds Force."""
        return self.actors[self._top_level[self.known("actors", actor_id)]]

    def parent(self, actor_id: str) -> Actor | None:
        """The organisation the actor is part of, if any."""
        parent_id = self.actor(actor_id).parent_id
        return self.actors.get(parent_id) if parent_id else None

    def posts(self, actor_id: str) -> tuple[Appointment, ...]:
        """The posts a person held (appointments where the actor is the person)."""
        return self._by_person.get(self.known("actors", actor_id), ())

    def members(self, body_id: str) -> tuple[Appointment, ...]:
        """The appointments to a body (a cabinet, council, administration): its roster, in file order."""
        return self._by_body.get(self.known("actors", body_id), ())

    def seats(self, faction_id: str) -> tuple[Appointment, ...]:
        """The appointments held on behalf of a faction, party or delegation."""
        return self._by_faction.get(self.known("actors", faction_id), ())

    def ties(self, actor_id: str) -> tuple[Relation, ...]:
        """Relations from or to the actor."""
        return self._ties.get(self.known("actors", actor_id), ())

    def events_of(self, actor_id: str) -> tuple[Event, ...]:
        """Events the actor took part in, in the order of the events table."""
        actor_id = self.known("actors", actor_id)
        wanted = {p.event_id for p in self.participants if p.actor_id == actor_id}
        return tuple(e for e in self.events.values() if e.event_id in wanted)

    def roles(self, actor_id: str) -> tuple[Participant, ...]:
        """The actor's parts in events (one row per event and role)."""
        return self._roles.get(self.known("actors", actor_id), ())

    def participants_in(self, event_id: str) -> tuple[Participant, ...]:
        """Who took part in the event, and how."""
        return self._participants.get(self.known("events", event_id), ())

    # -- appointments ------------------------------------------------------------------------

    def person(self, appointment: Appointment | str) -> Actor:
        """The person holding the post."""
        return self.actor(self._appointment(appointment).person_id)

    def body(self, appointment: Appointment | str) -> Actor:
        """The body the post belongs to."""
        return self.actor(self._appointment(appointment).organization_id)

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
        if isinstance(appointment, str):
            return self.appointments[self.known("appointments", appointment)]
        return appointment

    # -- sources -----------------------------------------------------------------------------

    def evidence_for(self, row: Any, record_id: str | None = None) -> tuple[Evidence, ...]:
        """The evidence rows for a row of actors, events, appointments or relations.

        Pass the row itself (``ds.evidence_for(ds.events["..."])``) or its table and ID
        (``ds.evidence_for("events", "...")``).
        """
        table, rid = self._record(row, record_id)
        return self._evidence.get((table, self.known(table, rid)), ())

    def citations_for(self, row: Any, record_id: str | None = None) -> tuple[Citation, ...]:
        """The sources quoted for a row, each once, in the order of its evidence."""
        seen: dict[str, Citation] = {}
        for ev in self.evidence_for(row, record_id):
            if ev.citation_id in self.citations:
                seen.setdefault(ev.citation_id, self.citations[ev.citation_id])
        return tuple(seen.values())

    def cited_by(self, citation_id: str) -> tuple[Evidence, ...]:
        """The evidence rows that quote a source."""
        return self._by_citation.get(self.known("citations", citation_id), ())

    @cached_property
    def _record_keys(self) -> dict[str, str]:
        """The tables whose rows evidence backs (evidence.record_table's list), and the key of each."""
        spec = self.spec
        return {name: key for name in spec.record_tables if (key := spec.table(name).key) is not None}

    def _record(self, row: Any, record_id: str | None) -> tuple[str, str]:
        keys = self._record_keys
        if isinstance(row, str):
            if record_id is None or row not in keys:
                raise ValueError(f"give a row, or a table ({', '.join(keys)}) and an ID")
            return row, record_id
        table = getattr(row, "table", None)
        if table not in keys:
            raise ValueError(f"evidence backs rows of {', '.join(keys)}, not {type(row).__name__}")
        return table, getattr(row, keys[table])

    # -- look-up by name ---------------------------------------------------------------------

    def find(self, name: str) -> tuple[Actor, ...]:
        """Actors known by ``name``: a whole name in any recorded spelling or script, a surname, part of
        a name. Best matches first (see :mod:`iran_relations.lookup`): ``find("Qanuni")``,
        ``find("Quds")``, ``find("سلیمانی")``. Case, accents, punctuation, a leading al-/el-/the and
        Arabic/Persian letter variants are ignored. An empty tuple when nothing matches;
        :meth:`search` then offers near misses.
        """
        return tuple(m.actor for m in self._index.search(name))

    def search(self, text: str, limit: int | None = None) -> tuple[Match, ...]:
        """Like :meth:`find`, with the name that matched and how (``Match.how``: name, other name,
        words, word start, part); when nothing matches, the actors spelled most like ``text``
        (how = ``near``), for "did you mean"."""
        found = self._index.search(text, limit)
        return found or self._index.near(text, limit or 5)

    # -- indexes, built once -----------------------------------------------------------------

    @cached_property
    def _redirects(self) -> dict[tuple[str, str], str]:
        return {(r.record_table, r.old_id): r.new_id for r in self.redirects}

    @cached_property
    def _names_by_actor(self) -> dict[str, tuple[ActorName, ...]]:
        return _group(self.actor_names, "actor_id")

    @cached_property
    def _identifiers_by_actor(self) -> dict[str, tuple[ActorIdentifier, ...]]:
        return _group(self.actor_identifiers, "actor_id")

    @cached_property
    def _by_identifier(self) -> dict[tuple[str, str], str]:
        return {(i.scheme, i.identifier): i.actor_id for i in self.actor_identifiers}

    @cached_property
    def _top_level(self) -> dict[str, str]:
        top: dict[str, str] = {}
        for a in self.actors.values():
            chain, current = [a.actor_id], a
            while current.parent_id is not None and current.parent_id in self.actors and current.parent_id not in chain:
                current = self.actors[current.parent_id]
                chain.append(current.actor_id)
            top[a.actor_id] = chain[-1]
        return top

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
    def _index(self) -> Index:
        return Index(self.actors.values(), self.actor_names)
