"""iran-relations: Iran's relations with the United States, the Taliban, al-Qaeda and the Shia
parties and militias of Afghanistan and Iraq since 1979, as a typed, sourced data package.

>>> import iran_relations
>>> ds = iran_relations.load()          # the release bundled with this package
>>> ds.actors["yunus-qanuni"].name
'Yunus Qanuni'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import read_version

__version__ = read_version()
__all__ = [
    "__version__",
    "load",
    "validate",
    "Dataset",
    "PartialDate",
    "IranRelationsError",
    "LoadError",
    "DescriptorError",
    "UnknownID",
    "PartialDateError",
]

if TYPE_CHECKING:
    from .dataset import Dataset, load
    from .schema.partial_date import PartialDate
    from .validation.pipeline import validate


def __getattr__(name: str) -> Any:
    # Import lazily so `import iran_relations` stays fast and pulls in nothing it does not need.
    if name in ("load", "Dataset"):
        from . import dataset

        return getattr(dataset, name)
    if name == "validate":
        from .validation.pipeline import validate

        return validate
    if name in ("PartialDate", "PartialDateError"):
        from .schema import partial_date

        return getattr(partial_date, name)
    if name == "IranRelationsError":
        from .errors import IranRelationsError

        return IranRelationsError
    if name == "LoadError":
        from .dataset import LoadError

        return LoadError
    if name == "DescriptorError":
        from .schema.table_schema import DescriptorError

        return DescriptorError
    if name == "UnknownID":
        from .tables import UnknownID

        return UnknownID
    raise AttributeError(f"module 'iran_relations' has no attribute {name!r}")
