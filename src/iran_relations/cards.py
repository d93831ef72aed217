"""A readable card for any row, by ID: what ``iran-relations show`` prints.

A card is plain text: a title line, the row's fields, then what the row is tied to (names, posts,
members, ties, events, participants) and its sources with their quotes and locators. An ID that
names no row is looked up as a name too (``show "Younus Qanooni"``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .schema.partial_date import span_text
from .tables import UnknownID

if TYPE_CHECKING:
    from .dataset import Dataset
    from .schema.models import Evidence

__all__ = ["card", "resolve"]


def resolve(ds: Dataset, key: str) -> tuple[str, Any]:
    """(table, row) for an ID of any keyed table, or an actor found by name; UnknownID otherwise."""
    for table in ds.spec.keyed_tables:
        row = getattr(ds, table).get(ds.current_id(table, key))
        if row is not None:
            return table, row
    found = ds.search(key)
    if not found or found[0].how == "near":
        near = f"; did you mean {', '.join(m.actor.actor_id for m in found)}?" if found else ""
        raise UnknownID(f"no row has the ID {key!r} and no actor is known by that name{near}")
    best = [m for m in found if m.rank == found[0].rank]
    if len(best) == 1:
        return "actors", best[0].actor
    listed = ", ".join(f"{m.actor.actor_id} ({m.actor.name})" for m in found[:8])
    more = f" and {len(found) - 8} more" if len(found) > 8 else ""
    raise UnknownID(f"{key!r} may mean {len(found)} actors: {listed}{more}; show one by its ID")


def _name(ds: Dataset, actor_id: str | None) -> str:
    if actor_id is None:
        return ""
    actor = ds.actors.get(actor_id)
    return f"{actor.name} ({actor_id})" if actor else actor_id


def _sources(ds: Dataset, evidence: tuple[Evidence, ...]) -> list[str]:
    lines = [f"Sources (evidence rows: {len(evidence)}):"]
    for ev in evidence:
        c = ds.citations.get(ev.citation_id)
        where = f"{c.publisher}, {c.published or 'undated'}" if c else "unknown citation"
        flag = "" if ev.stance == "supports" else f" [{ev.stance}]"
        lines.append(f"  - {ev.citation_id} ({where}), {ev.locator}{flag}:")
        lines.append(f'      "{ev.quote}"')
    return lines


def _labelled(pairs: list[tuple[str, object]]) -> list[str]:
    """'Label: value' lines for the values that are there."""
    return [f"{label}: {value}" for label, value in pairs if value]


def _actor(ds: Dataset, a: Any) -> list[str]:
    lines = [
        f"{a.name}  [{a.actor_id}]",
        f"{a.actor_type}, {a.country or 'no country'}; {span_text(a.start_date, a.end_date)}",
    ]
    lines.append(a.description)
    names = "; ".join(f"{n.name} ({n.lang}, {n.kind})" for n in ds.names(a.actor_id))
    top = ds.top_level(a.actor_id)
    ids = "; ".join(f"{ds.identifier_label(i)[0]} {i.identifier} ({i.citation_id})" for i in ds.identifiers(a.actor_id))
    lines += _labelled(
        [
            ("Part of", _name(ds, a.parent_id)),
            ("Top level", _name(ds, top.actor_id) if top.actor_id not in (a.actor_id, a.parent_id) else ""),
            ("Identifiers", ids),
            ("Also written", names),
        ]
    )
    for title, rows in (("Posts held", ds.posts(a.actor_id)), ("Members", ds.members(a.actor_id))):
        if rows:
            lines.append(f"{title}:")
            for p in rows:
                who = _name(ds, p.organization_id) if title == "Posts held" else _name(ds, p.person_id)
                seat = f", for {_name(ds, p.on_behalf_of_id)}" if p.on_behalf_of_id else ""
                lines.append(f"  - {p.post}, {who}{seat}; {span_text(p.start_date, p.end_date)} [{p.appointment_id}]")
    ties = ds.ties(a.actor_id)
    if ties:
        lines.append("Ties:")
        for r in ties:
            if r.source_id == a.actor_id:
                arrow = f"{r.relation_type} {_name(ds, r.target_id)}{_against(ds, r)}"
            else:
                arrow = f"{_name(ds, r.source_id)} {r.relation_type} it{_against(ds, r)}"
            lines.append(f"  - {arrow}; {span_text(r.start_date, r.end_date)}; {r.certainty} [{r.relation_id}]")
    dated = [(ds.events[p.event_id], p.role) for p in ds.roles(a.actor_id) if p.event_id in ds.events]
    if dated:
        lines.append("Events:")
        for e, role in sorted(dated, key=lambda pair: pair[0].date.sort_key):
            lines.append(f"  - {e.date}: {e.title} ({role}) [{e.event_id}]")
    return lines + _sources(ds, ds.evidence_for(a))


def _event(ds: Dataset, e: Any) -> list[str]:
    where = f"{e.place or 'no place'}, {e.country or ''}"
    lines = [f"{e.title}  [{e.event_id}]", f"{e.event_type}, {span_text(e.date, e.end_date)}, {where}; {e.certainty}"]
    lines.append(e.description)
    parts = "; ".join(f"{_name(ds, p.actor_id)} ({p.role})" for p in ds.participants_in(e.event_id))
    return lines + _labelled([("Participants", parts)]) + _sources(ds, ds.evidence_for(e))


def _appointment(ds: Dataset, p: Any) -> list[str]:
    lines = [
        f"{p.post}, {_name(ds, p.organization_id)}  [{p.appointment_id}]",
        f"Held by {_name(ds, p.person_id)}; {span_text(p.start_date, p.end_date)}; {p.certainty}",
    ]
    before = ds.predecessor(p)
    lines += _labelled(
        [
            ("Seat of", _name(ds, p.on_behalf_of_id)),
            ("Community", p.community),
            ("Ended", p.end_reason),
            ("Took over from", before and f"{_name(ds, before.person_id)} [{before.appointment_id}]"),
        ]
    )
    lines += [f"Handed over to: {_name(ds, s.person_id)} [{s.appointment_id}]" for s in ds.successors(p)]
    return lines + _sources(ds, ds.evidence_for(p))


def _against(ds: Dataset, r: Any) -> str:
    return f" against {_name(ds, r.against_id)}" if r.against_id else ""


def _relation(ds: Dataset, r: Any) -> list[str]:
    return [
        f"{_name(ds, r.source_id)} {r.relation_type} {_name(ds, r.target_id)}{_against(ds, r)}  [{r.relation_id}]",
        f"{span_text(r.start_date, r.end_date)}; {r.certainty}",
        r.description,
        *_sources(ds, ds.evidence_for(r)),
    ]


def _citation(ds: Dataset, c: Any) -> list[str]:
    author = f"{c.author}, " if c.author else ""
    kind = f"{c.source_type}{', partisan' if c.partisan else ''}"
    lines = [
        f"{c.title}  [{c.citation_id}]",
        f"{author}{c.publisher}, {c.published or 'undated'}; {kind}; {c.language}",
    ]
    lines += _labelled([("URL", c.url), ("Archived", c.archive_url), ("Known through", c.via_id)])
    cited = ds.cited_by(c.citation_id)
    counts: dict[str, int] = {}
    for ev in cited:
        counts[ev.record_table] = counts.get(ev.record_table, 0) + 1
    tables = ", ".join(f"{t} {n}" for t, n in counts.items())
    return lines + [f"Evidence rows quoting it: {len(cited)}" + (f" ({tables})" if tables else "")]


_CARDS = {
    "actors": _actor,
    "events": _event,
    "appointments": _appointment,
    "relations": _relation,
    "citations": _citation,
}


def card(ds: Dataset, key: str) -> str:
    """The card for ``key`` (an ID, or an actor's name in any recorded spelling)."""
    table, row = resolve(ds, key)
    return "\n".join(_CARDS[table](ds, row))
