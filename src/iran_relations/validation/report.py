"""A validation report: the issues of one run, with text, JSON and GitHub renderings."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from .issues import Issue

__all__ = ["Report"]


@dataclass
class Report:
    """All issues of one validation run, in file order."""

    issues: list[Issue] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not any(i.severity == "error" for i in self.issues)

    @property
    def exit_code(self) -> int:
        return int(not self.valid)

    def flatten(self) -> list[tuple[str, int | None, str | None, str]]:
        """(path, line, field, code) for each issue: what tests assert on."""
        return [(i.path, i.line, i.field, i.code) for i in self.issues]

    def codes(self) -> set[str]:
        return {i.code for i in self.issues}

    def to_json(self) -> str:
        return json.dumps(
            {"valid": self.valid, "issues": [i.as_dict() for i in self.issues]}, ensure_ascii=False, indent=2
        )

    def to_text(self) -> str:
        lines = []
        for i in self.issues:
            where = i.path if i.line is None else f"{i.path}:{i.line}"
            col = f" [{i.field}]" if i.field else ""
            lines.append(f"{where}:{col} {i.severity} {i.code}: {i.message}")
        lines.append(self.summary())
        return "\n".join(lines)

    def summary(self) -> str:
        if not self.issues:
            return "valid: no issues found"
        errors = sum(i.severity == "error" for i in self.issues)
        warnings = len(self.issues) - errors
        by_code = Counter(i.code for i in self.issues)
        by_file = Counter(i.path for i in self.issues)
        head = "valid" if self.valid else "INVALID"
        codes = ", ".join(f"{c} {n}" for c, n in by_code.most_common())
        files = ", ".join(f"{p} {n}" for p, n in by_file.most_common())
        return f"{head}: {errors} error(s), {warnings} warning(s) in {len(by_file)} file(s) ({files}); by code: {codes}"

    def to_github(self) -> str:
        out = []
        for i in self.issues:
            props = [f"file={_prop(i.path)}"]
            if i.line is not None:
                props.append(f"line={i.line}")
            props.append(f"title={_prop(i.code + (' [' + i.field + ']' if i.field else ''))}")
            out.append(f"::{i.severity} {','.join(props)}::{_data(i.message)}")
        out.append(self.summary())
        return "\n".join(out)


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")
