"""mkdocs hook: the pages made from the data, written while the site builds, never committed.

Actor pages, rosters, the sources page, the timeline, "Ties around Iran" and the data dictionary
(its row counts) change with every row; committed, they made two contributors' pull requests
collide on text neither wrote. They are now built here from data/ and the schemas each time the
site is built (``make build``, ``mkdocs serve``), so a data-only pull request touches only data/.
``make test`` still builds the site strictly (tests/test_site.py). The generators stay in
scripts/; run by hand they still write their pages into docs/, where git ignores them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
sys.path.insert(0, str(ROOT / "scripts"))  # mkdocs restores sys.path once the hook is loaded: import now

import figures  # noqa: E402
import generate_actor_pages  # noqa: E402
import generate_data_dictionary  # noqa: E402
import generate_rosters  # noqa: E402
import generate_sources_page  # noqa: E402

__all__ = ["data_pages"]


def data_pages() -> dict[str, str]:
    """Every page made from the data, by its path under docs/."""
    made: dict[Path, str] = {}
    made.update(generate_actor_pages.pages())
    made.update(generate_rosters.pages())
    made.update(generate_data_dictionary.pages())
    made.update(figures.pages())
    made[generate_sources_page.TARGET] = generate_sources_page.render()
    return {path.relative_to(DOCS).as_posix(): text for path, text in made.items()}


def on_files(files: Files, config) -> Files:
    for uri, text in data_pages().items():
        stale = files.get_file_from_path(uri)
        if stale is not None:  # a copy left on disk by an older checkout: the data's page wins
            files.remove(stale)
        files.append(File.generated(config, uri, content=text))
    return files
