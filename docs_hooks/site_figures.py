"""mkdocs hook: draw the site's figures from the data while the site builds.

The figures (scripts/figures.py) become files of the site under ``figures/``; nothing is written
into docs/ and nothing is fetched. The pages that show them are generated and committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))  # mkdocs restores sys.path once the hook is loaded: import now

import figures  # noqa: E402

import iran_relations  # noqa: E402


def on_files(files: Files, config) -> Files:
    ds = iran_relations.load(ROOT)
    for path, content in figures.svgs(ds).items():
        files.append(File.generated(config, path, content=content))
    return files
