"""Every competency query's answer on the seed data, row by row, against gold files.

The gold files (tests/gold/<query>.tsv, W3C SPARQL TSV) were read by eye against the articles.
After an intended change of data or queries, regenerate them with
`REGIONGRAPH_UPDATE_GOLD=1 python -m pytest tests/test_queries.py` and review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from regiongraph.query import format_result, open_store, run

from . import seed
from .conftest import ROOT

GOLD = Path(__file__).parent / "gold"
QUERIES = sorted((ROOT / "queries").glob("*.rq"))
REQUIRED_VARIABLES = {
    "officials": "person personLabel post postLabel org orgLabel start end attested source",
    "events": "event eventLabel eventType date place placeLabel participant participantLabel "
              "source",
    "projects": "project projectLabel stage location locationLabel partner partnerLabel amount "
                "currency date source",
    "trade": "from fromLabel to toLabel product productLabel source",
    "turnover": "turnover party partyLabel amount currency date dateEnd source",
    "cooperation": "party partyLabel partner partnerLabel area areaLabel source",
    "statements": "speaker speakerLabel text source",
    "timeline": "date item itemLabel itemType",
    "provenance": "fact factType source sourceTitle quote",
    "central": "entity entityLabel class betweenness degree community",
    "links": "entity entityLabel wikidata geonames iso",
    "extracted": "source fact kind confidence curated quote start end",
}


@pytest.fixture(scope="module")
def store(built):
    return open_store(built / "graph.nq")


def answer(store, name: str, fmt: str = "tsv") -> str:
    path = ROOT / "queries" / f"{name}.rq"
    return format_result(run(store, path.read_text(encoding="utf-8"), str(path)), fmt)


def rows(store, name: str) -> list[dict[str, str]]:
    """The answer as dicts of plain values (TSV terms without quotes, tags and datatypes)."""
    lines = answer(store, name).splitlines()
    header = [v.lstrip("?") for v in lines[0].split("\t")]
    plain = [re.sub(r'^"(.*)"(@[a-z-]+|\^\^<[^>]+>)?$|^<(.*)>$', r"\1\3", cell)
             for line in lines[1:] for cell in line.split("\t")]
    width = len(header)
    return [dict(zip(header, plain[i:i + width], strict=True)) for i in range(0, len(plain), width)]


def test_the_queries_are_the_competency_questions():
    assert sorted(q.stem for q in QUERIES) == sorted(REQUIRED_VARIABLES)


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.stem)
def test_query_has_a_description_and_the_required_variables(query):
    text = query.read_text(encoding="utf-8")
    assert text.startswith("#+ summary: ")
    select = re.search(r"SELECT(.*?)WHERE", text, re.S).group(1)
    variables = set(re.findall(r"\?(\w+)", select))
    assert set(REQUIRED_VARIABLES[query.stem].split()) <= variables


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.stem)
def test_answer_matches_gold_row_by_row(store, query):
    got = answer(store, query.stem).splitlines()
    gold = GOLD / f"{query.stem}.tsv"
    if os.environ.get("REGIONGRAPH_UPDATE_GOLD"):
        gold.parent.mkdir(exist_ok=True)
        gold.write_text("\n".join(got) + "\n", encoding="utf-8")
    assert got == gold.read_text(encoding="utf-8").splitlines()


def test_each_article_names_its_own_head_of_kuzbass(store):
    heads = [(r["attested"], r["personLabel"]) for r in rows(store, "officials")
             if r["post"].endswith("/governor") and r["org"].endswith("/kuzbass")]
    assert heads == [("2024-01", "Сергей Цивилев"), ("2025-06", "Илья Середюк")]


def test_the_second_stage_has_its_investment_and_planned_period(store):
    found = {(r["stage"], r["amount"], r["currency"], r["date"], r["dateEnd"], r["attested"])
             for r in rows(store, "projects")
             if r["project"].endswith("/belaz-centre-second-stage")}
    assert found == {
        ("under-construction", "", "", "", "", "2024-01"),
        ("under-construction", "1200000000", "RUB", "2025-07", "2025-12", "2025-06"),
    }


def test_trade_goes_both_ways(store):
    flows = {(r["fromLabel"], r["toLabel"], r["productLabel"]) for r in rows(store, "trade")}
    assert ("Кузбасс", "Республика Беларусь", "уголь") in flows
    assert ("Республика Беларусь", "Кузбасс", "сельхозтехника") in flows


def test_a_turnover_names_both_parties_and_its_year(store):
    found = [(r["partyLabel"], r["date"], r["status"]) for r in rows(store, "turnover")]
    assert found == [("Промышленные предприятия Беларуси", "2023", "held"),
                     ("Угольные предприятия Кузбасса", "2023", "held")]


def test_meeting_participants_one_row_each(store):
    meeting = [(r["role"], r["participantLabel"]) for r in rows(store, "events")
               if r["event"].endswith("/meeting-tsivilev-krutoi-2024")]
    assert meeting == [("participant", "Дмитрий Крутой"), ("participant", "Сергей Цивилев")]


def test_every_quote_in_provenance_is_at_its_offsets(store):
    texts = {p.stem: p.read_text(encoding="utf-8")
             for p in (ROOT / "data" / "articles").glob("*.txt")}
    answer_rows = rows(store, "provenance")
    assert len(answer_rows) == seed.PROVENANCE_ROWS
    for row in answer_rows:
        text = texts[row["source"].rsplit("/", 1)[1]]
        quote = row["quote"].encode().decode("unicode_escape").encode("latin-1").decode()
        assert text[int(row["start"]):int(row["end"])] == quote
