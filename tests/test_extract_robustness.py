"""`regiongraph extract` on hostile input: the exact messages and exit codes of the README,
bounded work on a list with no sentence end, page debris kept out of the facts, and output
that does not depend on `--jobs`.

The CLI runs in this process (`main([...])` with capsys), so Natasha loads once for the file
(about 2 s). The 5 MB article is timed in bench/bench_extract.py, not here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from regiongraph.cli import main
from regiongraph.extract import nlp
from regiongraph.extract.extractor import extract_text, records
from regiongraph.extract.text import hide_debris, mend_latin

from .conftest import ROOT

DEVSET = ROOT.parent / "shared" / "data" / "factrueval-2016" / "devset"
#: Devset articles with facts of several kinds (occupations with organisations, meetings).
DEVSET_FILES = ("book_100", "book_142", "book_147", "book_253", "book_290", "book_374")

RUSSIAN = ("Губернатор Кузбасса Сергей Цивилев встретился в Кемерове с послом Беларуси "
           "Борисом Грызловым.\nСтороны обсудили поставки угля.\n")

#: A list the segmenter sees as one 30,000-token sentence: word, comma, word, comma, ...
TOKEN_LIST = "слово, " * 15000


def extract(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["extract", "--no-registry", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- Files that are not articles -----------------------------------------------------------------


def test_empty_file(tmp_path, capsys):
    path = write(tmp_path, "empty.txt", " \n\n")
    code, out, err = extract(capsys, str(path))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"error: {path}: empty article: no text to extract from",
        "error: 1 of 1 file(s) could not be read",
    ]


def test_binary_file(tmp_path, capsys):
    path = write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    code, out, err = extract(capsys, str(path))
    assert (code, out) == (1, "")
    assert err.splitlines()[0] == f"error: {path}: binary file (NUL bytes): not a text article"


def test_invalid_utf8_names_the_byte_offset_in_the_file(tmp_path, capsys):
    # The bad byte lies past the first 8 KiB, where a chunked decoder would count from its
    # chunk: the offset must be the file's.
    prefix = ("Текст статьи. " * 700).encode("utf-8")
    path = write(tmp_path, "cp1251.txt", prefix + "Москва".encode("cp1251"))
    code, out, err = extract(capsys, str(path))
    assert (code, out) == (1, "")
    assert err.splitlines()[0] == (
        f"error: {path}: not UTF-8 text (invalid byte at offset {len(prefix)}); "
        "convert the article to UTF-8")


def test_bad_file_among_good_ones_writes_no_output(tmp_path, capsys):
    good = write(tmp_path, "good.txt", RUSSIAN)
    bad = write(tmp_path, "bad.txt", "")
    target = tmp_path / "facts.jsonl"
    code, out, err = extract(capsys, "--output", str(target), str(good), str(bad),
                             str(good))
    assert (code, out) == (1, "")
    assert err.splitlines()[-1] == "error: 1 of 3 file(s) could not be read; nothing was written"
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "good.txt"]  # no temp file


def test_output_is_written_when_all_files_are_good(tmp_path, capsys):
    good = write(tmp_path, "good.txt", RUSSIAN)
    target = tmp_path / "facts.jsonl"
    code, out, _ = extract(capsys, "--output", str(target), str(good))
    assert (code, out) == (0, "")
    code, printed, _ = extract(capsys, str(good))
    assert target.read_text(encoding="utf-8") == printed != ""


def test_missing_file_is_a_usage_error(tmp_path, capsys):
    good = write(tmp_path, "good.txt", RUSSIAN)
    missing = tmp_path / "missing.txt"
    code, out, err = extract(capsys, str(good), str(missing))
    assert (code, out) == (2, "")
    assert err == f"error: no such file: {missing}\n"


def test_english_text_gives_a_warning_and_no_facts(tmp_path, capsys):
    path = write(tmp_path, "english.txt", "The governor met the ambassador in Moscow on "
                                          "Monday to discuss coal supplies.\n")
    code, out, err = extract(capsys, str(path))
    assert (code, out) == (0, "")
    assert err == "warning: english: not Russian text; nothing extracted\n"


def test_a_bad_file_among_good_ones_in_worker_processes_names_itself(tmp_path, capsys):
    # The worker sends the file's error back pickled: it used to arrive as "an extraction
    # worker process died (out of memory?)", and the good file's facts were lost.
    good = write(tmp_path, "good.txt", RUSSIAN)
    bad = write(tmp_path, "bad.txt", "")
    _, alone, _ = extract(capsys, str(good))
    code, out, err = extract(capsys, "--jobs", "2", str(bad), str(good))
    assert code == 1
    assert out == alone != ""
    assert err.splitlines() == [f"error: {bad}: empty article: no text to extract from",
                                "error: 1 of 2 file(s) could not be read"]


def failing_rule(scope):
    """A rule with a bug: it fails on every sentence with a Tverskaya street in it."""
    if "Тверск" in scope.sentence.text:
        raise KeyError("no such role")
    return []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_rule_that_fails_is_named_with_its_sentence_and_the_run_goes_on(
        tmp_path, capsys, monkeypatch, jobs):
    from regiongraph.extract import extractor

    monkeypatch.setattr(extractor, "RULES", (*extractor.RULES, ("broken", failing_rule)))
    good = write(tmp_path, "good.txt", RUSSIAN)
    text = "Первая фраза.\nВстреча прошла на Тверской улице.\n"
    buggy = write(tmp_path, "buggy.txt", text)
    start = text.index("Встреча")
    _, alone, _ = extract(capsys, str(good))
    code, out, err = extract(capsys, "--jobs", jobs, str(buggy), str(good))
    assert code == 3
    assert out == alone != ""
    assert err.splitlines() == [
        f"error: buggy: rule broken failed on the sentence at characters {start}-"
        f"{text.index(chr(10), start)} (KeyError: 'no such role'); this is a bug in "
        "regiongraph, please report it with the article",
        "error: the extractor failed on 1 of 2 file(s)"]
    monkeypatch.setenv("REGIONGRAPH_DEBUG", "1")  # the rule's traceback, from any process
    code, _, err = extract(capsys, "--jobs", jobs, str(buggy), str(good))
    assert code == 3
    assert "Traceback (most recent call last):" in err
    assert 'raise KeyError("no such role")' in err
    monkeypatch.setenv("REGIONGRAPH_DEBUG", "0")
    assert "Traceback" not in extract(capsys, "--jobs", jobs, str(buggy))[2]


def test_an_unexpected_error_is_one_line_with_exit_code_3(capsys, monkeypatch):
    from regiongraph import cli

    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(cli, "build", broken)
    monkeypatch.delenv("REGIONGRAPH_DEBUG", raising=False)
    assert main(["build"]) == 3
    assert capsys.readouterr().err == (
        "error: ZeroDivisionError: division by zero; this is a bug in regiongraph, please "
        "report it (REGIONGRAPH_DEBUG=1 shows the traceback)\n")
    monkeypatch.setenv("REGIONGRAPH_DEBUG", "1")
    with pytest.raises(ZeroDivisionError):
        main(["build"])


# --- Long input ----------------------------------------------------------------------------------


def test_list_without_sentence_end_completes(tmp_path, capsys):
    path = write(tmp_path, "list.txt", TOKEN_LIST)
    code, _out, err = extract(capsys, str(path))
    assert code == 0
    assert "error" not in err


def test_list_without_sentence_end_is_cut_into_pieces():
    sentences = nlp.analyse(TOKEN_LIST)
    tokens = [t for s in sentences for t in s.tokens]
    assert len(tokens) == 30000
    assert max(len(s.tokens) for s in sentences) <= nlp.MAX_TOKENS
    assert len(sentences) >= 30000 // nlp.MAX_TOKENS
    for sentence in sentences:
        assert TOKEN_LIST[sentence.start:sentence.stop] == sentence.text
        assert [t.index for t in sentence.tokens] == list(range(len(sentence.tokens)))
        assert all(-1 <= t.head < len(sentence.tokens) for t in sentence.tokens)
    assert all(TOKEN_LIST[t.start:t.stop] == t.text for t in tokens)


# --- Page debris ---------------------------------------------------------------------------------

DEBRIS = ["×", "Поделиться", "ВКонтакте", "Telegram",
          "Фото: губернатор Кузбасса Сергей Цивилев / пресс-служба администрации"]


def test_debris_is_hidden_with_offsets_kept():
    text = "\n".join(["Уголь для Беларуси", *DEBRIS, RUSSIAN])
    hidden = hide_debris(text)
    assert len(hidden) == len(text)
    lines, kept = text.split("\n"), hidden.split("\n")
    assert [len(line) for line in kept] == [len(line) for line in lines]
    for line, after in zip(lines, kept, strict=True):
        assert after == (" " * len(line) if line in DEBRIS else line)


@pytest.mark.parametrize("text, mended", [
    ("встретился c главой", "встретился с главой"),  # a Latin «c» between Russian words
    ("Poссия и Бeлapусь", "Россия и Беларусь"),  # Latin twins inside Russian words
    ("фонд МLC и компания BP", "фонд МLC и компания BP"),  # Latin names stay
    ("c 2010 года", "c 2010 года"),  # one letter with no Russian word before it stays
    ("витамин C и класса A", "витамин C и класса A"),  # a capital: a Latin letter meant
])
def test_latin_twins_of_russian_letters_are_mended_letter_for_letter(text, mended):
    assert mend_latin(text) == mended


@given(st.text(alphabet="acoyekpxCBHMTаесорхуВМк и.,\n-1", max_size=60))
def test_mending_latin_keeps_length_and_changes_only_twins(text):
    twins = dict(zip("aceopxykACEHKMOPTXB", "асеорхукАСЕНКМОРТХВ", strict=True))
    mended = mend_latin(text)
    assert len(mended) == len(text)
    assert all(a == b or twins.get(a) == b for a, b in zip(text, mended, strict=True))


def test_a_latin_twin_does_not_hide_a_meeting_and_quotes_stay_verbatim():
    text = "Министр Иван Петров встретился c главой МИД Зеленограда Сергеем Смирновым в Москве."
    found = [(r["type"], [a["text"] for a in r["args"]]) for r in records(extract_text("t", text))]
    assert ("meeting", ["Иван Петров", "Сергей Смирнов", "Москва"]) in found
    text = "«Мы рады», — сказал Иван Петров c улыбкой."
    assert [(r["type"], [a["text"] for a in r["args"]]) for r in records(extract_text(
        "t", text))] == [("statement", ["Иван Петров", text])]


def test_debris_gives_no_mention_or_fact():
    text = "\n".join([*DEBRIS, RUSSIAN])
    debris_end = len("\n".join(DEBRIS))
    # Not vacuous: unhidden, the photo credit is a name and an occupation.
    raw = nlp.analyse(text)
    assert any(span.start < debris_end for s in raw for span in s.spans)
    result = extract_text("debris", text)
    mentions = [m for group in result.mentions for m in group]
    assert mentions  # the article's own names are still found
    assert all(m.start >= debris_end for m in mentions)
    assert result.facts
    assert all(a.start >= debris_end for f in result.facts for a in f.args)
    assert all(result.sentences[f.sentence].start >= debris_end for f in result.facts)


# --- Devset: jobs and offsets --------------------------------------------------------------------


@pytest.fixture(scope="module")
def devset_files() -> list[Path]:
    files = [DEVSET / f"{name}.txt" for name in DEVSET_FILES]
    if not all(f.is_file() for f in files):
        pytest.skip(f"the factRuEval-2016 devset is not in {DEVSET}")
    return files


def test_jobs_do_not_change_the_output(devset_files, capsys):
    paths = [str(f) for f in devset_files]
    one = extract(capsys, "--jobs", "1", *paths)
    two = extract(capsys, "--jobs", "2", *paths)
    assert one[0] == 0
    assert one[1] != ""
    assert two == one


def test_offsets_point_into_the_text(devset_files, capsys):
    code, out, _ = extract(capsys, *map(str, devset_files))
    assert code == 0
    texts = {}
    for path in devset_files:
        with open(path, encoding="utf-8") as handle:  # as the CLI's offsets count
            texts[path.stem] = handle.read()
    records = [json.loads(line) for line in out.splitlines()]
    roles = {a["role"] for r in records for a in r["args"]}
    assert {"who", "job"} <= roles
    for record in records:
        text = texts[record["doc"]]
        for arg in record["args"]:
            assert 0 <= arg["start"] < arg["end"] <= len(text), (record, arg)
            surface = text[arg["start"]:arg["end"]]
            assert surface == surface.strip(), (record, arg)
            # A post and a quote print their words as written; a name prints its normalised
            # form (`Scope.arg`: the entity's fullest name), so only its span is checked.
            if arg["role"] in ("job", "quote"):
                assert surface == arg["text"], (record, arg)


def die(item: object) -> None:
    """What the out-of-memory killer does to a worker (module level: workers get it pickled)."""
    import os

    os._exit(9)


def test_a_worker_that_dies_stops_the_run_with_an_error_not_a_hang(monkeypatch):
    from regiongraph.extract import run

    monkeypatch.setattr(run, "_one", die)
    items = [("a", "Текст.", None), ("b", "Текст.", None)]
    with pytest.raises(run.ExtractionError, match="worker process died"):
        list(run.extract_files(items, jobs=2))
