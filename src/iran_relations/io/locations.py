"""Where the data package lives: bundled in the wheel, or the checkout this code runs from."""

from __future__ import annotations

from pathlib import Path

__all__ = ["DESCRIPTOR", "bundled_root", "resolve_root"]

DESCRIPTOR = "datapackage.json"

_PACKAGE = Path(__file__).resolve().parent.parent  # the iran_relations folder
# In the wheel, hatchling copies datapackage.json, data/ and schemas/ here (see pyproject.toml).
_WHEEL_ROOT = _PACKAGE / "_package"
# In a checkout (editable install or PYTHONPATH=src), the package root is two levels up from src/.
_CHECKOUT_ROOT = _PACKAGE.parent.parent


def bundled_root() -> Path:
    """Return the root of the data package that ships with this code.

    A checkout wins over a bundled copy, so that an editable install always sees the working tree.
    """
    if _PACKAGE.parent.name == "src" and (_CHECKOUT_ROOT / DESCRIPTOR).is_file():
        return _CHECKOUT_ROOT
    return _WHEEL_ROOT


def resolve_root(path: str | Path | None) -> Path:
    """Return the package root for ``path``: a folder holding datapackage.json, or the descriptor itself."""
    if path is None:
        return bundled_root()
    p = Path(path)
    if p.name == DESCRIPTOR or p.suffix == ".json":
        return p.parent
    return p
