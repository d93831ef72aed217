"""The command line: exit codes, and the text, JSON and GitHub formats DESIGN.md specifies."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, build_package, scenario_meta

from iran_relations.cli import main


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "iran_relations", *args], capture_output=True, text=True, cwd=cwd)


def test_valid_package_exits_0(valid_package: Path) -> None:
    """A valid package exits 0 and says so."""
    r = run("validate", str(valid_package))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "valid" in r.stdout


def test_invalid_package_json_report(tmp_path: Path) -> None:
    """--format json prints {"valid", "issues": [{code, severity, path, line, field, message}]} and exits 1."""
    pkg = build_package(tmp_path, "foreign-key-error")
    r = run("validate", str(pkg), "--format", "json")
    assert r.returncode == 1
    doc = json.loads(r.stdout)
    assert doc["valid"] is False
    assert all(set(i) == {"code", "severity", "path", "line", "field", "value", "message"} for i in doc["issues"])
    expected = {(e["path"], e["line"], e["field"], e["code"]) for e in scenario_meta("foreign-key-error")["expect"]}
    assert {(i["path"], i["line"], i["field"], i["code"]) for i in doc["issues"]} == expected


def test_text_report_locates_each_issue(tmp_path: Path) -> None:
    """The text format starts each issue with path:line: [field] and the code, and ends with a summary."""
    pkg = build_package(tmp_path, "date-error")
    r = run("validate", str(pkg))
    assert r.returncode == 1
    first, *_, last = r.stdout.strip().splitlines()
    assert first.startswith("data/events.csv:3: [date] error date-error:")
    assert last.startswith("INVALID: 1 error(s)")


def test_github_annotations(tmp_path: Path) -> None:
    """--format github prints one ::error annotation per issue with file and line, escaping what GitHub needs."""
    pkg = build_package(tmp_path, "extra-cell")
    r = run("validate", str(pkg), "--format", "github")
    lines = [ln for ln in r.stdout.splitlines() if ln.startswith("::")]
    assert len(lines) == 1
    assert lines[0].startswith("::error file=data/events.csv,line=3,title=extra-cell::")


def test_default_path_is_the_current_folder(valid_package: Path) -> None:
    """Without PATH, a folder holding datapackage.json is validated (a contributor's checkout)."""
    (valid_package / "data" / "events.csv").write_text("event_id\n", encoding="utf-8")
    r = run("validate", "--format", "json", cwd=valid_package)
    assert r.returncode == 1
    assert any(i["path"] == "data/events.csv" for i in json.loads(r.stdout)["issues"])


@pytest.mark.parametrize(
    ("setup", "needle"),
    [
        (lambda p: (p / "datapackage.json").write_text('{"name": ', encoding="utf-8"), "not valid JSON"),
        (lambda p: (p / "schemas" / "events.json").unlink(), "Table Schema not found"),
        (lambda p: (p / "datapackage.json").write_text("[]", encoding="utf-8"), "list of resources"),
    ],
    ids=["broken-json", "missing-schema", "wrong-shape"],
)
def test_unreadable_package_exits_2(valid_package: Path, setup, needle: str) -> None:
    """A descriptor or schema that cannot be read exits 2 with the path and reason, and no traceback."""
    setup(valid_package)
    r = run("validate", str(valid_package))
    assert r.returncode == 2
    assert needle in r.stderr and "Traceback" not in r.stderr


def test_missing_path_exits_2(tmp_path: Path) -> None:
    """A PATH that does not exist exits 2 naming it."""
    r = run("validate", str(tmp_path / "nowhere"))
    assert r.returncode == 2 and "nowhere" in r.stderr


def test_no_command_prints_help(capsys) -> None:
    """Running with no command shows the commands and exits 2."""
    assert main([]) == 2
    assert "validate" in capsys.readouterr().out


def test_version_flag(capsys) -> None:
    """--version prints the data package's version."""
    with pytest.raises(SystemExit):
        main(["--version"])
    assert json.loads((ROOT / "datapackage.json").read_text())["version"] in capsys.readouterr().out


def test_every_command_says_which_package_it_read(tmp_path, capsys) -> None:
    """One package argument, one default rule, and each command names the package and version it read."""
    import json as _json

    from conftest import ROOT

    version = _json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["version"]
    said = f"package {ROOT.resolve()} (version {version})"
    for argv in (
        ["validate", "--package", str(ROOT)],
        ["fmt", "--check", "--package", str(ROOT)],
        ["stats", "--package", str(ROOT)],
        ["show", "iran", "--package", str(ROOT)],
        ["search", "Qanuni", "--package", str(ROOT)],
    ):
        assert main(argv) == 0, argv
        assert said in capsys.readouterr().err, argv
    assert main(["validate", str(ROOT), "--package", str(tmp_path)]) == 2  # the package twice, differently
