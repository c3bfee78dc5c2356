"""The page's HTML as text: nothing loaded from outside, licences kept, data cannot break out.

These need no browser, so they run everywhere.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from regiongraph.view.page import render_page

FIXTURE = Path(__file__).parent / "fixtures" / "view_model.json"


@pytest.fixture(scope="module")
def model() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


_RESOURCE_TAG = re.compile(r"<(script|link|img|iframe|source|audio|video|embed|object)\b[^>]*>",
                           re.IGNORECASE)
_URL_ATTRIBUTE = re.compile(r"\b(?:src|href|data|srcset)\s*=\s*[\"']?\s*([^\"'\s>]+)",
                            re.IGNORECASE)


def test_render_page_loads_nothing_and_credits_vis_network(model: dict) -> None:
    html = render_page(model, "Граф")
    for tag in _RESOURCE_TAG.finditer(html):
        for url in _URL_ATTRIBUTE.findall(tag.group()):
            assert not url.lower().startswith(("http://", "https://", "//")), tag.group()
    assert "<link" not in html.lower()
    assert not re.search(r"url\(\s*[\"']?(https?:)?//", html)
    assert "@import" not in html
    assert "vis.js is dual licensed under both" in html  # the licence header kept verbatim
    assert "@copyright (c) 2011-2017 Almende B.V" in html
    assert "vis-network © Almende B.V. &amp; visjs contributors, Apache-2.0/MIT" in html
    assert "default-src &#39;none&#39;" in html  # the CSP, attribute-escaped


def test_embedded_json_cannot_be_broken_out_of(model: dict) -> None:
    hostile = copy.deepcopy(model)
    hostile["nodes"][0]["label"]["ru"] = "</script><script>window.__xss=9</script><!--"
    hostile["nodes"][0]["aliases"].append("</SCRIPT >")
    html = render_page(hostile, "<b>Граф</b> & </title>")
    assert "</script><script>window.__xss=9" not in html
    assert "</SCRIPT >" not in html
    assert "<title>&lt;b&gt;Граф&lt;/b&gt; &amp; &lt;/title&gt;</title>" in html
    block = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html,
                      re.DOTALL)
    assert block is not None
    assert json.loads(block.group(1)) == hostile
