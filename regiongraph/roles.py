"""Turn a data entry's role keys into checked `Role`s, by the ontology alone.

Shared by the registry and the fact files: a key must be an ontology property whose domain
includes the entry's class, and its value must fit the property's range (an id of the right
class, a date, an enumeration member, verbatim text, an amount of money).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import URIRef

from .dates import DateSyntaxError, Period, parse_temporal
from .errors import DataError
from .model import EnumValue, Money, Ref, Role, Text, Value
from .vocab import RG, Property, Vocabulary

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
CURRENCY = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class Context:
    """What checking one entry needs: where it is, and what ids and text it may refer to."""

    vocab: Vocabulary
    ids: dict[str, tuple[str, URIRef]]  # id -> ("entity" | "fact", class IRI)
    path: Path
    entry: str
    line: int | None
    text: str | None = None  # the article, for verbatim checks
    lang: str = "ru"

    def error(self, message: str) -> DataError:
        return DataError(self.path, message, entry=self.entry, line=self.line)


def resolve_roles(entry: dict, cls: URIRef, reserved: set[str], ctx: Context) -> tuple[Role, ...]:
    allowed = ctx.vocab.roles_of(cls)
    roles: list[Role] = []
    for key, raw in entry.items():
        if key in reserved:
            continue
        # Errors about a role point at the line of its key.
        at = replace(ctx, line=getattr(entry, "key_lines", {}).get(key, ctx.line))
        prop = allowed.get(key)
        if prop is None:
            known = ", ".join(sorted(allowed)) or "none"
            reason = ("is not a property of the ontology" if key not in ctx.vocab.properties
                      else f"does not apply to class {ctx.vocab.local(cls)}")
            raise at.error(f"unknown role '{key}': it {reason} (roles of "
                           f"{ctx.vocab.local(cls)}: {known})")
        values = raw if isinstance(raw, list) else [raw]
        if not values or any(v is None for v in values):
            raise at.error(f"role '{key}' has no value")
        for value in values:
            roles.extend(_role(prop, value, at))
    return tuple(roles)


def _role(prop: Property, value: object, ctx: Context) -> list[Role]:
    if prop.kind == "ref":
        return [Role(prop.name, _ref(prop, value, ctx))]
    if prop.kind == "enum":
        return [Role(prop.name, _enum(prop, value, ctx))]
    if prop.kind == "date":
        return _date(prop, value, ctx)
    if prop.kind == "text":
        return [Role(prop.name, _text(prop, value, ctx))]
    if prop.kind == "money":
        return [Role(prop.name, _money(prop, value, ctx))]
    raise ctx.error(f"role '{prop.name}' is set by the build, not by data files")


def _ref(prop: Property, value: object, ctx: Context) -> Value:
    key = str(value)
    if key not in ctx.ids:
        raise ctx.error(f"role '{prop.name}' refers to unknown id '{key}': "
                        "add it to data/entities/ or fix the spelling")
    kind, cls = ctx.ids[key]
    supers = ctx.vocab.superclasses(cls)
    if not prop.ranges & supers:
        wanted = " or ".join(sorted(ctx.vocab.local(r) for r in prop.ranges))
        raise ctx.error(f"role '{prop.name}' takes an entity of class {wanted}; '{key}' is a "
                        f"{ctx.vocab.local(cls)}")
    return Ref(key, kind)


def members_of(vocab: Vocabulary, prop: Property) -> dict[str, URIRef]:
    """The enumeration members a property takes, by notation."""
    members: dict[str, URIRef] = {}
    for cls in prop.ranges:
        members.update(vocab.enumerations.get(cls, {}))
    return members


def period_roles(vocab: Vocabulary, prop: Property, period: Period) -> list[Role]:
    """A period as the roles the ontology names for it: start, end and precision."""
    start, end, precision = (vocab.local(p) for p in prop.interval)
    level = vocab.enumerations[RG.DatePrecision][period.precision]
    return [Role(start, period.start), Role(end, period.end),
            Role(precision, EnumValue(str(level)))]


def _enum(prop: Property, value: object, ctx: Context) -> Value:
    members = members_of(ctx.vocab, prop)
    if str(value) not in members:
        raise ctx.error(f"role '{prop.name}' takes one of {', '.join(sorted(members))}; "
                        f"got '{value}'")
    return EnumValue(str(members[str(value)]))


def _date(prop: Property, value: object, ctx: Context) -> list[Role]:
    try:
        parsed = parse_temporal(value)
    except DateSyntaxError as exc:
        raise ctx.error(f"role '{prop.name}': {exc}") from None
    if not isinstance(parsed, Period):
        return [Role(prop.name, parsed)]
    if prop.interval is None:
        raise ctx.error(f"role '{prop.name}' takes a single date, not the period '{value}'")
    return period_roles(ctx.vocab, prop, parsed)


def _text(prop: Property, value: object, ctx: Context) -> Value:
    text = str(value)
    if prop.verbatim:
        check_verbatim(text, ctx, what=f"role '{prop.name}'")
    return Text(text, ctx.lang)


def check_verbatim(quote: str, ctx: Context, what: str = "quote") -> int:
    """The offset of `quote` in the article, or a DataError that says how it differs."""
    assert ctx.text is not None
    where = ctx.text.find(quote)
    if where >= 0 and quote.strip():
        return where
    short = quote if len(quote) <= 60 else quote[:57] + "..."
    hint = ""
    if " ".join(quote.split()) in " ".join(ctx.text.split()):
        hint = " (it differs from the article only in spaces or line breaks"
        hint += (": the article has non-breaking spaces; write them as \\u00a0 in a "
                 "double-quoted YAML string)" if "\u00a0" in ctx.text else ")")
    raise ctx.error(f"{what} does not occur verbatim in the article: «{short}»{hint}")


def _money(prop: Property, value: object, ctx: Context) -> Value:
    if not isinstance(value, dict) or set(value) != {"amount", "currency"}:
        raise ctx.error(f"role '{prop.name}' takes {{amount: NUMBER, currency: ISO 4217 code}}")
    try:
        amount = Decimal(str(value["amount"]))
    except InvalidOperation:
        raise ctx.error(f"role '{prop.name}': amount '{value['amount']}' is not a number") from None
    currency = str(value["currency"])
    if not CURRENCY.match(currency):
        raise ctx.error(f"role '{prop.name}': currency '{currency}' is not an ISO 4217 code")
    return Money(amount, currency)
