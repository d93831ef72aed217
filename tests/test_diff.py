"""iran-relations diff names every change, by key, and nothing else."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

from conftest import ROOT, build_package, git
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iran_relations.cli import main
from iran_relations.diff import diff
from iran_relations.schema.table_schema import read_package

TABLES = [t.name for t in read_package(ROOT).tables]


def _read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def _write(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def test_a_package_against_itself_has_no_differences(tmp_path: Path, capsys) -> None:
    pkg = build_package(tmp_path)
    assert not diff(pkg, pkg)
    assert main(["diff", str(pkg), str(pkg)]) == 0
    assert "no differences" in capsys.readouterr().out


@given(table=st.sampled_from(TABLES), data=st.data())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_edit_is_named_by_its_key(tmp_path_factory, table: str, data) -> None:
    old = build_package(tmp_path_factory.mktemp("old"))
    new = tmp_path_factory.mktemp("new")
    shutil.rmtree(new)
    shutil.copytree(old, new)
    t = next(t for t in read_package(old).tables if t.name == table)
    header, *rows = _read(new / t.path)
    key_at = [header.index(k) for k in t.primary_key]
    key = lambda r: tuple(r[i] for i in key_at)  # noqa: E731
    removed, changed = [], {}
    if rows and data.draw(st.booleans(), label="remove"):
        i = data.draw(st.integers(0, len(rows) - 1), label="row to remove")
        removed.append(key(rows.pop(i)))
    editable = [j for j in range(len(header)) if j not in key_at]
    if rows and editable:
        i = data.draw(st.integers(0, len(rows) - 1), label="row to change")
        j = data.draw(st.sampled_from(editable), label="field")
        value = data.draw(st.text(alphabet="abc xyz", min_size=1, max_size=5), label="value")
        if rows[i][j] != value:
            changed[key(rows[i])] = {header[j]: (rows[i][j], value)}
            rows[i][j] = value
    added = []
    if rows and data.draw(st.booleans(), label="add"):
        extra = list(rows[0])
        extra[key_at[0]] = "added-" + extra[key_at[0]]
        rows.append(extra)
        added.append(key(extra))
    if len(rows) > 1 and data.draw(st.booleans(), label="reorder"):
        rows.reverse()  # moving rows is not a change
    _write(new / t.path, [header, *rows])
    result = diff(old, new)
    by_table = {d.name: d for d in result.tables}
    d = by_table[table]
    assert d.added == added and d.removed == removed and d.changed == changed
    assert not any(other for name, other in by_table.items() if name != table)
    out = json.loads(result.to_json())
    assert (table in out["tables"]) == bool(added or removed or changed)


def test_fields_and_tables_added_or_removed_are_named(tmp_path: Path, capsys) -> None:
    (tmp_path / "old").mkdir()
    old = build_package(tmp_path / "old")
    new = tmp_path / "new"
    shutil.copytree(old, new)
    rows = _read(new / "data" / "citations.csv")
    _write(new / "data" / "citations.csv", [[*r, "x" if i else "extra"] for i, r in enumerate(rows)])
    descriptor = json.loads((new / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["resources"] = [r for r in descriptor["resources"] if r["name"] != "participants"]
    (new / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    result = diff(old, new)
    assert result.tables_removed == ["participants"]
    citations = next(d for d in result.tables if d.name == "citations")
    assert citations.fields_added == ["extra"] and not citations.changed
    assert main(["diff", str(old), str(new), "--format", "markdown"]) == 1
    out = capsys.readouterr().out
    assert "Table removed: `participants`" in out and "field added: `extra`" in out
    assert main(["diff", str(old), str(tmp_path / "missing")]) == 2


def test_a_release_tag_can_stand_for_the_old_package(tmp_path: Path) -> None:
    import subprocess
    import sys

    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "--quiet")
    build_package(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "--quiet", "-m", "first")
    git(repo, "tag", "v0.0.1")
    path = repo / "data" / "events.csv"
    header, first, *rest = _read(path)
    _write(path, [header, *rest])
    exe = Path(sys.executable).parent / "iran-relations"
    done = subprocess.run(
        [str(exe), "diff", "v0.0.1", ".", "--format", "json"], cwd=repo, capture_output=True, text=True
    )
    assert done.returncode == 1, done.stderr
    key = first[header.index("event_id")]
    assert json.loads(done.stdout)["tables"]["events"]["removed"] == [[key]]
    same = subprocess.run([str(exe), "diff", "v0.0.1", "v0.0.1"], cwd=repo, capture_output=True, text=True)
    assert same.returncode == 0 and "no differences" in same.stdout


def test_unreadable_input_and_repeated_keys_stop_the_diff_with_exit_2(tmp_path: Path, capsys) -> None:
    """Garbage in a table, or a key used twice, is reported at its line and exits 2: comparing anyway
    would report rows removed that are only unreadable, or overwrite one row with another."""
    (tmp_path / "old").mkdir(), (tmp_path / "new").mkdir()
    old, new = build_package(tmp_path / "old"), build_package(tmp_path / "new")
    (new / "data" / "events.csv").write_text('garbage,"unclosed\n1,2,3\n', encoding="utf-8")
    assert main(["diff", str(old), str(new)]) == 2
    assert "events.csv:1: csv-error" in capsys.readouterr().err
    shutil.copy(old / "data" / "events.csv", new / "data" / "events.csv")
    rows = _read(new / "data" / "events.csv")
    _write(new / "data" / "events.csv", [*rows, rows[1]])
    assert main(["diff", str(old), str(new)]) == 2
    assert f"events.csv:{len(rows) + 1}: key {rows[1][0]!r} is already used on line 2" in capsys.readouterr().err
