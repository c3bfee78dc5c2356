"""The occupation rule on sentences written for it: who holds which post where, and how found.

The sentences and names are made up for the tests; each shows one way of finding a post's
holder, its organisation or the span of its name.
"""

from __future__ import annotations

import pytest

from regiongraph.extract import extract_text
from regiongraph.extract.extractor import MIN_CONFIDENCE
from regiongraph.extract.rules.base import Scope, span_root
from regiongraph.extract.rules.occupation import Post, by_next_name, employed, verb_people

from .extract_helpers import hand_scope, post, posts


@pytest.mark.parametrize(("text", "expected"), [
    ("На форуме выступят Иван Петров — директор Института прикладной химии, Олег Смирнов — "
     "профессор.",
     [("occupation/described", post("Иван Петров", "директор", "Институт прикладной химии")),
      ("occupation/before", post("Олег Смирнов", "профессор"))]),
    ("Андрей Волков — бывший заместитель министра финансов Грузии.",
     [("occupation/before", post("Андрей Волков", "бывший заместитель министра финансов",
                                 "Грузия"))]),
])
def test_a_post_after_the_name_and_a_dash(text, expected):
    assert posts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Об этом сообщил официальный представитель Общественного совета при мэрии Иван Петров.",
     post("Иван Петров", "официальный представитель", "Общественный совет при мэрии")),
    ("Глава итальянского МИДа Марко Росси заявил о поддержке.",
     post("Марко Росси", "Глава", "итальянский МИД")),
    ("Председатель Союза фермеров Грузии Георгий Абашидзе выступил против.",
     post("Георгий Абашидзе", "Председатель", "Союз фермеров Грузии")),
])
def test_the_organisation_takes_its_adjectives_and_what_narrows_it(text, expected):
    assert posts(text) == [("occupation/appos", expected)]


def test_the_name_in_the_original_script_is_not_part_of_the_holder():
    assert posts("Об этом сказал руководитель ОАО «Альфа» Джон Смит (John Smith).") == [
        ("occupation/appos", post("Джон Смит", "руководитель", "ОАО «Альфа»"))]


def test_a_post_name_runs_on_through_its_topic_and_joined_nouns():
    text = ("Министр по делам молодёжи Италии Марко Росси и министр науки и образования "
            "Грузии Георгий Абашидзе подписали договор.")
    assert posts(text) == [
        ("occupation/appos", post("Марко Росси", "Министр по делам молодёжи", "Италия")),
        ("occupation/appos", post("Георгий Абашидзе", "министр науки и образования",
                                  "Грузия")),
    ]


def test_a_national_post_is_the_post_of_the_country_the_article_is_about():
    text = ("Грузия готовится к выборам. В Грузии открыли избирательные участки. Президент "
            "Георгий Абашидзе проголосовал в Тбилиси, сообщили в Грузии.")
    assert posts(text) == [("occupation/appos+home",
                            post("Георгий Абашидзе", "Президент", "Грузия"))]


def test_an_article_about_several_countries_gives_no_national_post_a_place():
    text = ("Италия и Грузия подписали договор. Италия и Грузия обменялись нотами. "
            "Президент Георгий Абашидзе назвал договор важным.")
    (found,) = extract_text("t", text).facts[-1:]
    assert (found.rule, [a.role for a in found.args]) == ("occupation/appos", ["who", "job"])
    assert found.confidence < MIN_CONFIDENCE


def test_a_trade_takes_no_place_as_its_organisation():
    (found,) = [f for f in extract_text("t", "Российский врач Иван Петров прибыл в Тбилиси.").facts
                if f.type == "occupation"]
    assert [(a.role, a.text) for a in found.args] == post("Иван Петров", "врач")
    assert found.confidence < MIN_CONFIDENCE


def test_a_post_left_by_its_prefix():
    (found,) = [f for f in extract_text("t", "Экс-премьер Италии Марко Росси дал интервью.").facts
                if f.type == "occupation"]
    assert [(a.role, a.text) for a in found.args] == post("Марко Росси", "Экс-премьер",
                                                          "Италия")
    assert found.phase == "end"


def test_two_posts_in_a_row_share_the_name_after_the_second():
    text = "Председатель Союза фермеров Грузии профессор Георгий Абашидзе открыл выставку."
    assert posts(text)[0] == ("occupation/chain", post("Георгий Абашидзе", "Председатель",
                                                       "Союз фермеров Грузии"))


def test_a_linking_verb_with_a_pronoun_or_a_post_as_its_subject():
    assert posts("Иван Петров вернулся в Тбилиси. Он является депутатом парламента Грузии.") == [
        ("occupation/verb-pronoun", post("Иван Петров", "депутатом", "парламент Грузии"))]
    assert posts("Спикером парламента Грузии стал лидер партии «Альфа» Георгий Абашидзе.") == [
        ("occupation/verb", post("Георгий Абашидзе", "Спикером", "парламент Грузии")),
        ("occupation/appos", post("Георгий Абашидзе", "лидер", "партия «Альфа»")),
    ]


def test_an_active_participle_links_the_name_it_describes_to_a_post():
    text = "Иван Петров, работающий директором ОАО «Альфа», прибыл в Рим."
    assert posts(text) == [("occupation/verb", post("Иван Петров", "директором", "ОАО «Альфа»"))]


@pytest.mark.parametrize(("text", "expected"), [
    ("Иван Петров, возглавляющий ОАО «Альфа», прибыл в Рим.",
     post("Иван Петров", "возглавляющий", "ОАО «Альфа»")),
    ("Арестованы активисты Аграрной партии, возглавляемой Иваном Петровым.",
     post("Иван Петров", "возглавляемой", "Аграрная партия")),
])
def test_a_verb_of_heading_makes_its_subject_the_head_of_an_organisation(text, expected):
    assert posts(text) == [("occupation/headed", expected)]


def test_a_verb_of_heading_needs_an_organisation():
    assert posts("Иван Петров возглавил шествие к зданию ОАО «Альфа».") == []


@pytest.mark.parametrize(("text", "expected", "phase"), [
    ("Иван Петров, назначенный министром финансов Грузии, прибыл в Рим.",
     post("Иван Петров", "министром финансов", "Грузия"), "start"),
    ("Президент подписал указ о назначении Ивана Петрова на должность министра финансов "
     "Грузии.", post("Иван Петров", "министра финансов", "Грузия"), "start"),
    ("Суд рассмотрел иск об увольнении Ивана Петрова с поста директора ОАО «Альфа».",
     post("Иван Петров", "директора", "ОАО «Альфа»"), "end"),
])
def test_a_passive_participle_or_a_noun_of_the_verb_names_the_appointee(text, expected, phase):
    (found,) = [f for f in extract_text("t", text).facts if f.type == "occupation"]
    assert (found.rule, [(a.role, a.text) for a in found.args], found.phase) == (
        "occupation/verb", expected, phase)


def test_a_place_adjective_is_the_place_with_the_adjective_in_its_name():
    text = ("В Томске открылась выставка. Томская область выделила деньги. По словам томского "
            "губернатора Ивана Петрова, выставка важна.")
    assert posts(text) == [("occupation/appos",
                            post("Иван Петров", "губернатора", "Томская область"))]


def test_a_chain_of_posts_with_an_adjective_before_the_second():
    text = "В интервью наблюдатель от ООН итальянский парламентарий Марко Росси сообщил о нём."
    assert posts(text) == [
        ("occupation/chain", post("Марко Росси", "наблюдатель", "ООН")),
        ("occupation/appos", post("Марко Росси", "парламентарий", "итальянский")),
    ]


def test_one_of_a_plural_post_is_the_post_of_the_name_before():
    text = "Почтили память Ивана Петрова, одного из руководителей компании «Альфа», в Риме."
    assert posts(text) == [("occupation/before", post("Иван Петров", "руководителей",
                                                      "компания «Альфа»"))]


def test_an_appointing_verb_gives_the_post_to_its_object():
    assert posts("Георгий Абашидзе назначил Ивана Петрова министром финансов Грузии.") == [
        ("occupation/verb", post("Иван Петров", "министром финансов", "Грузия"))]


def test_a_post_joined_to_the_next_shares_its_organisation():
    assert posts("Иван Петров — генеральный директор и совладелец ОАО «Альфа».") == [
        ("occupation/before", post("Иван Петров", "генеральный директор", "ОАО «Альфа»"))]


def confident_posts(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The occupations the extractor reports: those at or above the confidence threshold."""
    return [(f.rule, [(a.role, a.text) for a in f.args])
            for f in extract_text("t", text).facts
            if f.type == "occupation" and f.confidence >= MIN_CONFIDENCE]


def test_in_a_long_list_of_posts_each_takes_the_name_right_after_it():
    text = ("Вопрос обсуждается генсеком ООН Иваном Петровым, главой Грузии Олегом Смирновым, "
            "премьер-министром Италии Марко Росси, главой МИД Франции Пьером Дюраном, "
            "руководителем Госдепартамента США Джоном Смитом, а также главами ведомств.")
    found = confident_posts(text)
    assert ("occupation/after", post("Марко Росси", "премьер-министром", "Италия")) in found
    assert ("occupation/after", post("Пьер Дюран", "главой", "МИД Франции")) in found
    assert all(who != ("who", "Джон Смитом") or job == ("job", "руководителем")
               for _, (who, job, *_) in found)  # no chain over Пьер Дюран


def test_a_body_of_an_organisation_is_the_organisation_even_without_a_name():
    text = ("Письмо подписали редактор отдела новостей Иван Петров и директор компании Олег "
            "Смирнов.")
    assert posts(text) == [
        ("occupation/appos", post("Иван Петров", "редактор", "отдел новостей")),
        ("occupation/appos", post("Олег Смирнов", "директор")),  # «компания»: which one?
    ]


@pytest.mark.parametrize(("text", "where"), [
    ("Об этом заявил главный врач Грузии Иван Петров.", "Грузия"),
    ("Об этом заявил грузинский врач Иван Петров.", None),
    ("Об этом заявил врач из Грузии Иван Петров.", None),
])
def test_a_trade_has_a_place_as_organisation_only_in_the_genitive_after_it(text, where):
    wheres = [[a for role, a in args if role == "where"] for _, args in posts(text)]
    assert wheres == [[where] if where else []]


def test_the_name_after_a_post_may_follow_a_place_the_parser_hangs_elsewhere():
    words = [(word, "PROPN", head, rel, word.lower()) for word, head, rel in [
        ("руководителем", 0, "root"), ("Госдепартамента", 0, "nmod"), ("США", -1, "nmod"),
        ("Анной", 0, "appos"), ("Смит", 3, "flat:name")]]
    scope = hand_scope(words, (("ORG", 1, 1), ("LOC", 2, 2), ("PER", 3, 4)))
    person = scope.mentions[2]
    assert by_next_name(scope, Post.of(scope, 0, 0, {0, 1}, [person])) == (person, "")


def test_a_post_and_a_name_hang_on_the_first_word_whose_head_is_outside_them():
    words = [("генеральным", "ADJ", 1, "amod", "генеральный"),
             ("директором", "NOUN", -1, "root", "директор"),
             ("Иван", "PROPN", 1, "appos", "иван"), ("Петров", "PROPN", 2, "flat:name", "петров"),
             ("Сидоров", "PROPN", 4, "flat:name", "сидоров")]
    scope = hand_scope(words, (("PER", 2, 3),))
    assert span_root(scope.tokens, range(0, 2)).index == 1
    assert span_root(scope.tokens, scope.mentions[0].tokens).index == 2
    assert span_root(scope.tokens, [4]).index == 4  # a word hung on itself: the first word


def test_an_organisation_takes_the_field_after_its_name():
    text = ("Старший директор Совета национальной безопасности по европейским делам Иван "
            "Петров заявил о санкциях.")
    assert posts(text) == [("occupation/appos", post(
        "Иван Петров", "Старший директор",
        "Совет национальной безопасности по европейским делам"))]


def test_a_shared_post_pairs_a_list_of_places_with_a_list_of_people():
    text = ("Лидеры Германии, Италии и Франции Ангела Мюллер, Марко Росси и Пьер Дюран провели "
            "в воскресенье телефонные переговоры.")
    assert posts(text) == [
        ("occupation/shared", post("Ангела Мюллер", "Лидеры", "Германия")),
        ("occupation/shared", post("Марко Росси", "Лидеры", "Италия")),
        ("occupation/shared", post("Пьер Дюран", "Лидеры", "Франция")),
    ]


def test_a_post_with_a_copula_belongs_to_the_subject():
    assert posts("Иван Петров в то время был вице-президентом компании «Альфа».") == [
        ("occupation/copula", post("Иван Петров", "вице-президентом", "компания «Альфа»"))]


def test_a_linking_verb_names_the_organisation_of_its_post_with_v():
    text = "Иван Петров вернулся из отпуска. Он работал в компании «Альфа» заместителем директора."
    assert posts(text) == [  # and no bare «employed» fact beside it
        ("occupation/verb-pronoun+in",
         post("Иван Петров", "заместителем директора", "компания «Альфа»"))]


@pytest.mark.parametrize("text", [
    "Иван Петров вернулся из отпуска. Он работает в ООО «Бета».",
    "Об этом рассказал Иван Петров, который сейчас работает в ООО «Бета».",
    "Об этом рассказал Иван Петров, который стал работать в ООО «Бета».",
    "Иван Петров начал работать в ООО «Бета».",
])
def test_working_in_an_organisation_makes_one_of_its_people(text):
    assert posts(text) == [("occupation/employed", [("who", "Иван Петров"),
                                                    ("where", "ООО «Бета»")])]


@pytest.mark.parametrize("text", [
    "Иван Петров и Сергей Сидоров работают в ООО «Бета».",
    "Об этом рассказали Иван Петров и Сергей Сидоров, которые работают в ООО «Бета».",
])
def test_people_joined_by_and_each_work_in_the_organisation(text):
    assert posts(text) == [
        ("occupation/employed", [("who", "Иван Петров"), ("where", "ООО «Бета»")]),
        ("occupation/employed", [("who", "Сергей Сидоров"), ("where", "ООО «Бета»")])]


def test_which_in_the_singular_after_two_people_is_the_last_one():
    text = "Об этом рассказали Иван Петров и Сергей Сидоров, который работает в ООО «Бета»."
    assert posts(text) == [
        ("occupation/employed", [("who", "Сергей Сидоров"), ("where", "ООО «Бета»")])]


def test_the_organisation_one_works_in_is_printed_with_its_noun_and_adjectives():
    assert posts("Иван Петров работает в крупной компании «Альфа».") == [
        ("occupation/employed", [("who", "Иван Петров"), ("where", "крупная компания «Альфа»")])]


def test_working_in_a_place_is_no_occupation():
    assert posts("Олег Смирнов работает в Зеленограде.") == []


def test_a_post_name_ends_where_a_second_post_is_joined():
    text = "Иван Петров работал в качестве заместителя редактора и директора по развитию."
    assert posts(text) == [
        ("occupation/verb", post("Иван Петров", "заместителя редактора")),
        ("occupation/joined", post("Иван Петров", "директора по развитию"))]


@pytest.mark.parametrize("text", [
    "Иван Петров больше не работает в ООО «Бета».",
    "Иван Петров никогда не работал в ООО «Бета».",
    "Иван Петров хотел бы работать в ООО «Бета».",
    "Иван Петров попросил Олега Смирнова работать в ООО «Бета».",
    "Иван Петров вернулся из отпуска. Она работает в ООО «Бета».",
])
def test_working_negated_wished_asked_for_or_of_a_pronoun_of_the_other_gender_is_no_fact(text):
    assert posts(text) == []


def test_a_pronoun_stands_for_the_last_subject_of_its_gender():
    text = "Мария Петрова вернулась из отпуска. Она работает в ООО «Бета»."
    assert posts(text) == [("occupation/employed", [("who", "Мария Петрова"),
                                                    ("where", "ООО «Бета»")])]


def test_working_to_come_is_future():
    found = [f for f in extract_text("t", "Иван Петров будет работать в ООО «Бета».").facts
             if f.type == "occupation"]
    assert [(f.rule, f.modality) for f in found] == [("occupation/employed", "future")]


def looped(words: list[tuple[str, str, int, str, str]]) -> Scope:
    """A hand-made parse of (word, part of speech, head, relation, lemma), which may loop as
    the parser's parses sometimes do; the words tagged PROPN are one person's name."""
    names = [i for i, word in enumerate(words) if word[1] == "PROPN"]
    return hand_scope(words, (("PER", names[0], names[-1]),) if names else ())


@pytest.mark.parametrize("words", [
    [("работает", "VERB", 0, "conj", "работать")],  # hung on itself
    [("продолжает", "VERB", 1, "xcomp", "продолжать"),
     ("работать", "VERB", 0, "xcomp", "работать")],  # two verbs hung on each other
    [("который", "PRON", 1, "nsubj", "который"), ("работает", "VERB", 2, "advcl", "работать"),
     ("сказал", "VERB", 1, "advcl", "сказать")],  # no relative clause above, a cycle
    [("инженер", "NOUN", 1, "appos", "инженер"), ("техник", "NOUN", 0, "appos", "техник"),
     ("который", "PRON", 3, "nsubj", "который"),
     ("работает", "VERB", 0, "acl:relcl", "работать")],  # nouns in apposition to each other
])
def test_the_walks_for_a_verb_s_person_end_on_a_looped_parse(words):
    # what is tested is that they return (they ran forever before): these parses name nobody
    scope = looped(words)
    assert verb_people(scope, len(words) - 1) == []
    assert list(employed(scope, set())) == []


@pytest.mark.parametrize(("name", "way"), [("«Альфа - Инвест»", "appos"),
                                          ('"Альфа - Инвест"', "after"),
                                          ("“Альфа - Инвест”", "appos"),
                                          ("„Альфа - Инвест“", "after")])
def test_a_dash_inside_quote_marks_does_not_end_an_organisation(name, way):
    # the parser hangs the name differently after straight quotes: the way differs, not the
    # organisation
    assert posts(f"Председатель правления банка {name} Иван Петров уехал.") == [
        (f"occupation/{way}", post("Иван Петров", "Председатель", f"правление банка {name}"))]
