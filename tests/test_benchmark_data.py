"""The benchmark's synthetic package follows the live schemas: clean when asked, and with exactly
the seeded errors when asked (so a schema change cannot leave the benchmark measuring broken data)."""

from __future__ import annotations

import importlib.util
import json

from conftest import ROOT

from iran_relations import validate

spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
generate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(generate)


def test_a_clean_synthetic_package_validates(tmp_path) -> None:
    counts = generate.write_package(tmp_path, 400)
    assert counts["events"] == 400
    report = validate(tmp_path)
    assert [i.as_dict() for i in report.issues] == []


def test_seeded_errors_are_found_where_they_were_planted(tmp_path) -> None:
    generate.write_package(tmp_path, 3000, seed_errors=True)
    seeded = json.loads((tmp_path / "seeded-errors.json").read_text(encoding="utf-8"))
    found = {(i.path, i.line, i.code) for i in validate(tmp_path).issues}
    assert {(s["path"], s["line"], s["code"]) for s in seeded} <= found


scale_spec = importlib.util.spec_from_file_location("scale", ROOT / "benchmarks" / "scale.py")
scale = importlib.util.module_from_spec(scale_spec)
scale_spec.loader.exec_module(scale)


def test_the_scaled_published_package_validates_and_finds_its_seeds(tmp_path) -> None:
    clean = tmp_path / "clean"
    counts = scale.write_scaled(clean, 12_000)
    published = sum(1 for _ in open(ROOT / "data" / "events.csv", encoding="utf-8")) - 1
    assert counts["events"] >= 2 * published  # replicated, not just copied
    assert [i.as_dict() for i in validate(clean).issues] == []
    seeded_pkg = tmp_path / "seeded"
    scale.write_scaled(seeded_pkg, 12_000, seed_errors=True)
    seeded = json.loads((seeded_pkg / "seeded-errors.json").read_text(encoding="utf-8"))
    found = {(i.path, i.line, i.code) for i in validate(seeded_pkg).issues}
    assert {(s["path"], s["line"], s["code"]) for s in seeded} <= found
