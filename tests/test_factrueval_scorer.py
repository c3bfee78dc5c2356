"""The factRuEval-2016 track-3 scorer of bench/factrueval.py against hand-computed figures.

The expected values follow the official scorer's rules (see the module docstring there);
they were also checked against the official `t3_eval.py` on random submissions.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT.parent / "shared" / "data" / "factrueval-2016" / "devset"
if not DEVSET.is_dir():
    pytest.skip(f"factRuEval devset not found at {DEVSET}", allow_module_level=True)

sys.path.insert(0, str(ROOT / "bench"))
import factrueval as fre  # noqa: E402

#: Our record roles back from the scorer's, to build JSONL records out of gold facts.
BACK_ROLES = {"position": "job"}
BACK_DEAL_TYPES = {v: k for k, v in fre.DEAL_TYPES.items()}


@pytest.fixture(scope="module")
def gold() -> dict[str, list[fre.GoldFact]]:
    return fre.load_gold(DEVSET)


def fact(ftype: str, *args: tuple[str, str]) -> fre.SubmittedFact:
    """A submitted fact, values normalised like a `.task3` line."""
    return fre.SubmittedFact(ftype, tuple(("position" if role == "job" else role,
                                           fre.lower(fre.normalize(v))) for role, v in args))


def perfect(gold: dict[str, list[fre.GoldFact]], doc: str) -> list[fre.SubmittedFact]:
    return list(fre.gold_submission(gold)[doc])


def records_from(gold: dict[str, list[fre.GoldFact]]) -> list[dict]:
    """Our extractor's JSONL records that say exactly what the gold says."""
    out = []
    for doc, facts in gold.items():
        for f in facts:
            if f.hard:
                continue
            args = [{"role": BACK_ROLES.get(a.role, a.role),
                     "text": BACK_DEAL_TYPES.get(a.label, a.label) if a.role == "type"
                     else a.label} for a in f.scored_args(False)]
            out.append({"doc": doc, "type": f.type, "args": args, "confidence": 1.0})
    return out


def test_gold_counts_match_the_readme(gold):
    assert len(gold) == 122
    assert fre.count_gold(gold) == {"occupation": 180, "meeting": 5, "deal": 29,
                                    "ownership": 17}
    # hard mode: hard facts count, possible/future/negated ones do not
    assert fre.count_gold(gold, hard_mode=True) == {"occupation": 205, "meeting": 4,
                                                    "deal": 28, "ownership": 17}


def test_split_halves_are_even_and_odd(gold):
    tune, held = fre.split_docs(gold, "tune"), fre.split_docs(gold, "heldout")
    assert all(fre.doc_number(d) % 2 == 0 for d in tune)
    assert all(fre.doc_number(d) % 2 == 1 for d in held)
    assert sorted(tune + held, key=fre.doc_number) == fre.split_docs(gold, "all")
    counts = [fre.count_gold(gold, tune), fre.count_gold(gold, held)]
    assert {t: counts[0][t] + counts[1][t] for t in fre.TYPES} == fre.count_gold(gold)


def test_perfect_submission_scores_one(gold):
    table = fre.score(gold, fre.gold_submission(gold))
    for row in fre.ROWS:
        counts = table[row]
        assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0), row
    assert table["overall"].gold == table["overall"].submitted == 231


def test_perfect_records_through_to_task3_score_one(gold):
    submission = fre.to_task3(records_from(gold))
    overall = fre.score(gold, submission)["overall"]
    assert (overall.precision, overall.recall, overall.f1) == (1.0, 1.0, 1.0)


def test_empty_submission_has_zero_recall(gold):
    overall = fre.score(gold, {})["overall"]
    assert overall.recall == 0.0
    assert overall.f1 == 0.0
    assert overall.submitted == 0
    assert overall.precision == 1.0  # nothing submitted: the scorer's convention


def test_wrong_job_costs_its_half_weight(gold):
    # book_100, 100-0: who Лужков Юрий, position "мэра", where Москва, 5 occupations in all.
    subs = perfect(gold, "book_100")
    assert subs[0].args == (("who", "лужков юрий"), ("position", "мэра"), ("where", "москва"))
    subs[0] = fact("occupation", ("who", "Лужков"), ("job", "дворник"), ("where", "Москва"))
    occ = fre.score(gold, {"book_100": subs}, ["book_100"])["occupation"]
    # matched 1 + 1, wrong 0.5 (submitted job), missed 0.5 (gold job): 2 / 3
    assert occ.tp_gold == pytest.approx(4 + 2 / 3, abs=1e-12)
    assert occ.tp_submitted == pytest.approx(4 + 2 / 3, abs=1e-12)
    assert occ.recall == pytest.approx((4 + 2 / 3) / 5, abs=1e-12)

    subs[0] = fact("occupation", ("who", "Лужков"), ("where", "Москва"))
    occ = fre.score(gold, {"book_100": subs}, ["book_100"])["occupation"]
    assert occ.tp_gold == pytest.approx(4 + 2 / 2.5, abs=1e-12)  # only the job missed


def test_fact_sharing_no_non_job_argument_matches_nothing(gold):
    lone = fact("occupation", ("who", "Петров Пётр"), ("job", "мэра"), ("where", "Тверь"))
    occ = fre.score(gold, {"book_100": [lone]}, ["book_100"])["occupation"]
    assert (occ.submitted, occ.tp_submitted, occ.tp_gold) == (1, 0.0, 0.0)
    assert occ.precision == 0.0


def test_levenshtein_tolerance_by_length():
    assert fre.similar("а", "а")
    assert not fre.similar("а", "б")            # 1 character: exact only
    assert fre.similar("абвгд", "абвгж")        # 5 characters: 1 edit...
    assert not fre.similar("абвгд", "абвжз")    # ...not 2
    assert fre.similar("абвгдежз", "абвгдежи")  # 8 characters: 1 edit, not 2
    assert not fre.similar("абвгдежз", "абвгдеии")
    assert fre.similar("абвгдежзи", "абвгдежкк")  # 9 characters: 2 edits
    assert fre.similar("абвгдежзик", "абвгдежзлм")      # 10 characters: 2 edits...
    assert not fre.similar("абвгдежзик", "абвгдежклм")  # ...not 3
    assert fre.similar("мэр", "мэра")           # the longer string sets the tolerance


def test_normalisation_of_submitted_lines():
    assert fre.normalize("«Газпром» — Ёлка ( ОАО )") == '"газпром"-елка (оао)'
    [parsed] = fre.parse_task3("Occupation\nWho : Путин\nJob : Президент России\n")
    assert parsed == fre.SubmittedFact(
        "occupation", (("who", "путин"), ("position", "президент россии")))
    # a line that is not `role : value` ends the reading, facts before it stay
    text = "meeting\nparticipant : a\n\nmeeting\nparticipant : b : c\n\nmeeting\n"
    assert len(fre.parse_task3(text)) == 1


def test_duplicated_gold_facts_need_one_submission_each(gold):
    deals = [f for f in gold["book_297"] if f.type == "deal"]
    copies = [f for f in deals if f.args == deals[0].args]
    assert len(copies) == 3
    subs = perfect(gold, "book_297")
    first = next(i for i, f in enumerate(subs) if f.type == "deal")
    twin = subs[first]
    once = [f for f in subs if f != twin] + [twin]
    deal = fre.score(gold, {"book_297": once}, ["book_297"])["deal"]
    assert (deal.gold, deal.submitted) == (len(deals), len(deals) - 2)
    assert deal.tp_gold == pytest.approx(len(deals) - 2, abs=1e-12)
    assert deal.precision == 1.0
    deal = fre.score(gold, {"book_297": subs}, ["book_297"])["deal"]
    assert deal.recall == 1.0


def test_duplicated_submission_of_one_gold_fact_is_not_penalised(gold):
    # Two identical facts in one cluster keep quality 1 each: the scorer's rule.
    subs = perfect(gold, "book_100")
    occ = fre.score(gold, {"book_100": [*subs, subs[1]]}, ["book_100"])["occupation"]
    assert (occ.submitted, occ.precision, occ.recall) == (6, 1.0, 1.0)


def test_submissions_of_hard_facts_count_on_neither_side(gold):
    submission = fre.gold_submission(gold)
    extra = 0
    for doc, facts in gold.items():
        for f in facts:
            if f.hard:
                submission[doc].append(fre.SubmittedFact(
                    f.type, tuple((a.role, a.label) for a in f.scored_args(False))))
                extra += 1
    assert extra == 32
    overall = fre.score(gold, submission)["overall"]
    assert (overall.submitted, overall.precision, overall.recall) == (231, 1.0, 1.0)


def test_facts_in_documents_without_gold_facts_are_false(gold):
    empty = next(d for d, facts in gold.items() if not facts)
    lone = fact("ownership", ("owner", "Газпром"), ("property", "НТВ"))
    table = fre.score(gold, {empty: [lone]}, [empty])
    assert (table["ownership"].submitted, table["ownership"].precision) == (1, 0.0)


def test_to_task3_maps_roles_and_drops_what_is_not_scored():
    records = [
        {"doc": "book_1", "type": "deal", "args": [
            {"role": "participant", "text": "Газпром"}, {"role": "participant", "text": "ЕС"},
            {"role": "type", "text": "purchase"}]},
        {"doc": "book_1", "type": "meeting", "args": [
            {"role": "participant", "text": "Путин: президент"},
            {"role": "participant", "text": "Си"}, {"role": "where", "text": "Пекин"},
            {"role": "when", "text": "вчера"}]},
        {"doc": "book_1", "type": "deal", "args": [{"role": "type", "text": "barter"}]},
        {"doc": "book_1", "type": "visit", "args": [{"role": "who", "text": "x"}]},
        {"doc": "book_2", "type": "occupation", "phase": "begin", "args": [
            {"role": "who", "text": "Иванов\nИван"}, {"role": "job", "text": "мэр"}]},
    ]
    out = fre.to_task3(records)
    assert out["book_1"] == ("deal\nparticipant : Газпром\nparticipant : ЕС\n"
                             "type : купля/продажа\n\n"
                             "meeting\nparticipant : Путин президент\nparticipant : Си\n")
    assert out["book_2"] == "occupation\nwho : Иванов Иван\nposition : мэр\n"
    assert fre.to_task3(records[-1:], hard_mode=True)["book_2"].endswith("фаза : начало\n")


def test_cli_scores_a_predictions_file(gold, tmp_path, capsys):
    predictions = tmp_path / "p.jsonl"
    predictions.write_text("\n".join(json.dumps(r, ensure_ascii=False)
                                     for r in records_from(gold)), encoding="utf-8")
    task3 = tmp_path / "task3"
    assert fre.main(["--predictions", str(predictions), "--devset", str(DEVSET), "--json",
                     "--write-task3", str(task3)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["results"]["all"]["overall"]["f1"] == 1.0
    assert result["results"]["tune"]["overall"]["gold"] + \
        result["results"]["heldout"]["overall"]["gold"] == 231
    assert len(list(task3.glob("book_*.task3"))) == 122
    assert fre.main(["--predictions", str(predictions), "--devset", str(DEVSET),
                     "--split", "heldout"]) == 0
    table = capsys.readouterr().out
    assert "heldout" in table and "overall" in table and "tune " not in table


@pytest.mark.parametrize("argv", [["--split", "odd"], ["--jobs", "0"],
                                  ["--predictions", "/nonexistent/p.jsonl"],
                                  ["--devset", "/nonexistent"]])
def test_cli_bad_arguments_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        fre.main(argv)
    assert exit_info.value.code == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_cli_unreadable_predictions_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        fre.main(["--predictions", str(bad), "--devset", str(DEVSET)])
    assert exit_info.value.code == 2
    assert "not JSON" in capsys.readouterr().err


def test_the_test_collections_spelling_of_the_loan_type_is_the_same_type(tmp_path):
    for path in DEVSET.glob("book_194.*"):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".facts":
            assert "Type займ/возвращение займа\n" in text
            text = text.replace("Type займ/возвращение займа\n",
                                "Type займ/возвращение займа/долг\n")
        (tmp_path / path.name).write_text(text, encoding="utf-8")
    (loan,) = [a for f in fre.load_gold(tmp_path)["book_194"] for a in f.args
               if a.role == "type"]
    assert loan.accepts(fre.DEAL_TYPES["loan"]) and loan.accepts("займ/возвращение займа/долг")


@pytest.mark.parametrize("hard_mode", [False, True])
def test_explain_shows_a_perfect_submission_as_all_matched(gold, hard_mode):
    # documents with soft facts, which hard mode leaves out of the gold the matcher indexes
    docs = [d for d, facts in gold.items() if any(f.soft_modality for f in facts)]
    submission = fre.gold_submission(gold, hard_mode)
    lines = [line for ftype in fre.TYPES
             for line in fre.explain(gold, submission, docs, ftype, hard_mode)]
    assert sum(line.startswith("  subm") for line in lines) == sum(
        len(submission[d]) for d in docs)
    assert [line for line in lines if "[0.00]" in line or "subm -> -" in line] == []
