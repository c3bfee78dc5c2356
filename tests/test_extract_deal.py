"""The deal rule: who deals with whom and how, each way it finds a deal, and what it leaves.

The sentences are made up for the tests (none is from the factRuEval devset the rule's
confidences were measured on), so the rule is shown to work on text it was not written from.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from regiongraph.extract import extract_text, records
from regiongraph.extract.extractor import MIN_CONFIDENCE
from regiongraph.extract.rules.deal import DEAL_CONFIDENCE
from regiongraph.query import open_store

from .extract_helpers import found, hand_scope
from .test_ingest import copy_project, run


def parties(text: str) -> list[tuple[frozenset[str], str | None]]:
    """Each deal's parties, in any order, and its type."""
    out = []
    for _, args in found(text, "deal"):
        kind = next((value for role, value in args if role == "type"), None)
        out.append((frozenset(value for role, value in args if role == "participant"), kind))
    return out


# --- the ways ----------------------------------------------------------------------------


def test_a_verb_with_its_subject_and_object_is_a_purchase_above_the_threshold():
    found = extract_text("t", "Компания «Альфа» купила компанию «Бета».").facts
    assert [(f.type, f.rule, [(a.role, a.text) for a in f.args]) for f in found] == [
        ("deal", "deal/verb", [("participant", "Альфа"), ("participant", "Бета"),
                               ("type", "purchase")])]
    assert found[0].confidence == DEAL_CONFIDENCE["deal/verb"] >= MIN_CONFIDENCE
    (record,) = records(extract_text("t", "Компания «Альфа» купила компанию «Бета»."))
    assert record["type"] == "deal" and record["confidence"] == DEAL_CONFIDENCE["deal/verb"]


@pytest.mark.parametrize(("text", "expected"), [
    # the seller after «у», the company below the stake bought («25% акций X»)
    ("Банк ВТБ приобрёл у компании «Ростех» 25% акций «Аэрофлота».",
     {"Банк ВТБ", "Ростех", "Аэрофлот"}),
    # the buyer in the dative, the company after «в» below the stake sold
    ("«Роснефть» продала свою долю в «Башнефти» компании «Лукойл».",
     {"Роснефть", "Башнефть", "Лукойл"}),
    ("Компания Acme приобрела Zenitex за 8,5 миллиарда долларов.", {"Acme", "Zenitex"}),
    # an active participle: the noun it describes is the buyer
    ("Компания Acme, купившая Zenitex, объявила о новых планах.", {"Acme", "Zenitex"}),
])
def test_purchases_by_verb(text, expected):
    assert parties(text) == [(frozenset(expected), "purchase")]


@pytest.mark.parametrize(("text", "way", "first", "second", "kind"), [
    # a passive verb takes its agent in the instrumental
    ("Компания «Северсталь» была куплена холдингом «Металлинвест».", "deal/passive",
     "Северсталь", "Металлинвест", "purchase"),
    # a deal noun below a light verb takes the verb's subject
    ("Холдинг «Металлинвест» объявил о покупке компании «Северсталь».", "deal/light",
     "Холдинг «Металлинвест»", "Северсталь", "purchase"),
    # who made an offer or closed a deal is its party
    ("Холдинг «Металлинвест» сделал предложение о покупке компании «Северсталь».", "deal/light",
     "Металлинвест", "Северсталь", "purchase"),
    ("Холдинг «Металлинвест» объявил о завершении сделки по покупке компании «Северсталь».",
     "deal/light", "Холдинг «Металлинвест»", "Северсталь", "purchase"),
    # a verb of speech names no party
    ("Газета «Вестник» сообщила о покупке компании «Бета» компанией «Альфа».", "deal/noun",
     "Бета", "Альфа", "purchase"),
    # paying money back to a party is a loan, and a name in quotes is an organisation
    ("Минфин Грузии выплатил «Северному клубу» 5 миллиардов долларов.", "deal/repay",
     "Минфин", "Северный клуб", "loan"),
    # a ban on trade is a sanction
    ("Китай запретил импорт говядины из Австралии.", "deal/ban", "Китай", "Австралия",
     "sanctions"),
    # ... of a body with its country
    ("Высокий суд Италии запретил импорт продукции компании Acme.", "deal/ban",
     "Высокий суд Италии", "Acme", "sanctions"),
    # and so is a limit on trade
    ("Грузия требует, чтобы Италия сняла ограничения на импорт вина из Грузии.", "deal/ban",
     "Италия", "Грузия", "sanctions"),
    # a party the parser hung elsewhere is found after the deal word
    ("Министерство торговли Италии пригрозило наложить штраф в размере 5 млн евро в сутки на "
     "Zenitex, если не будут изменены тарифы.", "deal/near", "Министерство торговли",
     "Zenitex", "fine"),
])
def test_each_way_gives_its_parties_in_order_and_the_type(text, way, first, second, kind):
    assert found(text, "deal") == [
        (way, [("participant", first), ("participant", second), ("type", kind)])]


def test_a_statement_made_about_a_deal_names_no_party():
    text = "Холдинг «Металлинвест» сделал заявление о покупке компании «Северсталь»."
    assert found(text, "deal") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Сделка между компаниями «Альфа» и «Бета» завершится в мае.", {"Альфа", "Бета"}),
    ("Покупка «Беты» компанией «Альфа» обошлась в 13 миллиардов долларов.", {"Бета", "Альфа"}),
])
def test_deal_nouns_name_their_parties(text, expected):
    assert parties(text) == [(frozenset(expected), "purchase")]


@pytest.mark.parametrize(("text", "expected", "kind"), [
    ("Сбербанк предоставит компании «Мечел» кредит на 10 миллиардов рублей.",
     {"Сбербанк", "Мечел"}, "loan"),
    ("Компания «Мечел» получила кредит от Сбербанка.", {"Сбербанк", "Мечел"}, "loan"),
    ("Белоруссия погасила задолженность перед компанией «Альфа».", {"Белоруссия", "Альфа"},
     "loan"),
    ("Долг Украины перед Россией составляет 3 миллиарда долларов.",
     {"Украина", "Россия"}, "loan"),
    ("Роспотребнадзор оштрафовал компанию «Бета» на 5 миллионов рублей.",
     {"Роспотребнадзор", "Бета"}, "fine"),
    ("Налоговая служба Италии наложила штраф на компанию «Бета».",
     {"Налоговая служба", "Бета"}, "fine"),
    ("Евросоюз ввёл санкции против России.", {"Евросоюз", "Россия"}, "sanctions"),
    # «в отношении» is one preposition
    ("США ввели санкции в отношении России.", {"США", "Россия"}, "sanctions"),
    ("Россия ввела эмбарго на ввоз продуктов из Евросоюза.",
     {"Россия", "Евросоюз"}, "sanctions"),
    ("Лукойл инвестирует в Кузбасс 10 миллиардов рублей.", {"Лукойл", "Кузбасс"},
     "investment"),
    ("Фонд Acme Capital вложил 200 миллионов долларов в Zenitex.", {"Acme Capital", "Zenitex"},
     "investment"),
    ("Инвестиции Китая в Россию выросли вдвое.", {"Китай", "Россия"}, "investment"),
    # supplies of goods are sales
    ("Кузбасс поставляет в Белоруссию уголь.", {"Кузбасс", "Белоруссия"}, "purchase"),
])
def test_each_type_of_deal(text, expected, kind):
    assert parties(text) == [(frozenset(expected), kind)]


def test_a_contract_for_supplies_is_one_deal_of_the_more_precise_type():
    text = "Россия заключила контракт с Индией на поставку истребителей."
    assert parties(text) == [(frozenset({"Россия", "Индия"}), "purchase")]


def test_a_contract_between_two_parties_is_services():
    text = "Контракт был подписан между компанией «Альфа» и правительством Грузии."
    assert parties(text) == [(frozenset({"Альфа", "правительство Грузии"}), "services")]


def test_a_body_with_its_country_is_one_organisation():
    assert parties("Правительство Италии выделило Грузии кредит на 500 миллионов долларов.") \
        == [(frozenset({"Правительство Италии", "Грузия"}), "loan")]
    # the NER takes «Комиссия» starting the sentence for a name of its own
    assert parties("Комиссия Таможенного союза оштрафовала компанию «Бета» на 2 миллиона "
                   "рублей.") == [(frozenset({"Комиссия Таможенного союза", "Бета"}), "fine")]


def test_a_name_the_ner_missed_is_the_one_it_found_earlier_in_the_article():
    text = ("Компания Acme Systems выпустила новый сервер. "
            "Acme, напомним, приобрела Zenitex за 1 млрд долларов.")
    (deal,) = [f for f in extract_text("t", text).facts if f.type == "deal"]
    acme = deal.args[0]
    assert (acme.text, text[acme.start:acme.end]) == ("Acme Systems", "Acme")
    assert [a.text for a in deal.args] == ["Acme Systems", "Zenitex", "purchase"]


def test_a_name_in_a_participle_clause_or_a_source_is_no_subject():
    assert parties("Компания «Альфа», принадлежащая Ивану Петрову, купила компанию «Бета».") \
        == [(frozenset({"Альфа", "Бета"}), "purchase")]
    assert parties("Как сообщает газета «Вестник», банк «Альфа» приобрёл 10% акций компании "
                   "«Бета».") == [(frozenset({"Альфа", "Бета"}), "purchase")]
    # the parser loses the subject here; no name before the verb can stand in for it
    assert found("Как сообщает газета «Вестник», Acme Holdings, принадлежащая Ивану Петрову, "
                 "купила ещё 5% акций Zenitex.", "deal") == []


def test_two_deals_in_one_sentence():
    # the parser takes the second «Acme» for a second subject of «купила»: it is its object
    text = "В 2008 году Acme приобрела Zenitex, а в 2010 году Nordwind купила Acme."
    assert parties(text) == [(frozenset({"Acme", "Zenitex"}), "purchase"),
                             (frozenset({"Nordwind", "Acme"}), "purchase")]


def test_conjuncts_sharing_a_counterpart_are_a_deal_each():
    assert parties("Грузия находится под санкциями Италии, Франции и Японии.") == [
        (frozenset({"Италия", "Грузия"}), "sanctions"),
        (frozenset({"Франция", "Грузия"}), "sanctions"),
        (frozenset({"Япония", "Грузия"}), "sanctions")]


def test_conjoined_subjects_act_together():
    assert parties("Италия и Франция ввели санкции против Грузии.") == [
        (frozenset({"Италия", "Франция", "Грузия"}), "sanctions")]


def test_sanctions_are_between_states_not_people():
    assert parties("Лидеры Италии и Франции Иван Петров и Сергей Сидоров договорились ввести "
                   "санкции против Грузии.") == [
        (frozenset({"Италия", "Франция", "Грузия"}), "sanctions")]
    text = "Евросоюз ввел санкции против премьер-министра Грузии Ивана Петрова."
    assert found(text, "deal") == []


def test_a_name_in_apposition_after_a_preposition_is_no_subject():
    assert found("Иван Петров опубликовал статью в газете Acme Times, в которой призвал ввести "
                 "санкции против Грузии.", "deal") == []


def test_light_words_three_deep():
    assert parties("Компания Acme объявила о заключении соглашения с фондом Zenitex о продаже "
                   "своей доли.") == [(frozenset({"Acme", "Zenitex"}), "purchase")]
    assert parties("Италия и Грузия проведут переговоры по вопросам поставок вина.") == [
        (frozenset({"Италия", "Грузия"}), "purchase")]


def test_a_loan_payment_and_its_lender_in_apposition():
    assert parties("Грузия не смогла вовремя провести платеж по кредиту Альфа-банка.") == [
        (frozenset({"Грузия", "Альфа-банк"}), "loan")]


def test_a_name_below_a_name_already_taken():
    assert parties("Долю Acme «Альфа» выкупила за 2 млрд долларов.") == [
        (frozenset({"Альфа", "Acme"}), "purchase")]


def test_a_stake_handed_over_or_got_is_a_purchase():
    assert found("Компания «Альфа» получила 7,5% акций ОАО «Бета».", "deal") == [
        ("deal/stake", [("participant", "Альфа"), ("participant", "ОАО «Бета»"),
                        ("type", "purchase")])]
    assert parties("Холдинг «Альфа» передал АБВ 30% акций компании «Бета».") == [
        (frozenset({"Холдинг «Альфа»", "АБВ", "Бета"}), "purchase")]  # not «АБВ 30»


# --- what is no deal -----------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Иван Петров купил квартиру в Москве.",  # a place, not a party
    "Компания «Альфа» купила завод в Италии.",
    "Япония и Россия не заключили мирный договор.",  # a treaty
    "Путин обсудил с Меркель поставки газа.",  # talks about a deal, not one
    "Депутат Иванов раскритиковал покупку самолётов у компании «Альфа».",
    "ЕС запретил въезд Александру Лукашенко.",  # a ban, but not on trade
    "Россия вернула Китаю острова на Амуре.",  # given back, but no money
    "Губернатор Кемеровской области Сергей Цивилев подписал соглашение о сотрудничестве "
    "с Белоруссией.",
    "Акции компании «Альфа» подешевели после новостей о сделке с Китаем.",
    "В концерте приняли участие солисты Большого и Мариинского театров.",
    # a ban on selling at home
    "Сенатор Иван Петров внес в парламент Грузии законопроект о запрете на продажу оружия.",
])
def test_no_deal(text):
    assert found(text, "deal") == []


# --- into the graph ------------------------------------------------------------------------


ARTICLE = ("Сделки недели\n\n"
           "Правительство Италии выделило Грузии кредит на 500 миллионов долларов. "
           "Китай запретил импорт говядины из Австралии.\n")
ARTICLE_ID = "004_" + hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest()[:16]


def test_deals_become_valid_deal_facts_of_the_graph(tmp_path: Path):
    root = copy_project(tmp_path)
    source = root / "deals.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    assert run("ingest", str(source), "--date", "2025-03-14", "--root", str(root))[0] == 0
    code, _, err = run("build", "--root", str(root), "--out", str(root / "out"))
    assert (code, err) == (0, "")  # the build validates the graph against the shapes
    rows = open_store(root / "out" / "graph.nq").query(f"""
        PREFIX rg: <https://w3id.org/regiongraph/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?fact ?party ?type WHERE {{
          GRAPH <https://w3id.org/regiongraph/graph/extracted> {{
            ?fact a rg:Deal ; rg:participant ?party ;
                  prov:wasDerivedFrom <https://w3id.org/regiongraph/article/{ARTICLE_ID}> .
            OPTIONAL {{ ?fact rg:dealType ?type }}
          }}
        }}""")
    found: dict[str, tuple[set[str], str]] = {}
    for row in rows:
        fact = str(row["fact"].value)
        kind = str(row["type"].value).rsplit("#", 1)[-1] if row["type"] is not None else ""
        found.setdefault(fact, (set(), kind))[0].add(str(row["party"].value).rsplit("/", 1)[-1])
    assert sorted((sorted(p), k) for p, k in found.values()) == [
        (["china", "x-loc-avstraliya"], "dealSanctions"),  # China is in the registry
        (["x-loc-gruziya", "x-org-pravitelstvo-italii"], "dealLoan")]


def test_renewing_sanctions_is_a_light_word():
    assert parties("Италия будет договариваться с лидерами ЕС о продлении санкций против "
                   "Грузии.") == [(frozenset({"Италия", "ЕС", "Грузия"}), "sanctions")]


def test_a_compound_preposition_is_its_words_right_after_it():
    """«в отношении Грузии в ходе переговоров» with «ходе» hung on the first «в» as well."""
    from regiongraph.extract.rules.deal import preposition_of

    scope = hand_scope([(text, "X", head, rel, lemma) for text, lemma, head, rel in [
        ("в", "в", 2, "case"), ("отношении", "отношение", 0, "fixed"),
        ("Грузии", "грузия", -1, "root"), ("в", "в", 5, "case"), ("ходе", "ход", 0, "fixed"),
        ("переговоров", "переговоры", 2, "nmod")]])
    assert preposition_of(scope, 2) == "в отношение"


def test_names_given_as_examples_deal_each_on_their_own():
    assert parties("В Zenitex также вложились такие компании, как Acme Partners, Nordwind "
                   "Capital и Borealis Capital.") == [
        (frozenset({"Acme Partners", "Zenitex"}), "investment"),
        (frozenset({"Nordwind Capital", "Zenitex"}), "investment"),
        (frozenset({"Borealis Capital", "Zenitex"}), "investment")]
