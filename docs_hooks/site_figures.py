"""mkdocs hook: draw the site's figures from the data while the site builds.

The figures (:mod:`iran_relations.site.figures`) become files of the site under ``figures/``;
nothing is written into docs/ and nothing is fetched.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File, Files

import iran_relations
from iran_relations.site import figures

ROOT = Path(__file__).resolve().parent.parent


def on_files(files: Files, config) -> Files:
    ds = iran_relations.load(ROOT)
    for path, content in figures.svgs(ds).items():
        files.append(File.generated(config, path, content=content))
    return files
