"""The site in a real browser (Debian's chromium, headless, driven by Playwright).

The home page, a roster page and an actor page render with no console error; the site's search
finds an actor by another spelling; and text from the data that looks like markup or script shows
as text and runs nothing. The site is built once, from a copy of docs/ that adds one actor page
generated from hostile text, and served on loopback.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"
)

# Flags for a machine with no outside network: no background requests, no sandbox as root.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOSTILE_NAME = "<b>Bold</b> [link](javascript:alert(1))"
HOSTILE_TEXT = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> **not bold**'


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    pytest.importorskip("playwright")
    import iran_relations
    from iran_relations.site import actor_pages

    project = tmp_path_factory.mktemp("project")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for hook in ("docs_hooks/site_pages.py", "docs_hooks/site_figures.py", "docs_hooks/site_explorer.py"):
        assert hook in config
        config = config.replace(hook, str(ROOT / hook))
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copy(ROOT / "CHANGELOG.md", project / "CHANGELOG.md")  # included by docs/changelog.md
    ds = iran_relations.load(ROOT)
    actor = next(iter(ds.actors.values())).model_copy(update={"name": HOSTILE_NAME, "description": HOSTILE_TEXT})
    (project / "docs" / "actors").mkdir(exist_ok=True)
    (project / "docs" / "actors" / "hostile-test.md").write_text(actor_pages.actor_page(ds, actor), encoding="utf-8")
    site = project / "site"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stderr
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _open(browser, url: str):
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, wait_until="networkidle")
    return page, errors


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/", "iran-relations"),
        ("/rosters/afghan-interim-administration/", "Afghan Interim Administration"),
        ("/actors/yunus-qanuni/", "Yunus Qanuni"),
        ("/timeline/", "Timeline"),
        ("/relations/", "Ties around Iran"),
    ],
)
def test_pages_render_without_console_errors(browser, server: str, path: str, heading: str) -> None:
    page, errors = _open(browser, server + path)
    assert page.inner_text("h1").rstrip().rstrip("¶").strip() == heading
    assert errors == []
    page.close()


def test_search_finds_an_actor_by_another_spelling(browser, server: str) -> None:
    page, errors = _open(browser, server + "/")
    wanted = '.md-search-result__item a[href*="actors/yunus-qanuni"]'
    # Typed as keystrokes, as a reader would (the search reacts to key events). The index is built
    # in a web worker after the page loads, slowly on a busy machine: type again until it answers.
    box = "input.md-search__input"  # the header's search box, on a desktop-sized page
    found = None
    for _ in range(6):
        page.click(box)
        page.keyboard.press("Control+A")
        page.keyboard.press("Backspace")
        page.keyboard.type("Younus Qanooni", delay=20)
        try:
            found = page.wait_for_selector(wanted, timeout=10_000, state="attached")
            break
        except Exception:
            continue
    assert found is not None, "the search never listed Yunus Qanuni's page"
    assert errors == []
    page.close()


def test_hostile_text_shows_as_text_and_runs_nothing(browser, server: str) -> None:
    page, errors = _open(browser, server + "/actors/hostile-test/")
    assert page.inner_text("h1").rstrip().rstrip("¶").strip() == HOSTILE_NAME
    body = page.inner_text("article")
    assert HOSTILE_TEXT in body
    assert page.evaluate("window.__pwned") is None
    assert page.locator("article a[href^='javascript']").count() == 0
    assert page.locator("article b, article strong, article script, article img").count() == 0
    assert errors == []
    page.close()


def test_the_event_list_filters_as_you_type(browser, server: str) -> None:
    page, errors = _open(browser, server + "/timeline/")
    rows = page.locator("article table").last.locator("tbody tr")  # the list follows the per-year table
    total = rows.count()
    assert total > 0
    page.fill("#event-filter", "Bonn")
    visible = [r for r in rows.all() if r.is_visible()]
    assert 0 < len(visible) < total
    assert all("bonn" in r.inner_text().lower() for r in visible)
    page.fill("#event-filter", "")
    assert sum(1 for r in rows.all() if r.is_visible()) == total
    assert errors == []
    page.close()


@pytest.mark.parametrize("body", ["afghan-interim-administration", "iraqi-governing-council"])
def test_a_roster_fits_a_laptop_screen_and_becomes_cards_on_a_phone(browser, server: str, body: str) -> None:
    """At 1280 px every column (post to sources) is on screen with no horizontal scrolling and rows
    stay short; at 390 px each seat is a card with its certainty and sources named."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server}/rosters/{body}/", wait_until="networkidle")
    table = page.locator(".roster table").first
    headers = [h.strip() for h in table.locator("thead th").all_inner_texts()]
    assert headers == ["post", "held by", "seat of / community", "from", "to", "certainty", "sources"]
    box = table.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 1280
    wrap = page.evaluate(
        "el => el.scrollWidth - el.clientWidth",
        table.element_handle().evaluate_handle("t => t.closest('.md-typeset__scrollwrap') || t.parentElement"),
    )
    assert wrap <= 1
    heights = [r.bounding_box()["height"] for r in table.locator("tbody tr").all()]
    assert max(heights) < 90  # no row runs to several screens of sources
    # a source number leads to its entry at the foot of the page
    first = table.locator("tbody tr td:nth-child(7) a").first
    target = first.get_attribute("href")
    assert target.startswith("#source-") and page.locator(target).count() == 1
    page.close()
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    phone.goto(f"{server}/rosters/{body}/", wait_until="networkidle")
    table = phone.locator(".roster table").first
    assert not table.locator("thead").is_visible()
    cell = table.locator("tbody tr").first.locator("td:nth-child(6)")
    assert cell.evaluate("td => getComputedStyle(td, '::before').content") == '"certainty: "'
    assert table.bounding_box()["width"] <= 390
    phone.close()


def test_the_ties_explorer_follows_its_year_and_filters_and_links_to_actors(browser, server: str) -> None:
    """The count of ties shown is the relation–year panel's for that year; unticking a kind of tie
    or a certainty removes exactly those ties; clicking an actor opens its page."""
    import iran_relations

    panel = iran_relations.load(ROOT).relation_years()
    panel = panel[panel["source_id"] != panel["target_id"]]
    page, errors = _open(browser, server + "/explorer/")
    page.wait_for_selector("#explorer[data-ready='1']")

    def shown() -> int:
        return int(page.inner_text("#explorer-count").split()[0])

    for year in (1995, 2001, 2015):
        page.locator("#explorer-year").fill(str(year))
        assert shown() == panel[panel["year"] == year]["relation_id"].nunique()
        assert page.inner_text("#explorer-year-shown") == str(year)
    year_rows = panel[panel["year"] == 2015]
    page.uncheck("#explorer-groups input[value='support']")
    assert shown() == year_rows[year_rows["group"] != "support"]["relation_id"].nunique()
    page.uncheck("#explorer-certainty input[value='alleged']")
    kept = year_rows[(year_rows["group"] != "support") & (year_rows["certainty"] != "alleged")]
    assert shown() == kept["relation_id"].nunique()
    page.check("#explorer-groups input[value='support']")
    page.check("#explorer-certainty input[value='alleged']")
    page.set_viewport_size({"width": 1280, "height": 1100})
    page.locator("#explorer-graph").scroll_into_view_if_needed()
    page.evaluate("() => document.getElementById('explorer').explorer.resize()")  # let it re-measure its frame
    page.wait_for_timeout(200)
    box = page.locator("#explorer-graph").bounding_box()
    spot = page.evaluate("() => document.getElementById('explorer').explorer.$id('iran').renderedPosition()")
    page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])
    # Iran's node, or one drawn over it where the layout packs the hub tightly: an actor page opens.
    page.wait_for_url("**/actors/**")
    opened = page.url.rstrip("/").rsplit("/", 1)[-1]
    actors = iran_relations.load(ROOT).actors
    assert page.inner_text("h1").rstrip().rstrip("¶").strip() == actors[opened].name
    assert errors == []
    page.close()
