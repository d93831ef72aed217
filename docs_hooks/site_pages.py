"""mkdocs hook: the pages made from the data, written while the site builds, never committed.

Actor pages, rosters, the sources page, the timeline, "Ties around Iran" and the data dictionary
(its row counts) change with every row; committed, they made two contributors' pull requests
collide on text neither wrote. They are now built here from data/ and the schemas each time the
site is built (``make build``, ``mkdocs serve``), so a data-only pull request touches only data/.
``make test`` still builds the site strictly (tests/test_site.py). The pages come from
:mod:`iran_relations.site`; ``python scripts/generate.py --data-pages`` writes them into docs/,
where git ignores them.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files

from iran_relations.site import data_pages

ROOT = Path(__file__).resolve().parent.parent


def on_files(files: Files, config) -> Files:
    for uri, text in data_pages(ROOT).items():
        stale = files.get_file_from_path(uri)
        if stale is not None:  # a copy left on disk by an older checkout: the data's page wins
            files.remove(stale)
        files.append(File.generated(config, uri, content=text))
    return files
