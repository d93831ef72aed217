"""The documentation site's pages that the package makes: Markdown text keyed by its path under
``docs/``.

Two kinds. The pages made from the data (actor pages, rosters, the data dictionary, the sources
page, the timeline and "Ties around Iran") change with every row: the mkdocs hook in
``docs_hooks/`` builds them each time the site is built and they are never committed. The pages
made from the code and the schemas alone (the validation codes, the command line, how to cite) are
committed and checked for drift by ``make test`` (``scripts/generate.py``).
"""

from __future__ import annotations

from pathlib import Path

from . import actor_pages, cite_page, cli_page, codes_page, dictionary, figures, rosters, sources_page

__all__ = ["FOLDERS", "committed_pages", "data_pages"]

# Folders whose pages are one per row: a page whose row is gone is removed when pages are written.
FOLDERS = (actor_pages.FOLDER, dictionary.FOLDER)


def data_pages(root: Path) -> dict[str, str]:
    """Every page made from the data of the package at ``root``."""
    made: dict[str, str] = {}
    made.update(actor_pages.pages(root))
    made.update(rosters.pages(root))
    made.update(dictionary.pages(root))
    made.update(figures.pages(root))
    made[sources_page.TARGET] = sources_page.render(root)
    return made


def committed_pages(root: Path) -> dict[str, str]:
    """The pages made from the code and the schemas of the checkout at ``root``."""
    return {
        codes_page.TARGET: codes_page.render(root),
        cli_page.TARGET: cli_page.render(),
        cite_page.TARGET: cite_page.render(root),
    }
