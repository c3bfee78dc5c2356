"""Synthetic regiongraph projects for benchmarks: N articles' worth of entities and facts.

    python bench/synth.py N OUTDIR [--seed S]

writes OUTDIR/ontology/ and OUTDIR/queries/ (copied from this checkout) and OUTDIR/data/
(generated): data/articles/<id>.txt + <id>.yaml, data/entities/*.yaml, data/facts/<id>.yaml.
OUTDIR can then be built like the repository itself: `python build_graph.py --root OUTDIR`.

The shape follows the seed data (2 articles, 95 entities, 69 facts):

- per article about 40 new registry entities: 7 persons, 10 organisations (companies,
  government bodies, a media outlet, a university, an agency, a delegation, a college),
  8 places (regions, cities, settlements, a natural area), 8 projects (projects and
  facilities) and 7 products; plus one shared base of countries, posts, cooperation areas and
  product categories (the vocabularies, which do not grow with the corpus);
- per article about 35 facts in the seeds' class mix: PostHolding, Visit, Meeting,
  Negotiation, Agreement, Invitation, Cultural/CommemorativeEvent, Cooperation, TradeFlow,
  ProjectReport (stages, planned dates and periods, investments) and Statement (verbatim text);
- about a quarter of the references go to entities of earlier articles (regions, companies,
  persons reported again), so the graph is connected across articles as real news is.

The article text is assembled from generated Russian sentences and every quote, statement
text and metadata evidence is one of those sentences (or a part of one), so all of it occurs
verbatim. Generation is deterministic: article i depends only on the seed and on articles
0..i-1, so the first 100 articles of a 1,000-article project are the 100-article project.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

# --- Words ----------------------------------------------------------------------------------

_TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
     "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
    strict=True))


def translit(text: str) -> str:
    out = []
    for char in text:
        low = char.lower()
        if low in _TRANSLIT:
            latin = _TRANSLIT[low]
            out.append(latin.capitalize() if char != low else latin)
        else:
            out.append(char)
    return "".join(out)


def slug(text: str, limit: int = 32) -> str:
    latin = translit(text).lower()
    cleaned = "".join(c if c.isascii() and c.isalnum() else "-" for c in latin)
    return "-".join(part for part in cleaned.split("-") if part)[:limit].strip("-")


PREFIXES = ["Бело", "Красно", "Черно", "Ново", "Старо", "Верхне", "Нижне", "Светло", "Тихо",
            "Горно", "Средне", "Дальне", "Южно", "Северо", "Ясно", "Велико", "Мало", "Высоко",
            "Широко", "Зелено"]
ROOTS = ["бор", "камен", "реч", "озер", "луг", "гор", "ключ", "дол", "яр", "лес", "мост",
         "сосн", "кедр", "берез", "поль", "дуб", "вод", "холм", "брод", "стан", "рудн",
         "полян", "угор", "ков", "зим"]

MALE_NAMES = ["Александр", "Алексей", "Андрей", "Антон", "Артём", "Борис", "Вадим", "Валерий",
              "Василий", "Виктор", "Владимир", "Геннадий", "Денис", "Дмитрий", "Евгений",
              "Игорь", "Илья", "Кирилл", "Максим", "Михаил", "Николай", "Олег", "Павел",
              "Роман", "Сергей", "Станислав", "Юрий"]
FEMALE_NAMES = ["Анастасия", "Анна", "Валентина", "Вера", "Екатерина", "Елена", "Ирина",
                "Людмила", "Марина", "Мария", "Наталья", "Ольга", "Светлана", "Татьяна",
                "Юлия"]
SURNAMES = ["Андреев", "Белов", "Богданов", "Васильев", "Волков", "Воробьёв", "Герасимов",
            "Горбунов", "Григорьев", "Громов", "Давыдов", "Дмитриев", "Егоров", "Ершов",
            "Жуков", "Зайцев", "Захаров", "Иванов", "Ильин", "Калинин", "Карпов", "Киселёв",
            "Ковалёв", "Козлов", "Комаров", "Кудрявцев", "Кузнецов", "Лебедев", "Макаров",
            "Медведев", "Мельников", "Миронов", "Морозов", "Никитин", "Новиков", "Орлов",
            "Осипов", "Павлов", "Петров", "Поляков", "Попов", "Романов", "Румянцев",
            "Савельев", "Семёнов", "Сидоров", "Смирнов", "Соколов", "Соловьёв", "Степанов",
            "Тарасов", "Титов", "Фёдоров", "Фролов", "Шестаков", "Щербаков", "Юдин",
            "Яковлев", "Берёзин", "Кравцов", "Логинов"]

# id, nominative, genitive, accusative, prepositional, English
COUNTRIES = [
    ("russia", "Россия", "России", "Россию", "России", "Russia"),
    ("belarus", "Беларусь", "Беларуси", "Беларусь", "Беларуси", "Belarus"),
    ("kazakhstan", "Казахстан", "Казахстана", "Казахстан", "Казахстане", "Kazakhstan"),
    ("china", "Китай", "Китая", "Китай", "Китае", "China"),
    ("india", "Индия", "Индии", "Индию", "Индии", "India"),
    ("uzbekistan", "Узбекистан", "Узбекистана", "Узбекистан", "Узбекистане", "Uzbekistan"),
    ("armenia", "Армения", "Армении", "Армению", "Армении", "Armenia"),
    ("mongolia", "Монголия", "Монголии", "Монголию", "Монголии", "Mongolia"),
    ("vietnam", "Вьетнам", "Вьетнама", "Вьетнам", "Вьетнаме", "Vietnam"),
    ("turkey", "Турция", "Турции", "Турцию", "Турции", "Turkey"),
    ("iran", "Иран", "Ирана", "Иран", "Иране", "Iran"),
    ("kyrgyzstan", "Киргизия", "Киргизии", "Киргизию", "Киргизии", "Kyrgyzstan"),
    ("tajikistan", "Таджикистан", "Таджикистана", "Таджикистан", "Таджикистане", "Tajikistan"),
    ("serbia", "Сербия", "Сербии", "Сербию", "Сербии", "Serbia"),
    ("egypt", "Египет", "Египта", "Египет", "Египте", "Egypt"),
]

# id, Russian (nominative), English
POSTS = [
    ("governor", "губернатор", "governor"), ("mayor", "мэр", "mayor"),
    ("minister-of-industry", "министр промышленности", "minister of industry"),
    ("ambassador", "посол", "ambassador"),
    ("general-director", "генеральный директор", "general director"),
    ("rector", "ректор", "rector"), ("delegation-head", "руководитель делегации",
                                     "head of delegation"),
    ("agency-head", "руководитель агентства", "head of agency"),
    ("editor-in-chief", "главный редактор", "editor-in-chief"),
    ("political-scientist", "политолог", "political scientist"),
    ("deputy-governor", "заместитель губернатора", "deputy governor"),
    ("college-director", "директор колледжа", "college director"),
]

# id, nominative, genitive, English, broader
AREAS = [
    ("trade", "торговля", "торговли", "trade", None),
    ("economy", "экономика", "экономики", "economy", None),
    ("education", "образование", "образования", "education", None),
    ("culture", "культура", "культуры", "culture", None),
    ("tourism", "туризм", "туризма", "tourism", None),
    ("science", "наука", "науки", "science", None),
    ("industry", "промышленность", "промышленности", "industry", None),
    ("machine-building", "машиностроение", "машиностроения", "machine building", "industry"),
    ("agriculture", "сельское хозяйство", "сельского хозяйства", "agriculture", None),
    ("medicine", "медицина", "медицины", "medicine", None),
    ("health", "здравоохранение", "здравоохранения", "health care", "medicine"),
    ("transport", "транспорт", "транспорта", "transport", None),
    ("logistics", "логистика", "логистики", "logistics", "transport"),
    ("construction", "строительство", "строительства", "construction", None),
    ("energy", "энергетика", "энергетики", "energy", None),
    ("sport", "спорт", "спорта", "sport", None),
    ("youth", "молодёжная политика", "молодёжной политики", "youth policy", None),
    ("digital", "цифровые технологии", "цифровых технологий", "digital technology", None),
]

CATEGORIES = [
    ("machinery", "машины и оборудование", "machinery and equipment"),
    ("raw-materials", "сырьё и топливо", "raw materials and fuel"),
    ("metals", "металлы и изделия из них", "metals and metal products"),
    ("food-and-agriculture", "продовольствие и сельхозпродукция", "food and agricultural products"),
    ("electrical-and-industrial", "электротехническая и промышленная продукция",
     "electrical and industrial products"),
    ("chemicals", "химическая продукция", "chemical products"),
]

# Russian (plural nominative = accusative), English, category
PRODUCT_KINDS = [
    ("карьерные самосвалы", "mining dump trucks", "machinery"),
    ("тракторы", "tractors", "machinery"), ("комбайны", "combine harvesters", "machinery"),
    ("автобусы", "buses", "machinery"), ("лифты", "lifts", "machinery"),
    ("буровые установки", "drilling rigs", "machinery"), ("насосы", "pumps", "machinery"),
    ("электродвигатели", "electric motors", "electrical-and-industrial"),
    ("трансформаторы", "transformers", "electrical-and-industrial"),
    ("кабели", "cables", "electrical-and-industrial"),
    ("светильники", "lighting fixtures", "electrical-and-industrial"),
    ("угольные брикеты", "coal briquettes", "raw-materials"),
    ("коксующиеся угли", "coking coals", "raw-materials"),
    ("алюминиевые сплавы", "aluminium alloys", "metals"),
    ("стальные трубы", "steel pipes", "metals"), ("медные провода", "copper wires", "metals"),
    ("молочные продукты", "dairy products", "food-and-agriculture"),
    ("мясные консервы", "canned meat", "food-and-agriculture"),
    ("зерновые смеси", "grain mixes", "food-and-agriculture"),
    ("семенные картофели", "seed potatoes", "food-and-agriculture"),
    ("минеральные удобрения", "mineral fertilisers", "chemicals"),
    ("шины", "tyres", "chemicals"), ("лакокрасочные материалы", "paints", "chemicals"),
]

COMPANY_SUFFIXES = ["маш", "агро", "металл", "энерго", "транс", "строй", "хим", "лифт",
                    "уголь", "электро"]

# Russian head, English head; a project is "<head> в <city, prepositional>"
PROJECT_HEADS = [
    ("Создание технопарка", "Technopark"), ("Модернизация энергосетей", "Grid modernisation"),
    ("Развитие туристического кластера", "Tourism cluster development"),
    ("Локализация производства комплектующих", "Component localisation"),
    ("Программа субсидирования авиарейсов", "Flight subsidy programme"),
    ("Обновление общественного транспорта", "Public transport renewal"),
    ("Программа студенческих обменов", "Student exchange programme"),
    ("Цифровизация здравоохранения", "Digital health care"),
    ("Строительство жилого квартала", "Housing district construction"),
    ("Программа поддержки экспорта", "Export support programme"),
]
FACILITY_HEADS = [
    ("Логистический центр", "Logistics centre"), ("Сервисный центр", "Service centre"),
    ("Индустриальный парк", "Industrial park"), ("Тепличный комплекс", "Greenhouse complex"),
    ("Завод по переработке молока", "Milk processing plant"),
    ("Горнолыжный комплекс", "Ski resort"), ("Сборочное производство", "Assembly plant"),
    ("Учебный центр", "Training centre"),
]

MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
              "сентября", "октября", "ноября", "декабря"]
MONTHS_ACC = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
              "сентябрь", "октябрь", "ноябрь", "декабрь"]
QUARTERS = ["первый", "второй", "третий", "четвёртый"]
STAGES = ["proposed", "planned", "under-construction", "operating"]

STATEMENTS = [
    "Мы рассчитываем в ближайшие два года удвоить объём поставок в {X_acc}",
    "Для нашего региона это сотрудничество имеет стратегическое значение",
    "Новый проект позволит создать не менее {n} рабочих мест",
    "Наша задача — найти надёжных партнёров среди предприятий {X_gen}",
    "Уже в этом году мы откроем новые направления для туристов из {X_gen}",
    "Сотрудничество в сфере {area_gen} выходит на новый уровень",
    "Мы готовы предложить инвесторам льготные условия и готовую инфраструктуру",
    "Регион заинтересован в локализации производства на своей территории",
    "Товарооборот растёт третий год подряд, и это не предел",
    "Совместные проекты дают работу тысячам людей по обе стороны границы",
]

FILLER = [
    "Подробности соглашений стороны пока не раскрывают.",
    "Ранее об этом сообщала пресс-служба регионального правительства.",
    "Эксперты называют это направление одним из самых перспективных.",
    "Следующий раунд переговоров намечен на конец года.",
    "Стороны также обсудили вопросы логистики и таможенного оформления.",
    "В мероприятиях приняли участие представители деловых кругов.",
]

MALE_VERBS = {"провёл": "провёл", "подчеркнул": "подчеркнул", "заявил": "заявил",
              "отметил": "отметил", "рассказал": "рассказал", "принял": "принял",
              "посетил": "посетил", "сообщил": "сообщил", "передал": "передал"}
FEMALE_VERBS = {"провёл": "провела", "подчеркнул": "подчеркнула", "заявил": "заявила",
                "отметил": "отметила", "рассказал": "рассказала", "принял": "приняла",
                "посетил": "посетила", "сообщил": "сообщила", "передал": "передала"}

# --- Model of the generated registry ---------------------------------------------------------


@dataclass
class Ent:
    """A generated entity: its registry entry and the word forms sentences need."""

    id: str
    cls: str
    nom: str
    en: str
    gen: str = ""
    acc: str = ""
    prep: str = ""
    female: bool = False
    extra: dict = field(default_factory=dict)

    def entry(self) -> dict:
        item = {"id": self.id, "class": self.cls, "label": {"ru": self.nom, "en": self.en}}
        aliases = [form for form in dict.fromkeys((self.nom, self.gen, self.acc, self.prep))
                   if form]
        item["aliases"] = aliases
        item.update((key, value) for key, value in self.extra.items() if key != "region")
        return item

    def verb(self, base: str) -> str:
        return (FEMALE_VERBS if self.female else MALE_VERBS)[base]


def _area_entries() -> list[dict]:
    entries = []
    for key, nom, gen, en, broader in AREAS:
        item = {"id": f"area-{key}", "class": "CooperationArea", "label": {"ru": nom, "en": en},
                "aliases": [gen]}
        if broader:
            item["broader"] = f"area-{broader}"
        entries.append(item)
    return entries


def base_entities() -> dict[str, list[dict]]:
    """The shared vocabularies: countries, posts, cooperation areas, product categories."""
    countries = [{"id": key, "class": "Country", "label": {"ru": nom, "en": en},
                  "aliases": list(dict.fromkeys((nom, gen, acc, prep)))}
                 for key, nom, gen, acc, prep, en in COUNTRIES]
    posts = [{"id": key, "class": "Post", "label": {"ru": ru, "en": en}, "aliases": [ru]}
             for key, ru, en in POSTS]
    categories = [{"id": key, "class": "ProductCategory", "label": {"ru": ru, "en": en}}
                  for key, ru, en in CATEGORIES]
    return {"places": countries, "posts": posts, "areas": _area_entries(),
            "products": categories}


# --- One article -----------------------------------------------------------------------------


class Pool:
    """Entities of earlier articles, by role, for cross-article references."""

    def __init__(self) -> None:
        self.by_kind: dict[str, list[Ent]] = {}
        self.countries = {key: Ent(key, "Country", nom, en, gen, acc, prep)
                          for key, nom, gen, acc, prep, en in COUNTRIES}

    def add(self, kind: str, ent: Ent) -> None:
        self.by_kind.setdefault(kind, []).append(ent)

    def pick(self, rng: random.Random, kind: str, fresh: Ent, share: float = 0.25) -> Ent:
        """`fresh`, or with probability `share` an entity of this kind from an earlier article."""
        earlier = self.by_kind.get(kind)
        if earlier and rng.random() < share:
            return rng.choice(earlier)
        return fresh


class Article:
    """Builds one article: its entities, its text sentence by sentence, and its facts."""

    def __init__(self, index: int, seed: int, pool: Pool) -> None:
        digest = hashlib.sha256(f"{seed}:{index}".encode()).hexdigest()
        self.rng = random.Random(digest)
        self.index = index
        self.id = f"{index:05d}_{digest[:16]}"
        self.tag = f"a{index:05d}"
        self.pool = pool
        self.entities: dict[str, list[dict]] = {}
        self.facts: list[dict] = []
        self.paragraphs: list[list[str]] = [[]]
        self.ids: set[str] = set()
        self.year = self.rng.randint(2019, 2025)
        self.month = self.rng.randint(1, 12)
        self.day = self.rng.randint(6, 28)

    # -- helpers ----------------------------------------------------------------------------

    def new_id(self, text: str) -> str:
        base = f"{slug(text)}-{self.tag}"
        key, number = base, 2
        while key in self.ids:
            key, number = f"{base}-{number}", number + 1
        self.ids.add(key)
        return key

    def register(self, group: str, kind: str, ent: Ent) -> Ent:
        self.entities.setdefault(group, []).append(ent.entry())
        self._new.append((kind, ent))
        return ent

    def say(self, sentence: str, new_paragraph: bool = False) -> str:
        if new_paragraph and self.paragraphs[-1]:
            self.paragraphs.append([])
        self.paragraphs[-1].append(sentence)
        return sentence

    def paragraph(self) -> None:
        if self.paragraphs[-1]:
            self.paragraphs.append([])

    def fact(self, cls: str, name: str, quote: str | list[str], **roles) -> str:
        key = f"{name}-{self.tag}-{len(self.facts) + 1}"
        item = {"id": key, "class": cls}
        item.update({role: value for role, value in roles.items() if value not in (None, [])})
        item["quote"] = quote
        self.facts.append(item)
        return key

    def stem(self) -> str:
        return self.rng.choice(PREFIXES) + self.rng.choice(ROOTS)

    def month_date(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    # -- entities -----------------------------------------------------------------------------

    def make_entities(self) -> None:
        rng, self._new = self.rng, []
        self.country = self.pool.countries["russia"]
        self.partner = self.pool.countries[rng.choice([c[0] for c in COUNTRIES[1:]])]

        regions = []
        for _ in range(2):
            stem = self.stem()
            ent = Ent(self.new_id(stem + "skaya oblast"), "Region", f"{stem}ская область",
                      f"{translit(stem)}skaya Oblast", f"{stem}ской области",
                      f"{stem}скую область", f"{stem}ской области",
                      extra={"locatedIn": "russia"})
            regions.append(self.register("places", "region", ent))
        self.home = self.pool.pick(rng, "region", regions[0], 0.3)
        self.other_region = regions[1]
        cities = []
        for number in range(3):
            stem = self.stem()
            region = regions[0] if number < 2 else regions[1]
            ent = Ent(self.new_id(stem + "sk"), "City", f"{stem}ск", f"{translit(stem)}sk",
                      f"{stem}ска", f"{stem}ск", f"{stem}ске", extra={"locatedIn": region.id})
            cities.append(self.register("places", "city", ent))
        self.cities = cities
        settlements = []
        for _ in range(2):
            stem = self.stem()
            ent = Ent(self.new_id(stem + "ovo"), "Settlement", f"{stem}ово",
                      f"{translit(stem)}ovo", extra={"locatedIn": regions[0].id,
                                                     "note": "A synthetic settlement."})
            settlements.append(self.register("places", "settlement", ent))
        self.settlements = settlements
        stem = self.stem()
        self.natural = self.register("places", "natural", Ent(
            self.new_id(stem + "skaya taiga"), "NaturalArea", f"{stem}ская тайга",
            f"{translit(stem)}skaya Taiga", extra={"locatedIn": regions[0].id}))

        companies = []
        for _ in range(3):
            name = f"{self.stem().capitalize()}{rng.choice(COMPANY_SUFFIXES)}"
            label = f"АО «{name}»"
            ent = Ent(self.new_id(name), "Company", label, f"JSC {translit(name)}", label,
                      extra={"locatedIn": rng.choice(cities).id})
            companies.append(self.register("organisations", "company", ent))
        self.companies = companies
        home = regions[0]
        self.ministry = self.register("organisations", "government", Ent(
            self.new_id("minprom " + home.en), "GovernmentBody",
            f"Министерство промышленности {home.gen}", f"Ministry of Industry of {home.en}",
            f"Министерства промышленности {home.gen}", extra={"locatedIn": home.id}))
        self.ministry.extra["region"] = home  # for sentences; not written (see Ent.entry)
        city = cities[0]
        self.city_admin = self.register("organisations", "government", Ent(
            self.new_id("admin " + city.en), "GovernmentBody", f"Администрация {city.gen}",
            f"Administration of {city.en}", f"Администрации {city.gen}",
            extra={"locatedIn": city.id}))
        stem = self.stem()
        self.media = self.register("organisations", "media", Ent(
            self.new_id(stem + " vesti"), "MediaOutlet", f"«{stem.capitalize()}ские вести»",
            f"{translit(stem)}skie Vesti", extra={"locatedIn": home.id}))
        stem = self.stem()
        self.university = self.register("organisations", "university", Ent(
            self.new_id(stem + " university"), "University",
            f"{stem}ский государственный университет", f"{translit(stem)} State University",
            f"{stem}ского государственного университета", extra={"locatedIn": city.id}))
        stem = self.stem()
        self.agency = self.register("organisations", "agency", Ent(
            self.new_id(stem + " consult"), "Agency", f"Агентство «{stem} Консалт»",
            f"{translit(stem)} Consult agency", f"агентства «{stem} Консалт»",
            extra={"locatedIn": home.id}))
        self.delegation = self.register("organisations", "group", Ent(
            self.new_id("delegation " + self.home.en), "OrganisationGroup",
            f"Делегация {self.home.gen} ({self.year})",
            f"Delegation of {self.home.en} ({self.year})", f"делегации {self.home.gen}",
            extra={"locatedIn": self.home.id,
                   "note": f"The delegation of {self.home.en} of {self.year}."}))
        stem = self.stem()
        self.college = self.register("organisations", "college", Ent(
            self.new_id(stem + " college"), "EducationalInstitution",
            f"{stem}ский политехнический колледж", f"{translit(stem)} Polytechnic College",
            f"{stem}ского политехнического колледжа", extra={"locatedIn": city.id}))

        persons = []
        for _ in range(7):
            female = rng.random() < 0.3
            first = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
            last = rng.choice(SURNAMES)
            if female:
                last += "а"
            name = f"{first} {last}"
            ent = Ent(self.new_id(translit(name)), "Person", name, translit(name),
                      female=female)
            ent.extra = {"aliases": [name, last]}
            persons.append(self.register("people", "person", ent))
        self.persons = persons

        projects = []
        for head, head_en in rng.sample(PROJECT_HEADS, 5):
            place = rng.choice(cities)
            ent = Ent(self.new_id(f"{head_en} {place.en}"), "Project", f"{head} в {place.prep}",
                      f"{head_en} in {place.en}")
            projects.append(self.register("projects", "project", ent))
        for head, head_en in rng.sample(FACILITY_HEADS, 3):
            place = rng.choice(cities + settlements)
            extra = {"locatedIn": place.id}
            if rng.random() < 0.4:
                extra["partOf"] = rng.choice(projects[:5]).id
            ent = Ent(self.new_id(f"{head_en} {place.en}"), "Facility", f"{head} в {place.prep}"
                      if place.prep else f"{head} в посёлке {place.nom}",
                      f"{head_en} in {place.en}", extra=extra)
            projects.append(self.register("projects", "project", ent))
        self.projects = projects

        products = []
        for kind, kind_en, category in rng.sample(PRODUCT_KINDS, 7):
            brand = f"{self.stem().capitalize()}-{rng.randint(10, 990)}"
            ent = Ent(self.new_id(f"{kind_en} {brand}"), "Product", f"{kind} «{brand}»",
                      f"{kind_en}, {translit(brand)} brand", extra={"category": category})
            products.append(self.register("products", "product", ent))
        self.products = products

    # -- text and facts --------------------------------------------------------------------------

    def pick_products(self, low: int, high: int) -> list[Ent]:
        count = self.rng.randint(low, high)
        chosen = self.rng.sample(self.products, count)
        return [self.pool.pick(self.rng, "product", ent, 0.2) for ent in chosen]

    @staticmethod
    def listing(words: list[str]) -> str:
        return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " и " + words[-1]

    def areas(self, low: int = 1, high: int = 3) -> list[tuple[str, str, str]]:
        return self.rng.sample(AREAS, self.rng.randint(low, high))

    def write(self) -> None:
        rng, home, partner = self.rng, self.home, self.partner
        governor, minister, director, ambassador, expert, rector, journalist = self.persons
        company = self.pool.pick(rng, "company", self.companies[0])
        year, month = self.year, self.month

        title = f"{home.nom} и {partner.nom} расширяют сотрудничество"
        self.title = title
        intro = self.say(f"{home.nom} расширит сотрудничество с партнёрами из {partner.gen}.")
        self.say(rng.choice(FILLER))

        # Posts held at the article's date.
        posts = [
            (governor, "governor", home, f"Губернатор {home.gen} {governor.nom}",
             f"{governor.verb('провёл')} рабочее совещание с представителями бизнеса."),
            (minister, "minister-of-industry", self.ministry,
             f"Министр промышленности {self.ministry.extra['region'].gen} {minister.nom}",
             f"{minister.verb('рассказал')} о планах на ближайший год."),
            (director, "general-director", company, f"Генеральный директор {company.gen} "
             f"{director.nom}", f"{director.verb('принял')} участие в переговорах."),
            (ambassador, "ambassador", partner, f"Посол {partner.gen} в России {ambassador.nom}",
             f"{ambassador.verb('принял')} участие во встрече."),
            (rector, "rector", self.university, f"Ректор {self.university.gen} {rector.nom}",
             f"{rector.verb('рассказал')} о программах обмена студентами."),
            (expert, "political-scientist", None, f"Политолог {expert.nom}",
             "считает, что у этих проектов большой потенциал."),
        ]
        if rng.random() < 0.5:  # a person of an earlier article, attested again
            again = self.pool.pick(rng, "person", governor, 1.0)
            posts.append((again, "deputy-governor", home,
                          f"Заместитель губернатора {home.gen} {again.nom}",
                          f"{again.verb('отметил')} важность этих договорённостей."))
        self.paragraph()
        for person, post, org, phrase, rest in posts:
            sentence = self.say(f"{phrase} {rest}")
            quote = phrase if rng.random() < 0.6 else sentence
            roles = {"holder": person.id, "post": post}
            if org is not None:
                roles["organisation"] = org.id
            if post == "ambassador":
                roles["postedTo"] = "russia"
            self.fact("PostHolding", f"{post}-{person.id.split('-')[0]}", quote, **roles)

        # The visit and its parts.
        d1 = rng.randint(1, 24)
        d2 = d1 + rng.randint(1, 3)
        period = f"{year:04d}-{month:02d}-{d1:02d}/{year:04d}-{month:02d}-{d2:02d}"
        status = rng.choice(["held", "ongoing", "planned"])
        visit_sentence = self.say(
            f"С {d1} по {d2} {MONTHS_GEN[month - 1]} делегация {home.gen}, которую возглавляет "
            f"{governor.nom}, находится с визитом в {partner.prep}.", new_paragraph=True)
        visit = self.fact(
            "Visit", "visit", visit_sentence, participant=[governor.id, self.delegation.id],
            organiser=home.id, destination=partner.id, date=period, status=status,
            label={"ru": f"Визит делегации {home.gen} в {partner.acc}",
                   "en": f"Visit of the {home.en} delegation to {partner.en}"})
        first_stage = self.say(f"Первым этапом визита стало посещение предприятия {company.nom}.")
        self.fact("Visit", "visit", first_stage, participant=[governor.id, self.delegation.id],
                  destination=company.id, date=period, status="held", subEventOf=visit,
                  label={"ru": f"Посещение {company.gen} делегацией {home.gen}",
                         "en": f"Visit of the {home.en} delegation to {company.en}"})
        talks_areas = self.areas(2, 4)
        talks = self.say(
            f"Стороны провели переговоры о сотрудничестве в сферах "
            f"{self.listing([a[2] for a in talks_areas])}.")
        self.fact("Negotiation", "negotiation", talks, participant=[home.id, partner.id],
                  place=partner.id, date=period, status=status, subEventOf=visit,
                  topic=[f"area-{a[0]}" for a in talks_areas],
                  label={"ru": f"Переговоры {home.gen} и {partner.gen}",
                         "en": f"Talks of {home.en} and {partner.en}"})
        meeting_sentence = self.say(
            f"В ходе визита {governor.nom} и {ambassador.nom} провели рабочую встречу.")
        meeting = self.fact(
            "Meeting", "meeting", [visit_sentence, meeting_sentence],
            participant=[governor.id, ambassador.id], place=partner.id, date=period,
            status=status, subEventOf=visit,
            label={"ru": f"Встреча: {governor.nom} и {ambassador.nom}",
                   "en": f"Meeting of {governor.en} and {ambassador.en}"})
        city = self.cities[0]
        day = rng.randint(1, 28)
        second_meeting = self.say(
            f"{day} {MONTHS_GEN[month - 1]} {minister.nom} и {director.nom} "
            f"встретились в {city.prep}.")
        self.fact("Meeting", "meeting", second_meeting,
                  participant=[minister.id, director.id], place=city.id,
                  date=f"{year:04d}-{month:02d}-{day:02d}", status="held",
                  topic=rng.choice(self.projects).id,
                  label={"ru": f"Встреча: {minister.nom} и {director.nom}",
                         "en": f"Meeting of {minister.en} and {director.en}"})
        last_year_city = self.pool.pick(rng, "city", self.cities[2], 0.5)
        past = self.say(f"Летом {year - 1} года {rector.nom} {rector.verb('посетил')} "
                        f"{last_year_city.acc}.")
        self.fact("Visit", "visit", past, participant=rector.id, destination=last_year_city.id,
                  date=f"{year - 1}-summer", status="held",
                  label={"ru": f"Поездка: {rector.nom}, {last_year_city.nom}",
                         "en": f"Trip of {rector.en} to {last_year_city.en}"})

        # Agreement and cooperation.
        agreed = rng.choice(self.projects)
        agreement = self.say(
            f"По итогам переговоров {home.nom} и {company.nom} договорились о реализации "
            f"проекта «{agreed.nom}».", new_paragraph=True)
        self.fact("Agreement", "agreement", agreement, participant=[home.id, company.id],
                  date=period, status="held", subEventOf=visit, topic=agreed.id,
                  label={"ru": f"Договорённость: {agreed.nom}",
                         "en": f"Agreement on {agreed.en}"})
        coop_parties = [(home, partner), (home, company),
                        (self.pool.pick(rng, "region", self.other_region), partner),
                        (self.university, self.pool.pick(rng, "university", self.university,
                                                         0.8))]
        for party, other in coop_parties:
            if other is party:
                other = partner
            chosen = self.areas()
            coop_status = rng.choice(["ongoing", "planned"])
            verb = "развивают" if coop_status == "ongoing" else "намерены развивать"
            sentence = self.say(f"{party.nom} и {other.nom} {verb} сотрудничество в "
                                f"{'сферах' if len(chosen) > 1 else 'сфере'} "
                                f"{self.listing([a[2] for a in chosen])}.")
            quotes = [intro, sentence] if party is home and other is partner else sentence
            self.fact("Cooperation", "cooperation", quotes, party=party.id,
                      partner=other.id,
                      area=[f"area-{a[0]}" for a in chosen], status=coop_status,
                      date=self.month_date())

        # Trade.
        group = self.delegation
        flows = [(partner, home, self.pick_products(1, 3)),
                 (company, self.pool.pick(rng, "region", self.other_region),
                  self.pick_products(1, 2)),
                 (home, partner, self.pick_products(2, 3))]
        self.paragraph()
        for origin, destination, goods in flows:
            sentence = self.say(f"{origin.nom} поставляет в {destination.acc} "
                                f"{self.listing([g.nom for g in goods])}.")
            self.fact("TradeFlow", "trade", sentence, origin=origin.id,
                      destination=destination.id, product=[g.id for g in goods],
                      status="ongoing", date=self.month_date())
        growth = rng.randint(3, 60)
        turnover = self.say(f"За {year - 1} год объём поставок из {partner.gen} в {home.acc} "
                            f"вырос на {growth}%.")
        self.fact("TradeFlow", "trade", turnover, origin=partner.id, destination=home.id,
                  status="held", date=str(year - 1),
                  note=f"Supplies grew by {growth}% ({group.en} reported it).")

        # Projects.
        for number, project in enumerate(rng.sample(self.projects, 8)):
            stage = rng.choice(STAGES)
            quotes = [self.say({
                "proposed": f"Стороны обсудили проект «{project.nom}».",
                "planned": f"Принято решение о реализации проекта «{project.nom}».",
                "under-construction": f"Сейчас идёт работа над проектом «{project.nom}».",
                "operating": f"Проект «{project.nom}» уже действует.",
            }[stage], new_paragraph=number % 3 == 0)]
            roles: dict = {"project": project.id, "stage": stage}
            if rng.random() < 0.7:
                roles["location"] = rng.choice(self.cities + self.settlements).id
            partners = rng.sample([home, company, self.companies[1], self.university,
                                   self.city_admin, partner], rng.randint(0, 2))
            if partners:
                roles["partner"] = [p.id for p in partners]
                verb = "Партнёрами выступают" if len(partners) > 1 else "Партнёром выступает"
                quotes.append(self.say(f"{verb} {self.listing([p.nom for p in partners])}."))
            if rng.random() < 0.5:
                roles["area"] = [f"area-{a[0]}" for a in self.areas(1, 2)]
            if rng.random() < 0.4:
                roles["product"] = [g.id for g in self.pick_products(1, 2)]
            if stage in ("planned", "under-construction") or number < 2:
                planned, phrase = self.planned_date()
                roles["plannedDate"] = planned
                quotes.append(self.say(f"Ввод в эксплуатацию запланирован на {phrase}."))
            if number < 2 or rng.random() < 0.15:
                amount, currency, phrase = self.money()
                roles["investment"] = {"amount": amount, "currency": currency}
                quotes.append(self.say(f"Инвестиции в проект составят {phrase}."))
            self.fact("ProjectReport", "report", quotes if len(quotes) > 1 else quotes[0],
                      **roles)

        # Statements.
        speakers = [(governor, {"saidAt": meeting}), (ambassador, {"saidAt": meeting}),
                    (minister, {"medium": self.media.id}), (expert, {"medium": self.media.id})]
        for number, (speaker, where) in enumerate(speakers):
            text = rng.choice(STATEMENTS).format(
                X_acc=partner.acc, X_gen=partner.gen, n=rng.randint(50, 900),
                area_gen=rng.choice(AREAS)[2])
            if number % 2 == 0:
                sentence = self.say(f"«{text}», — {speaker.verb('подчеркнул')} {speaker.nom}.",
                                    new_paragraph=number == 0)
                tail = f"», — {speaker.verb('подчеркнул')} {speaker.nom}."
                quote = sentence if rng.random() < 0.5 else tail
            else:
                reported = text[0].lower() + text[1:]
                sentence = self.say(f"{speaker.nom} {speaker.verb('сообщил')}, что {reported}.")
                text, quote = reported, sentence
            roles = dict(where)
            if rng.random() < 0.5:
                roles["topic"] = rng.choice([partner.id, rng.choice(self.projects).id,
                                             f"area-{rng.choice(AREAS)[0]}"])
            self.fact("Statement", "statement", quote, speaker=speaker.id, text=text,
                      date=self.month_date(), **roles)
        press = self.say(f"{self.ministry.nom} сообщает: «Работа над соглашениями продолжается».")
        self.fact("Statement", "statement", press, speaker=self.ministry.id,
                  text="Работа над соглашениями продолжается", medium=self.media.id,
                  date=self.month_date())

        # Invitation, cultural and commemorative events.
        invitation = self.say(
            f"{ambassador.nom} {ambassador.verb('передал')} приглашение посетить {partner.acc} "
            f"с официальным визитом осенью этого года.", new_paragraph=True)
        self.fact("Invitation", "invitation", invitation, organiser=ambassador.id,
                  participant=governor.id, date=self.month_date(), status="held",
                  subEventOf=meeting, topic=partner.id,
                  label={"ru": f"Приглашение посетить {partner.acc}",
                         "en": f"Invitation to visit {partner.en}"})
        if rng.random() < 0.6:
            days = self.say(f"Осенью {year} года в {partner.prep} пройдут Дни культуры "
                            f"{home.gen}.")
            self.fact("CulturalEvent", "culture", days, organiser=home.id, place=partner.id,
                      date=f"{year}-autumn", status="planned",
                      label={"ru": f"Дни культуры {home.gen} в {partner.prep}",
                             "en": f"Days of {home.en} culture in {partner.en}"})
        if rng.random() < 0.35:
            memorial = self.say(
                f"{day} {MONTHS_GEN[month - 1]} в {city.prep} прошли памятные мероприятия с "
                f"участием студентов {self.college.gen}.")
            self.fact("CommemorativeEvent", "commemoration", memorial,
                      participant=self.college.id, place=city.id,
                      date=f"{year:04d}-{month:02d}-{day:02d}", status="held",
                      label={"ru": f"Памятные мероприятия в {city.prep}",
                             "en": f"Commemorations in {city.en}"})
        self.say(rng.choice(FILLER))

        self.credit_author = f"Текст: {journalist.nom}."
        self.credit_publisher = f"Источник: {self.media.nom}."
        self.journalist = journalist

    def planned_date(self) -> tuple[str, str]:
        rng, year = self.rng, self.year
        choice = rng.randrange(8)
        if choice == 0:
            return f"{year + 1}-H1", f"первую половину {year + 1} года"
        if choice == 1:
            return f"{year}-H2", f"вторую половину {year} года"
        if choice == 2:
            quarter = rng.randint(1, 4)
            return f"{year + 1}-Q{quarter}", f"{QUARTERS[quarter - 1]} квартал {year + 1} года"
        if choice == 3:
            season, word = rng.choice([("spring", "весну"), ("summer", "лето"),
                                       ("autumn", "осень")])
            return f"{year + 1}-{season}", f"{word} {year + 1} года"
        if choice == 4:
            return f"{year + 1}-winter", f"зиму {year + 1}–{year + 2} годов"
        if choice == 5:
            return str(year + 2), f"{year + 2} год"
        if choice == 6:
            month = rng.randint(1, 12)
            return f"{year + 1}-{month:02d}", f"{MONTHS_ACC[month - 1]} {year + 1} года"
        first = rng.randint(1, 9)
        last = first + rng.randint(1, 3)
        return (f"{year + 1}-{first:02d}/{year + 1}-{last:02d}",
                f"период с {MONTHS_GEN[first - 1]} по "
                f"{MONTHS_ACC[last - 1]} {year + 1} года")

    def money(self) -> tuple[int, str, str]:
        rng = self.rng
        currency, word = rng.choice([("RUB", "рублей")] * 6 + [("CNY", "юаней"),
                                                                ("USD", "долларов")])
        space = "\u00a0" if rng.random() < 0.3 else " "
        if rng.random() < 0.5:
            tenths = rng.randint(11, 250)
            whole, part = divmod(tenths, 10)
            text = f"{whole},{part}" if part else str(whole)
            return tenths * 10**8, currency, f"{text}{space}млрд {word}"
        millions = rng.randint(50, 990)
        return millions * 10**6, currency, f"{millions}{space}млн {word}"

    # -- output ----------------------------------------------------------------------------------

    def text(self) -> str:
        body = "\n\n".join(" ".join(p) for p in self.paragraphs if p)
        return (f"{self.title}\n\n{body}\n\n{self.credit_author}\n{self.credit_publisher}")

    def meta(self) -> dict:
        date = (f"{self.year:04d}-{self.month:02d}-{self.day:02d}" if self.index % 3
                else self.month_date())
        return {"id": self.id, "title": self.title, "date": date, "language": "ru",
                "publisher": self.media.id, "author": self.journalist.id,
                "evidence": {"publisher": self.credit_publisher, "author": self.credit_author},
                "note": "Synthetic article generated by bench/synth.py."}

    def check(self, text: str) -> None:
        """Every quote and verbatim text occurs in the text: a generator bug otherwise."""
        for item in self.facts:
            quotes = item["quote"] if isinstance(item["quote"], list) else [item["quote"]]
            for passage in [*quotes, item.get("text", "")]:
                if passage and passage not in text:
                    raise AssertionError(f"{item['id']}: not in the text: {passage!r}")


# --- The project ---------------------------------------------------------------------------------


def _dump(data: object) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=4096)


def generate(n: int, outdir: Path | str, seed: int = 1) -> dict[str, object]:
    """Write a complete project with `n` articles to `outdir`; return counts by kind."""
    out = Path(outdir)
    if out.exists():
        shutil.rmtree(out)
    for name in ("ontology", "queries"):
        shutil.copytree(ROOT / name, out / name)
    articles_dir, entities_dir, facts_dir = (out / "data" / name
                                             for name in ("articles", "entities", "facts"))
    for folder in (articles_dir, entities_dir, facts_dir):
        folder.mkdir(parents=True)

    pool = Pool()
    entities = base_entities()
    fact_classes: Counter[str] = Counter()
    entity_classes: Counter[str] = Counter(e["class"] for group in entities.values()
                                           for e in group)
    for index in range(n):
        article = Article(index, seed, pool)
        article.make_entities()
        article.write()
        text = article.text()
        article.check(text)
        (articles_dir / f"{article.id}.txt").write_text(text, encoding="utf-8")
        (articles_dir / f"{article.id}.yaml").write_text(_dump(article.meta()), encoding="utf-8")
        (facts_dir / f"{article.id}.yaml").write_text(
            f"# Synthetic facts of article {index}.\n"
            + _dump({"article": article.id, "facts": article.facts}), encoding="utf-8")
        for group, items in article.entities.items():
            entities.setdefault(group, []).extend(items)
            entity_classes.update(item["class"] for item in items)
        for kind, ent in article._new:
            pool.add(kind, ent)
        fact_classes.update(item["class"] for item in article.facts)

    for group, items in entities.items():
        (entities_dir / f"{group}.yaml").write_text(
            f"# Synthetic {group} ({len(items)} entries), generated by bench/synth.py.\n"
            + _dump(items), encoding="utf-8")
    return {"articles": n, "entities": sum(entity_classes.values()),
            "facts": sum(fact_classes.values()), "entity_classes": dict(entity_classes),
            "fact_classes": dict(fact_classes)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("outdir", type=Path, help="project folder to write (replaced)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    stats = generate(args.n, args.outdir, args.seed)
    print(f"wrote {args.outdir}: {stats['articles']} articles, {stats['entities']} entities, "
          f"{stats['facts']} facts")
    for title in ("entity_classes", "fact_classes"):
        counts = stats[title]
        print(f"{title.replace('_', ' ')}:")
        for name, count in sorted(counts.items()):
            print(f"  {name:<24}{count:>7}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
