"""The published rosters hang together: successions, composition, and the bodies' own dates."""

from __future__ import annotations

from collections import defaultdict

import pytest

import iran_relations
from iran_relations import PartialDate

DATA = iran_relations.load()
APPOINTMENTS = DATA.appointments


def _date(text: str | None) -> PartialDate | None:
    return PartialDate.parse(str(text)) if text else None


SUCCESSIONS = [(a, APPOINTMENTS[a.replaces_id]) for a in APPOINTMENTS.values() if a.replaces_id]


@pytest.mark.parametrize("successor,predecessor", SUCCESSIONS, ids=[s.appointment_id for s, _ in SUCCESSIONS])
def test_a_successor_takes_over_the_same_seat_or_post(successor, predecessor) -> None:
    """Same body, or the same post in a successor body (Interior, interim to transitional)."""
    assert successor.organization_id == predecessor.organization_id or successor.post == predecessor.post
    assert successor.appointment_id != predecessor.appointment_id


@pytest.mark.parametrize("successor,predecessor", SUCCESSIONS, ids=[s.appointment_id for s, _ in SUCCESSIONS])
def test_a_successor_does_not_start_before_the_predecessor_left(successor, predecessor) -> None:
    start = _date(successor.start_date)
    if start is None:
        pytest.skip("successor's start is not sourced")
    for bound in (_date(predecessor.start_date), _date(predecessor.end_date)):
        if bound is not None:
            assert not start.is_before(bound), (successor.appointment_id, str(start), str(bound))


def test_no_succession_chain_loops() -> None:
    for first in APPOINTMENTS.values():
        seen, current = set(), first
        while current.replaces_id:
            assert current.appointment_id not in seen, f"replaces_id loop through {current.appointment_id}"
            seen.add(current.appointment_id)
            current = APPOINTMENTS[current.replaces_id]


COMPOSED_BODIES = sorted({a.organization_id for a in APPOINTMENTS.values() if a.community})


@pytest.mark.parametrize("body", COMPOSED_BODIES)
def test_every_seat_of_a_body_composed_by_community_says_whose_community(body) -> None:
    """A body composed by sect and ethnicity gives a community for every member, so users can count."""
    members = [a for a in APPOINTMENTS.values() if a.organization_id == body and a.post == "Member"]
    assert members
    assert [a.appointment_id for a in members if not a.community] == []


BODIES_WITH_DATES = [
    actor
    for actor in DATA.actors.values()
    if actor.end_date and any(a.organization_id == actor.actor_id for a in APPOINTMENTS.values())
]


@pytest.mark.parametrize("body", BODIES_WITH_DATES, ids=[b.actor_id for b in BODIES_WITH_DATES])
def test_appointments_fall_within_the_life_of_their_body(body) -> None:
    born, ended = _date(body.start_date), _date(body.end_date)
    for appointment in (a for a in APPOINTMENTS.values() if a.organization_id == body.actor_id):
        for value in (_date(appointment.start_date), _date(appointment.end_date)):
            if value is None:
                continue
            assert not value.is_after(ended), (appointment.appointment_id, str(value), str(ended))
            if born is not None:
                assert not value.is_before(born), (appointment.appointment_id, str(value), str(born))


def test_rotating_presidencies_do_not_overlap() -> None:
    """Where a body's presidency passes by replaces_id, no two holders' terms overlap."""
    presidents = defaultdict(list)
    for a in APPOINTMENTS.values():
        if a.post == "President" and a.start_date and a.end_date:
            presidents[a.organization_id].append(a)
    for body, terms in presidents.items():
        if not any(t.replaces_id for t in terms):
            continue
        terms.sort(key=lambda t: _date(t.start_date).sort_key)
        for earlier, later in zip(terms, terms[1:], strict=False):
            assert not _date(later.start_date).is_before(_date(earlier.end_date)), (
                body,
                earlier.appointment_id,
                later.appointment_id,
            )
