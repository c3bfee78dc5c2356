"""`regiongraph ingest`: new articles into data/articles/, all or nothing, then built."""

from __future__ import annotations

import hashlib
import io
import shutil
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from regiongraph.cli import main
from regiongraph.query import open_store

from .conftest import ROOT

#: A small article: two governors, their regions and a meeting.
ARTICLE = ("Губернаторы обсудили сотрудничество\n\n"
           "Губернатор Новосибирской области Андрей Травников встретился с губернатором Кузбасса "
           "Ильёй Середюком в Новосибирске. Стороны обсудили сотрудничество регионов в сфере "
           "промышленности.\n")
ARTICLE_ID = "004_" + hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest()[:16]
SEEDS = ["000_7bb269fab435b68d.txt", "000_7bb269fab435b68d.yaml",
         "003_5f773bcd8c98d1a8.txt", "003_5f773bcd8c98d1a8.yaml"]
ENTITIES = "data/entities"


def copy_project(folder: Path) -> Path:
    """What the `project` fixture makes, for fixtures shared by a module."""
    for name in ("ontology", "data", "queries"):
        shutil.copytree(ROOT / name, folder / name)
    return folder


def run(*args: str) -> tuple[int, str, str]:
    """The CLI's exit code, stdout and stderr, outside pytest's function-scoped capsys."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def listing(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in (root / "data").rglob("*"))


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """A project with the article ingested: its root, the source file and the CLI's output."""
    root = copy_project(tmp_path_factory.mktemp("ingest"))
    source = root / "incoming" / "governors.txt"
    source.parent.mkdir()
    source.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run("ingest", str(source), "--date", "2025-03-14", "--publisher", "Сибдепо",
                         "--root", str(root))
    assert (code, err) == (0, "")
    return root, source, out


@pytest.fixture
def here(project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project copy as the working directory, so that messages show short relative paths."""
    monkeypatch.chdir(project)
    (project / "incoming").mkdir()
    return project


def test_ingest_writes_the_text_verbatim_and_its_metadata(ingested):
    root, source, out = ingested
    assert out == f"ingested {source} as {ARTICLE_ID}\n"
    assert "004_" + hashlib.sha256(source.read_bytes()).hexdigest()[:16] == ARTICLE_ID
    articles = root / "data" / "articles"
    assert sorted(p.name for p in articles.iterdir()) == sorted(
        [*SEEDS, f"{ARTICLE_ID}.txt", f"{ARTICLE_ID}.yaml"])
    assert (articles / f"{ARTICLE_ID}.txt").read_bytes() == source.read_bytes()
    assert (articles / f"{ARTICLE_ID}.yaml").read_text(encoding="utf-8") == (
        f"id: {ARTICLE_ID}\n"
        "title: Губернаторы обсудили сотрудничество\n"
        "date: '2025-03-14'\n"
        "language: ru\n"
        "publisher: sibdepo\n"  # the name «Сибдепо» resolved to the registry's id
        "note: Ingested from governors.txt with `regiongraph ingest`.\n")


def test_same_text_again_is_skipped(ingested):
    root, source, _ = ingested
    before = listing(root)
    copy = source.with_name("copy.txt")
    copy.write_bytes(source.read_bytes())
    assert run("ingest", str(source), str(copy), "--date", "2025", "--root", str(root)) == (
        0, f"already ingested as {ARTICLE_ID}: {source}\n"
           f"already ingested as {ARTICLE_ID}: {copy}\n", "")
    assert listing(root) == before


def test_build_extracts_the_new_article(ingested):
    root, _, _ = ingested
    out = root / "out"
    code, _, err = run("build", "--root", str(root), "--out", str(out))
    assert (code, err) == (0, "")
    rows = open_store(out / "graph.nq").query(f"""
        PREFIX rg: <https://w3id.org/regiongraph/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?holder ?post ?org WHERE {{
          GRAPH <https://w3id.org/regiongraph/graph/extracted> {{
            ?fact a rg:PostHolding ; rg:holder ?holder ; rg:post ?post ; rg:organisation ?org ;
                  prov:wasDerivedFrom <https://w3id.org/regiongraph/article/{ARTICLE_ID}> .
          }}
        }}""")
    found = sorted(tuple(str(row[v].value).rsplit("/", 1)[-1] for v in ("holder", "post", "org"))
                   for row in rows)
    assert found == [("ilya-seredyuk", "governor", "kuzbass"),
                     ("x-per-andrey-travnikov", "governor", "x-loc-novosibirskaya-oblast")]


def test_numbers_follow_the_highest_one_and_title_comes_from_the_option(here):
    first, second = here / "incoming" / "a.txt", here / "incoming" / "b.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text("Вторая статья.\nГубернатор Кузбасса Илья Середюк.\n", encoding="utf-8")
    assert run("ingest", str(first), str(second), "--date", "2025-06")[0] == 0
    third = here / "incoming" / "c.txt"
    third.write_text("Третья статья о Кузбассе.\n", encoding="utf-8")
    code, out, _ = run("ingest", "incoming/c.txt", "--date", "2025-06", "--title", "Статья",
                       "--author", "matvey-romanov", "--url", "https://example.org/c")
    third_id = "006_" + hashlib.sha256(third.read_bytes()).hexdigest()[:16]
    assert (code, out) == (0, f"ingested incoming/c.txt as {third_id}\n")
    names = sorted(p.name for p in (here / "data" / "articles").glob("*.yaml"))
    assert [name[:4] for name in names] == ["000_", "003_", "004_", "005_", "006_"]
    assert names[2] == f"{ARTICLE_ID}.yaml"
    assert (here / "data" / "articles" / f"{third_id}.yaml").read_text(encoding="utf-8") == (
        f"id: {third_id}\ntitle: Статья\ndate: 2025-06\nlanguage: ru\nauthor: matvey-romanov\n"
        "url: https://example.org/c\nnote: Ingested from c.txt with `regiongraph ingest`.\n")


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty article: no text to extract from"),
    (b"  \n\n", "empty article: no text to extract from"),
    (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "binary file (NUL bytes): not a text article"),
    ("Статья".encode("cp1251"), "not UTF-8 text (invalid byte at offset 0); convert the "
                                "article to UTF-8"),
    (b"The governor of Kuzbass met the governor of Novosibirsk Oblast.\n",
     "not Russian text: only articles in Russian can be ingested"),
], ids=["empty", "blank", "binary", "cp1251", "english"])
def test_bad_file_writes_nothing(here, content, message):
    good, bad = here / "incoming" / "good.txt", here / "incoming" / "bad.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    bad.write_bytes(content)
    before = listing(here)
    assert run("ingest", str(good), str(bad), "--date", "2025-03-14") == (
        1, "", f"error: incoming/bad.txt: {message}\n")
    assert listing(here) == before


def test_title_with_two_files_is_a_usage_error(here):
    files = [here / "incoming" / "a.txt", here / "incoming" / "b.txt"]
    for number, path in enumerate(files):
        path.write_text(f"Статья номер {number}.\n", encoding="utf-8")
    before = listing(here)
    assert run("ingest", *map(str, files), "--date", "2025", "--title", "Заголовок") == (
        2, "", "error: --title and --url describe one article: give them with one file only\n")
    assert listing(here) == before


@pytest.mark.parametrize(("option", "value"), [("--publisher", "Рога и копыта"),
                                               ("--author", "ivan-unknown")])
def test_unknown_publisher_or_author(here, option, value):
    (here / "incoming" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    before = listing(here)
    assert run("ingest", "incoming/a.txt", "--date", "2025", option, value) == (
        1, "", f"error: {ENTITIES}: {option[2:]} '{value}' is neither the id nor a name of an "
               "entity of the registry: add it to data/entities/\n")
    assert listing(here) == before


@pytest.mark.parametrize(("date", "message"), [
    ("14.03.2025", "--date: '14.03.2025' is not a date; use one of YYYY, YYYY-MM, YYYY-MM-DD, "
                   "YYYY-spring|summer|autumn|winter, YYYY-Q1..Q4, YYYY-H1|H2, START/END"),
    ("2025-summer", "--date: an article has one date (YYYY, YYYY-MM or YYYY-MM-DD), not the "
                    "period '2025-summer'"),
])
def test_bad_date_is_a_usage_error(here, date, message):
    (here / "incoming" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert run("ingest", "incoming/a.txt", "--date", date) == (2, "", f"error: {message}\n")


def test_missing_file_is_a_usage_error(here):
    assert run("ingest", "incoming/none.txt", "--date", "2025") == (
        2, "", "error: no such file: incoming/none.txt\n")


def test_failed_write_removes_what_the_run_wrote(here, monkeypatch, capsys):
    import regiongraph.ingest as ingest_module

    real = ingest_module.write_atomically
    calls = []

    def fail_second(folder: Path, files: dict[str, bytes]) -> list[Path]:
        calls.append(sorted(files))
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(folder, files)

    monkeypatch.setattr(ingest_module, "write_atomically", fail_second)
    (here / "incoming" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    before = listing(here)
    assert main(["ingest", "incoming/a.txt", "--date", "2025"]) == 1
    assert capsys.readouterr().err == "error: [Errno 28] No space left on device\n"
    assert calls == [[f"{ARTICLE_ID}.txt"], [f"{ARTICLE_ID}.yaml"]]
    assert listing(here) == before


def test_project_that_no_longer_loads_is_rolled_back(here, monkeypatch):
    import regiongraph.ingest as ingest_module
    from regiongraph.errors import DataError

    real = ingest_module.load_corpus
    loads = []

    def fail_after_writing(paths, vocab):
        loads.append(sorted(p.name for p in paths.articles.iterdir()))
        if len(loads) == 2:
            raise DataError(paths.articles / f"{ARTICLE_ID}.yaml", "broken on purpose")
        return real(paths, vocab)

    monkeypatch.setattr(ingest_module, "load_corpus", fail_after_writing)
    (here / "incoming" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    before = listing(here)
    assert run("ingest", "incoming/a.txt", "--date", "2025") == (
        1, "", f"error: data/articles/{ARTICLE_ID}.yaml: broken on purpose\n")
    assert loads[1] == sorted([*SEEDS, f"{ARTICLE_ID}.txt", f"{ARTICLE_ID}.yaml"])
    assert listing(here) == before
