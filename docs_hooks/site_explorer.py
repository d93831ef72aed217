"""mkdocs hook: the data of the ties explorer (docs/explorer.md), written while the site builds.

``explorer/ties.json`` holds every actor in a tie, and every tie with the years it was active (from
the relation–year panel, possible years apart), its group and certainty and its sources, so the
page can show any year without a server. Nothing is written into docs/ and nothing is fetched.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

import iran_relations

ROOT = Path(__file__).resolve().parent.parent
PATH = "explorer/ties.json"


def explorer_data(ds: Any) -> dict[str, Any]:
    """Actors, ties and the controls' values, as the explorer page reads them."""
    panel = ds.relation_years()
    stated: dict[str, list[int]] = {}
    possible: dict[str, list[int]] = {}
    for rid, year, only in zip(panel["relation_id"], panel["year"], panel["possible_only"], strict=True):
        (possible if bool(only) else stated).setdefault(rid, []).append(int(year))
    field = ds.spec.table("relations").field("relation_type")
    groups = {c.value: c.group for c in field.categories}
    ties, used = [], set()
    for r in ds.relations.values():
        sources = []
        for c in ds.citations_for(r):
            sources.append(
                {"title": c.title, "publisher": c.publisher, "published": str(c.published or ""), "url": c.url or ""}
            )
        ties.append(
            {
                "id": r.relation_id,
                "source": r.source_id,
                "target": r.target_id,
                "type": r.relation_type,
                "group": groups.get(r.relation_type),
                "certainty": r.certainty,
                "description": r.description,
                "years": sorted(stated.get(r.relation_id, [])),
                "possible": sorted(possible.get(r.relation_id, [])),
                "sources": sources,
            }
        )
        used.update((r.source_id, r.target_id))
    actors = {
        a.actor_id: {"name": a.name, "type": a.actor_type, "side": ds.top_level(a.actor_id).actor_id}
        for a in ds.actors.values()
        if a.actor_id in used
    }
    years = sorted({int(y) for y in panel["year"]})
    return {
        "version": ds.version,
        "years": [years[0], years[-1]] if years else [],
        "groups": sorted({g for g in groups.values() if g}, key=list(dict.fromkeys(groups.values())).index),
        "certainties": list(ds.spec.table("relations").field("certainty").enum or ()),
        "actors": actors,
        "ties": ties,
    }


def on_files(files: Files, config) -> Files:
    ds = iran_relations.load(ROOT)
    content = json.dumps(explorer_data(ds), ensure_ascii=False, separators=(",", ":"))
    files.append(File.generated(config, PATH, content=content))
    return files
