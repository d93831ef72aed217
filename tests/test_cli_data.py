"""The commands that read the data: show, stats, export's errors and explore (over HTTP on loopback)."""

from __future__ import annotations

import csv
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
from conftest import ROOT, build_package

from iran_relations.cli import main


def _csv(table: str, root: Path = ROOT) -> list[dict[str, str]]:
    with (root / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_show_gives_a_card_for_rows_of_every_table(capsys) -> None:
    keys = {
        "actors": "actor_id",
        "events": "event_id",
        "appointments": "appointment_id",
        "relations": "relation_id",
        "citations": "citation_id",
    }
    for table, key in keys.items():
        for row in _csv(table)[::7]:  # a spread sample: each call loads the package
            assert main(["show", row[key], "--package", str(ROOT)]) == 0
            first = capsys.readouterr().out.splitlines()[0]
            assert f"[{row[key]}]" in first


def test_an_actor_card_has_its_names_and_sources(capsys) -> None:
    names = [r for r in _csv("actor_names")]
    evidence = _csv("evidence")
    actor_id = Counter(r["actor_id"] for r in names).most_common(1)[0][0]
    assert main(["show", actor_id, "--package", str(ROOT)]) == 0
    card = capsys.readouterr().out
    for r in names:
        if r["actor_id"] == actor_id:
            assert r["name"] in card
    for e in evidence:
        if e["record_table"] == "actors" and e["record_id"] == actor_id:
            assert e["citation_id"] in card and e["quote"] in card


def test_show_finds_an_actor_by_another_spelling_and_refuses_what_is_not_there(capsys) -> None:
    row = _csv("actor_names")[0]
    assert main(["show", row["name"], "--package", str(ROOT)]) == 0
    assert f"[{row['actor_id']}]" in capsys.readouterr().out.splitlines()[0]
    assert main(["show", "no-such-row-anywhere", "--package", str(ROOT)]) == 1
    assert "no row has the ID" in capsys.readouterr().err


def test_show_prints_hostile_text_as_text(tmp_path: Path, capsys) -> None:
    pkg = build_package(tmp_path)
    path = pkg / "data" / "events.csv"
    rows = list(csv.reader(path.open(encoding="utf-8", newline="")))
    at = rows[0].index("title")
    rows[1][at] = "Red \x1b[31malert\x1b[0m \u202eright-to-left"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    assert main(["show", rows[1][0], "--package", str(pkg)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out
    assert "<U+001B>[31malert" in out and "<U+202E>" in out


def test_stats_counts_rows_and_coverage_from_the_tables(capsys) -> None:
    assert main(["stats", "--format", "json", "--package", str(ROOT)]) == 0
    found = json.loads(capsys.readouterr().out)
    for table, n in found["rows"].items():
        assert n == len(_csv(table))
    evidence = _csv("evidence")
    keys = {"actors": "actor_id", "events": "event_id", "appointments": "appointment_id", "relations": "relation_id"}
    for table, key in keys.items():
        rows = _csv(table)
        backed = {e["record_id"] for e in evidence if e["record_table"] == table}
        c = found["coverage"][table]
        assert c["with_evidence"] == sum(r[key] in backed for r in rows)
        assert c["evidence_rows"] == sum(e["record_table"] == table for e in evidence)
        if "certainty" in rows[0]:
            assert c["certainty"] == dict(sorted(Counter(r["certainty"] for r in rows).items()))
    assert found["sources"]["partisan"] == sum(r["partisan"] == "true" for r in _csv("citations"))
    assert main(["stats", "--package", str(ROOT)]) == 0
    assert "Rows: actors" in capsys.readouterr().out


def test_commands_on_an_unreadable_package_exit_2_with_a_reason(tmp_path: Path, capsys) -> None:
    pkg = build_package(tmp_path)
    (pkg / "data" / "events.csv").write_text("event_id,date\n", encoding="utf-8")
    for argv in (["show", "x"], ["stats"], ["export", "--format", "json", "--out", str(tmp_path / "o")]):
        assert main([*argv, "--package", str(pkg)]) == 2
        err = capsys.readouterr().err
        assert "cannot load the package" in err and "Traceback" not in err
    assert main(["stats", "--package", str(tmp_path / "missing")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_explore_serves_the_database_on_loopback(tmp_path: Path) -> None:
    pytest.importorskip("datasette")
    port = _free_port()
    exe = Path(sys.executable).parent / "iran-relations"
    proc = subprocess.Popen(
        [str(exe), "explore", "--port", str(port), "--out", str(tmp_path), "--package", str(ROOT)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        url = f"http://127.0.0.1:{port}/iran-relations/actors.json?_shape=array&_size=max"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    rows = json.loads(response.read())
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail(
                        f"explore did not serve: {proc.stdout.read().decode() if proc.poll() is not None else 'timeout'}"
                    )
                time.sleep(0.3)
        assert [r["actor_id"] for r in rows] == [r["actor_id"] for r in _csv("actors")]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/-/metadata.json", timeout=5) as response:
            meta = json.loads(response.read())
        assert meta["databases"]["iran-relations"]["tables"]["actors"]["description"]
    finally:
        proc.terminate()
        proc.wait(timeout=20)
