"""Comparing sources: what each states, where they agree, differ in precision, contradict
each other, or report a change over time.

Two claims from different sources state the same *proposition* when `proposition()` says
so (today: same subject, predicate and object). For each such pair `compare_claims` gives a
status from `STATUSES` and the reason in plain words:

- ``agree``: the same thing, as far as the two claims let us tell.
- ``compatible``: no contradiction, but not identical either: one date contains the other
  ("2017-10" contains "2017-10-25"), one side gives no date or no figure, the sources commit
  differently (fact vs hedged), or a repeatable event is dated differently.
- ``conflict``: both cannot be true: affirmed vs negated at the same time, a one-off event
  on disjoint dates, figures that differ beyond rounding, figures in different units.
- ``changed``: different at different times: in talks in 2018 and signed in 2021; no
  progress in 2018 and progress in 2021; a figure that moved from one year to the next.

The rules, in the order they are applied:

1. Figures in different units conflict.
2. Polarity or stage differs (stage: in talks < planned/expected < done, where done is
   fact, claimed or hedged). On disjoint dates that is ``changed``. A date placed only
   between bounds (`DateSpan.bounded_only`: a day `within` an undated article's interval,
   or an interval such as 2017..2021) is uncertain: at overlapping dates such a pair is
   ``compatible``, never a conflict, and so is a pair from sources whose publication
   dates overlap when one of them is only bounded (their order is not known). Otherwise affirmed vs
   negated is a ``conflict``; a stage difference is ``changed`` when the two sources were
   published at disjoint times (what is reported moved on: talks, then a signature) and a
   ``conflict`` when they wrote at the same time. The publication dates come from `facts`;
   without them a stage difference at overlapping dates is a conflict.
3. Same polarity and stage: figures that differ beyond rounding are ``changed`` on disjoint
   dates and a ``conflict`` otherwise. Disjoint dates then depend on the predicate's kind
   (`predicate_kind`): a *state* reported at two times is consistent (``agree``: "no
   progress" in 2018 and again in 2021); a *one-off event* on two dates is a ``conflict``
   (the same agreement signed on the 25th and on the 26th), unless both claims deny it or
   report talks, which describe a state before the event, or a date is only bounded; a *repeatable event* on two
   dates may be two occasions (``compatible``: Tamim visited Russia in March and in June).
4. Anything else left over is ``compatible`` (precision, a missing date or figure on one
   side, a different commitment) or ``agree``.

Figures agree "within the rounding of the less precise figure". A figure's rounding step is
the place value of its last significant digit, read in its natural scale (trillions,
billions, millions, or units below a million), but never coarser than one decimal of that
scale: a round "9 billion" is read as 9.0 bn, since news states a figure to the precision it
has, and reading "9" as ±0.5 bn would let 8.6 bn agree with it. Two figures agree when the
more precise one, rounded half up to the other's step, equals the other: 8.57 bn and 8.6 bn
agree, 8.6 bn and 9 bn conflict, 61 and 62 countries conflict.

A source may state a proposition more than once. When the same speaker says the same thing
twice in one source (a paraphrase and then the quote, the outlet's lead and then the agency's
account), the claims are *restatements*: same source, proposition, speaker, polarity,
modality, a figure that agrees and a date that contains the other's (`restates`). They are
one statement, not two: only the first is compared with other sources, and the row names the
restatements (with their `via` when it differs, the attribution a reader may need). Two
different remarks that state the proposition alike count once too: for comparing sources
they say the same thing.

A source may also state a proposition more than once as different things (two visits).
Every claim is paired with its most favourable counterpart on the other side, and the
proposition's status is the most severe of those pairs (conflict > changed > compatible >
agree). Comparing every cross pair instead would call two sources that both report the same
two visits a conflict (the March visit against the June one); the best match per claim
still leaves a claim that nothing on the other side supports in plain view.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from itertools import combinations
from typing import Any

from . import datespan, figures
from .datespan import DateSpan
from .errors import InputError
from .figures import decimal, number_text, scale
from .store import Facts
from .vocabulary import MODALITY_WORDS

STATUSES = ("agree", "compatible", "conflict", "changed")
SINGLE_SOURCE = "single_source"
_SEVERITY = {"agree": 0, "compatible": 1, "changed": 2, "conflict": 3}

# Predicates describing a condition that holds over a stretch of time, or a figure as of a
# date: reported at two different times, the same report is consistent, not contradictory.
STATE_PREDICATES = frozenset(
    """
    negotiating_purchase negotiating_sale made_progress_on considering ready_to_negotiate
    supplies includes covers_area grants_right has_part military_base_of organization_of prohibits has_duration renews_automatically signed_contracts_value
    exported_value order_book_value export_destinations prepares cooperates_with cooperates_in hosts supports
    opposes pressures member_of holds_position held_position office_in located_in distance_from
    interested_in_hosting guided_by_interests in_contact_with ongoing_for_more_than has_role
    strained_relations_with seeks_stronger_cooperation_with ready_to_cooperate_with party_to
    contract_value ready_to_supply described_as operates seeks_to_acquire manufactures compared_to
    """.split()
)
# Events whose object names a single occurrence (an agreement is signed once, takes effect
# once): two disjoint dates for them cannot both be right.
ONE_OFF_PREDICATES = frozenset(
    """
    signed completed_negotiations entered_into_force began cut_ties_with attends
    leads_delegation_to approved_sale
    """.split()
)
# Events that happen again between the same subject and object (visits, calls, deliveries
# in batches): two disjoint dates may be two occasions, so they are not a contradiction.
REPEATABLE_PREDICATES = frozenset(
    """
    visited met phoned discussed briefed_on conveyed_greetings praised thanked held_exercise_with accused
    denied downplayed sanctioned threatened_sanctions purchased delivered received announced
    """.split()
)

# Stages a deal or event goes through; a claim "done" with less commitment is still done.
_STAGE = {"in_talks": 0, "planned": 1, "expected": 1, "fact": 2, "claimed": 2, "hedged": 2}


def proposition(claim: dict[str, Any]) -> tuple[str, str, str | None]:
    """What a claim is about, as the key two sources must share to be compared.

    Subject, predicate and object entity ids; date, figure, polarity and modality are what
    gets compared, not part of the key. This is the one place to refine the rule, e.g. for
    multi-valued predicates (a package `includes` several weapons: two different objects
    there are two propositions, which is what this key already gives).
    """
    return (claim["subject"], claim["predicate"], claim.get("object"))


def restates(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """True if `b` says again, in the same source and by the same speaker, what `a` says.

    Dates must both be absent or one contain the other; figures must agree within rounding.
    `via` may differ: the same remark credited to a second outlet is still one remark.
    """
    if _source_of(a) != _source_of(b) or proposition(a) != proposition(b):
        return False
    if any(a.get(f) != b.get(f) for f in ("speaker", "polarity", "modality")):
        return False
    va, vb = a.get("value"), b.get("value")
    if bool(va) != bool(vb):
        return False
    if va and vb and (va.get("unit") != vb.get("unit") or not values_agree(va["amount"], vb["amount"])):
        return False
    da, db = _span(a), _span(b)
    if da is None or db is None:
        return da is None and db is None
    return da.contains(db) or db.contains(da)


def restatement_groups(claims: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """`claims` as statements: each group is a claim and its restatements, in input order."""
    groups: list[list[dict[str, Any]]] = []
    for claim in claims:
        group = next((g for g in groups if restates(g[0], claim)), None)
        if group is None:
            groups.append([claim])
        else:
            group.append(claim)
    return groups


def restatement_text(group: list[dict[str, Any]]) -> str:
    """ "c0037 (via new-defence-order) and c0046 (via kommersant): ahmed-bin-nasser-al-thani
    states it twice, counted once": the ids, their vias when they differ, the speaker."""
    vias = {c.get("via") for c in group}

    def name(claim: dict[str, Any]) -> str:
        if len(vias) == 1:
            return str(claim.get("id"))
        return f"{claim.get('id')} ({'via ' + claim['via'] if claim.get('via') else 'no via'})"

    names = [name(c) for c in group]
    listed = ", ".join(names[:-1]) + f" and {names[-1]}"
    times = {2: "twice", 3: "three times"}.get(len(group), f"{len(group)} times")
    speaker = group[0].get("speaker")
    who = f"{speaker} states it" if speaker else "stated"
    return f"{listed}: {who} {times}, counted once"


def predicate_kind(predicate: str) -> str:
    """The kind of a predicate: "state", "event" (one-off) or "repeatable".

    An unlisted predicate counts as a one-off event, so a new one shows date differences
    as conflicts until someone classifies it (a test checks the vocabulary is covered).
    """
    if predicate in STATE_PREDICATES:
        return "state"
    if predicate in REPEATABLE_PREDICATES:
        return "repeatable"
    return "event"


# --- figures and their rounding ------------------------------------------------------
# (A reason names dates and figures as every command shows them: `datespan.date_text`,
# `figures.value_text`.)


def date_text(date: dict[str, Any] | None) -> str:
    """A DATE at its precision as a verdict's reason names it; "undated" for none."""
    return datespan.date_text(date, "undated")


def value_text(value: dict[str, Any] | None) -> str:
    """A figure as a verdict's reason names it; "no figure" for none."""
    return figures.value_text(value, "no figure")


_decimal = decimal


def rounding_step(amount: float | int) -> Decimal:
    """The precision a figure is stated to: see the module docstring."""
    number = _decimal(amount)
    size, _ = scale(number)
    finest = size / 10
    if number == 0:
        return finest
    exponent = number.normalize().as_tuple().exponent
    assert isinstance(exponent, int)  # figures are finite: schema.py refuses nan and infinity
    last_digit = Decimal(1).scaleb(exponent)
    return min(last_digit, finest)


def values_agree(a: float | int, b: float | int) -> bool:
    """True if the two amounts are equal within the rounding of the less precise one."""
    x, y = _decimal(a), _decimal(b)
    if x == y:
        return True
    step_x, step_y = rounding_step(a), rounding_step(b)
    if step_x == step_y:
        return False
    coarse, fine = (x, y) if step_x > step_y else (y, x)
    step = max(step_x, step_y)
    return (fine / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step == coarse


def _step_text(a: float | int, b: float | int) -> str:
    """The coarser rounding step of two figures, in the scale of its figure: "0.1 bn"."""
    coarse, step = max(((a, rounding_step(a)), (b, rounding_step(b))), key=lambda t: t[1])
    size, word = scale(_decimal(coarse))
    return number_text(step / size) + (f" {word}" if word else "")


# --- comparing two claims -------------------------------------------------------------


def _span(claim: dict[str, Any]) -> DateSpan | None:
    return DateSpan.from_dict(claim["date"]) if claim.get("date") else None


def _published(claim: dict[str, Any], facts: Facts | None) -> DateSpan | None:
    if facts is None:
        return None
    source = facts.source((claim.get("citation") or {}).get("source"))
    return DateSpan.from_dict(source["published"]) if source and source.get("published") else None


def _stance_words(a: dict[str, Any], b: dict[str, Any]) -> tuple[str, str]:
    """How each claim stands, naming only what differs between them."""
    words: list[list[str]] = [[], []]
    polarity = [c.get("polarity", "affirmed") for c in (a, b)]
    modality = [c.get("modality", "fact") for c in (a, b)]
    for i in (0, 1):
        if polarity[0] != polarity[1]:
            words[i].append(polarity[i])
        if modality[0] != modality[1]:
            word = modality[i] or "fact"
            words[i].append(MODALITY_WORDS.get(word, word))
    return " ".join(words[0]), " ".join(words[1])


def _time_of(claim: dict[str, Any], facts: Facts | None) -> tuple[DateSpan | None, str]:
    """When a claim places its event: its date, else its source's publication."""
    span = _span(claim)
    if span is not None:
        return span, f"in {date_text(claim['date'])}"
    published = _published(claim, facts)
    if published is not None:
        return published, f"in a source published {date_text(published.to_dict())}"
    return None, ""


def _later_occasion(a: dict[str, Any], b: dict[str, Any], facts: Facts | None) -> str | None:
    """For a repeatable event: the reason two claims are two occasions, or None.

    A visit that happened (March 2018) and one planned or in talks at a later time (a
    source of 2021) cannot be the same visit: the plan is for the next one. The other way
    round (planned in 2017, done in 2018) it may be the plan carried out, which the stage
    rules call `changed`.
    """
    done, plan = (
        (a, b)
        if _STAGE.get(a.get("modality", "fact"), 2) > _STAGE.get(b.get("modality", "fact"), 2)
        else (b, a)
    )
    (done_at, _), (plan_at, _) = _time_of(done, facts), _time_of(plan, facts)
    if done_at is None or plan_at is None or not done_at.end < plan_at.start:
        return None
    wa, wb = _stance_words(a, b)
    (_, when_a), (_, when_b) = _time_of(a, facts), _time_of(b, facts)
    return f"different occasions: {wa} {when_a}, {wb} {when_b}"


def compare_claims(a: dict[str, Any], b: dict[str, Any], facts: Facts | None = None) -> tuple[str, str]:
    """(status, reason) for two claims of the same proposition; rules in the module docstring.

    `facts`, when given, supplies the sources' publication dates, which tell a stage that
    moved on (talks reported in 2018, a signature reported in 2021) from a contradiction.

    The rules that decide alone are tried in order; if none does, each finding rule may
    note a difference (or an agreement) and the most severe of those is the status.
    """
    if proposition(a) != proposition(b):
        raise ValueError(f"not the same proposition: {proposition(a)} vs {proposition(b)}")
    pair = _Pair.of(a, b, facts)
    for decide in _DECIDING_RULES:
        verdict = decide(pair)
        if verdict is not None:
            return verdict
    findings = [found for note in _FINDING_RULES if (found := note(pair)) is not None]
    if not findings:
        return "agree", "same statement, no date or figure on either side"
    status = max((s for s, _ in findings), key=_SEVERITY.__getitem__)
    return status, "; ".join(reason for s, reason in findings if s == status)


@dataclass(frozen=True)
class _Pair:
    """Two claims of one proposition, with what every rule reads of them."""

    a: dict[str, Any]
    b: dict[str, Any]
    facts: Facts | None
    da: DateSpan | None
    db: DateSpan | None
    ta: str
    tb: str
    va: dict[str, Any] | None
    vb: dict[str, Any] | None
    pol_a: str
    pol_b: str
    mod_a: str
    mod_b: str

    @classmethod
    def of(cls, a: dict[str, Any], b: dict[str, Any], facts: Facts | None) -> _Pair:
        return cls(
            a,
            b,
            facts,
            _span(a),
            _span(b),
            date_text(a.get("date")),
            date_text(b.get("date")),
            a.get("value"),
            b.get("value"),
            a.get("polarity", "affirmed"),
            b.get("polarity", "affirmed"),
            a.get("modality", "fact"),
            b.get("modality", "fact"),
        )

    @property
    def apart(self) -> bool:
        """Both dated, on dates that do not overlap."""
        return self.da is not None and self.db is not None and not self.da.overlaps(self.db)

    def bounded(self) -> str | None:
        """When a date is placed only between bounds (`DateSpan.bounded_only`), the words
        saying so: such a date is uncertain, so it never makes a conflict."""
        for span, text in ((self.da, self.ta), (self.db, self.tb)):
            if span is not None and span.bounded_only:
                return f"{text} is known only to lie in {span.start.isoformat()}..{span.end.isoformat()}"
        return None

    def when(self) -> str:
        """How the two dates relate, for a reason that is not about dates."""
        if self.da and self.db:
            return f"at overlapping dates: {self.ta} and {self.tb}"
        if self.da or self.db:
            return f"dated on one side only: {self.ta if self.da else self.tb}"
        return "both undated"


Verdict = tuple[str, str]


def _units_differ(p: _Pair) -> Verdict | None:
    """Rule 1: figures in different units conflict."""
    if p.va and p.vb and p.va.get("unit") != p.vb.get("unit"):
        return "conflict", f"units differ: {value_text(p.va)} vs {value_text(p.vb)}"
    return None


def _stance_differs(p: _Pair) -> Verdict | None:
    """Rule 2: polarity or stage differs (see the module docstring)."""
    if p.pol_a == p.pol_b and _STAGE.get(p.mod_a) == _STAGE.get(p.mod_b):
        return None
    wa, wb = _stance_words(p.a, p.b)
    if p.pol_a == p.pol_b and predicate_kind(p.a["predicate"]) == "repeatable":
        occasion = _later_occasion(p.a, p.b, p.facts)
        if occasion:
            return "compatible", occasion
    if p.apart:
        return "changed", f"{wa} in {p.ta}, {wb} in {p.tb}"
    when = p.when()
    if (bounded := p.bounded()) is not None:
        # One side is placed only between bounds: which came first is not known.
        return "compatible", f"{wa} vs {wb}, {when}; {bounded}"
    if p.pol_a != p.pol_b:
        return "conflict", f"{wa} vs {wb}, {when}"
    pa, pb = _published(p.a, p.facts), _published(p.b, p.facts)
    if pa is None or pb is None:
        return "conflict", f"{wa} vs {wb}, {when}, publication dates unknown"
    sa, sb = date_text(pa.to_dict()), date_text(pb.to_dict())
    if pa.overlaps(pb) and (pa.bounded_only or pb.bounded_only):
        return (
            "compatible",
            f"{wa} vs {wb}, {when}, in sources whose order is not known "
            f"(published {sa} and {sb}, one only between bounds)",
        )
    if pa.overlaps(pb):
        return "conflict", f"{wa} vs {wb}, {when}, in sources published at the same time ({sa}, {sb})"
    return "changed", f"{wa} in a source published {sa}, {wb} in one published {sb} ({when})"


def _figures_differ(p: _Pair) -> Verdict | None:
    """Rule 3: figures that differ beyond rounding changed on disjoint dates, else conflict."""
    if not (p.va and p.vb) or values_agree(p.va["amount"], p.vb["amount"]):
        return None
    if p.apart:
        return "changed", f"figure changed: {value_text(p.va)} in {p.ta}, {value_text(p.vb)} in {p.tb}"
    return "conflict", f"figures differ: {value_text(p.va)} vs {value_text(p.vb)}"


def _dated_kind(p: _Pair) -> str:
    """The predicate's kind as the dates are read: "not signed" and "in talks to sign"
    describe the time before the event, a state (said in 2016 and in 2018, they agree)."""
    kind = predicate_kind(p.a["predicate"])
    if kind == "event" and (p.pol_a == "negated" or p.mod_a == "in_talks"):
        return "state"
    return kind


def _one_off_event_on_two_dates(p: _Pair) -> Verdict | None:
    """Rule 3: a one-off event on disjoint dates is a conflict."""
    if p.apart and _dated_kind(p) == "event":
        if (bounded := p.bounded()) is not None:
            return "compatible", f"dates differ: {p.ta} vs {p.tb}, but {bounded}"
        return "conflict", f"dates differ: {p.ta} vs {p.tb}"
    return None


def _figure_finding(p: _Pair) -> Verdict | None:
    """Figures within rounding agree; a figure on one side only is compatible."""
    if p.va and p.vb:
        if _decimal(p.va["amount"]) == _decimal(p.vb["amount"]):
            return "agree", f"same figure: {value_text(p.va)}"
        return (
            "agree",
            f"figures agree within rounding to {_step_text(p.va['amount'], p.vb['amount'])}: "
            f"{value_text(p.va)} and {value_text(p.vb)}",
        )
    if p.va or p.vb:
        return "compatible", f"figure on one side only: {value_text(p.va or p.vb)}"
    return None


def _date_finding(p: _Pair) -> Verdict | None:
    """A state at two dates agrees, a repeatable event may be two occasions; same, nested,
    overlapping or one-sided dates as they are."""
    if p.apart:
        if _dated_kind(p) == "state":
            return "agree", f"same at different dates: {p.ta} and {p.tb}"
        return "compatible", f"different dates, perhaps different occasions: {p.ta} and {p.tb}"
    if p.da and p.db:
        if (p.da.start, p.da.end) == (p.db.start, p.db.end):
            return "agree", f"same date: {p.ta}"
        if (bounded := p.bounded()) is not None:
            return "compatible", f"dates overlap: {p.ta} and {p.tb}; {bounded}"
        if p.da.contains(p.db) or p.db.contains(p.da):
            wide, narrow = (p.ta, p.tb) if p.da.contains(p.db) else (p.tb, p.ta)
            return "compatible", f"dates differ in precision: {wide} contains {narrow}"
        return "compatible", f"dates overlap: {p.ta} and {p.tb}"
    if p.da or p.db:
        return "compatible", f"dated on one side only: {p.ta if p.da else p.tb}"
    return None


def _commitment_finding(p: _Pair) -> Verdict | None:
    """The same stage, committed to differently (fact vs hedged), is compatible."""
    if p.mod_a != p.mod_b:
        wa, wb = _stance_words(p.a, p.b)
        return "compatible", f"commitment differs: {wa} vs {wb}"
    return None


# Rules 1-3 in the module docstring's order: the first that applies decides.
_DECIDING_RULES: tuple[Callable[[_Pair], Verdict | None], ...] = (
    _units_differ,
    _stance_differs,
    _figures_differ,
    _one_off_event_on_two_dates,
)
# Rule 4: what is left, each noted; the most severe is the status.
_FINDING_RULES: tuple[Callable[[_Pair], Verdict | None], ...] = (
    _figure_finding,
    _date_finding,
    _commitment_finding,
)


# --- many claims, two sources ---------------------------------------------------------


@dataclass
class Pair:
    """Two claims of the same proposition from two sources, and how they compare."""

    status: str
    reason: str
    a: dict[str, Any]
    b: dict[str, Any]


def _date_distance(a: dict[str, Any], b: dict[str, Any]) -> int:
    # Among equally severe counterparts, the one about the same occasion is the right match.
    da, db = _span(a), _span(b)
    if da is None or db is None:
        return 2 if da or db else 0
    if (da.start, da.end) == (db.start, db.end):
        return 0
    return 1 if da.overlaps(db) else 3


def match_claims(
    claims_a: list[dict[str, Any]], claims_b: list[dict[str, Any]], facts: Facts | None = None
) -> list[Pair]:
    """Each claim paired with its most favourable counterpart on the other side.

    The claims are all of one proposition. Pairs come in the order of `claims_a`, then of
    `claims_b`, each pair once.
    """
    cache: dict[tuple[int, int], Pair] = {}

    def pair(i: int, j: int) -> Pair:
        if (i, j) not in cache:
            status, reason = compare_claims(claims_a[i], claims_b[j], facts)
            cache[i, j] = Pair(status, reason, claims_a[i], claims_b[j])
        return cache[i, j]

    def rank(i: int, j: int) -> tuple[int, int, bool, int, int]:
        a, b = claims_a[i], claims_b[j]
        return (_SEVERITY[pair(i, j).status], _date_distance(a, b), a.get("id") != b.get("id"), i, j)

    chosen = [
        min(((i, j) for j in range(len(claims_b))), key=lambda ij: rank(*ij)) for i in range(len(claims_a))
    ]
    chosen += [
        min(((i, j) for i in range(len(claims_a))), key=lambda ij: rank(*ij)) for j in range(len(claims_b))
    ]
    return [pair(i, j) for i, j in dict.fromkeys(chosen)]


@dataclass
class Diff:
    """What two sources say about the propositions either of them states."""

    source_a: str
    source_b: str
    only_a: list[dict[str, Any]] = field(default_factory=list)
    only_b: list[dict[str, Any]] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)

    def by_status(self, status: str) -> list[Pair]:
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}; one of {', '.join(STATUSES)}")
        return [p for p in self.pairs if p.status == status]

    def differs(self) -> bool:
        return bool(self.only_a or self.only_b) or any(p.status != "agree" for p in self.pairs)


def _check_sources(facts: Facts, ids: list[str]) -> None:
    for sid in ids:
        if facts.source(sid) is None:
            raise InputError(f"no source {sid!r} (factcli sources lists them)")


def _by_proposition(claims: list[dict[str, Any]]) -> dict[tuple[str, str, str | None], list[dict[str, Any]]]:
    groups: dict[tuple[str, str, str | None], list[dict[str, Any]]] = {}
    for claim in claims:
        groups.setdefault(proposition(claim), []).append(claim)
    return groups


def _source_of(claim: dict[str, Any]) -> str | None:
    return (claim.get("citation") or {}).get("source")


def diff(facts: Facts, source_a: str, source_b: str, include_retracted: bool = False) -> Diff:
    """Compare everything two sources state; the ids must name stored sources.

    Retracted claims are no longer what a source is held to say: left out unless asked for.
    """
    _check_sources(facts, [source_a, source_b])
    claims = facts.claims if include_retracted else [c for c in facts.claims if not c.get("retracted")]
    side_a = _by_proposition([c for c in claims if _source_of(c) == source_a])
    side_b = _by_proposition([c for c in claims if _source_of(c) == source_b])
    result = Diff(source_a, source_b)
    for prop, claims in side_a.items():
        if prop in side_b:
            result.pairs += match_claims(claims, side_b[prop], facts)
        else:
            result.only_a += claims
    for prop, claims in side_b.items():
        if prop not in side_a:
            result.only_b += claims
    return result


# --- many claims, many sources --------------------------------------------------------


@dataclass
class Row:
    """One proposition across the sources: what each says and how they compare."""

    proposition: tuple[str, str, str | None]
    statement: str
    cells: dict[str, list[dict[str, Any]]]
    status: str
    reason: str
    pairs: list[Pair] = field(default_factory=list)
    # Claim ids that are one statement made again in the same source (`restates`).
    restatements: list[list[str]] = field(default_factory=list)


@dataclass
class Matrix:
    """Propositions × sources; `summary` counts rows by status."""

    sources: list[str]
    rows: list[Row]
    summary: dict[str, int]


def _chronological(facts: Facts, ids: set[str]) -> list[str]:
    # Columns in publication order read left to right as the story unfolded.
    order = {s["id"]: n for n, s in enumerate(facts.sources)}

    def key(sid: str) -> tuple[str, str, int]:
        published = (facts.source(sid) or {}).get("published") or {}
        return published.get("start", "9999"), published.get("end", "9999"), order.get(sid, len(order))

    return sorted(ids, key=key)


def compare(
    facts: Facts,
    claims: list[dict[str, Any]],
    sources: list[str] | None = None,
    include_retracted: bool = False,
) -> Matrix:
    """The claim × source matrix for `claims` (already filtered by the caller).

    Columns are `sources` when given (claims from other sources are left out), else every
    source stating one of the claims, oldest first. Rows follow the order of `claims`.
    Retracted claims are left out unless `include_retracted`.
    """
    if not include_retracted:
        claims = [c for c in claims if not c.get("retracted")]
    if sources is not None:
        columns = list(dict.fromkeys(sources))
        _check_sources(facts, columns)
        claims = [c for c in claims if _source_of(c) in columns]
    else:
        columns = _chronological(facts, {s for c in claims if (s := _source_of(c)) is not None})
    rows = []
    for prop, group in _by_proposition(claims).items():
        cells = {sid: [c for c in group if _source_of(c) == sid] for sid in columns}
        statements = {sid: restatement_groups(cells[sid]) for sid in columns}
        restated = [g for sid in columns for g in statements[sid] if len(g) > 1]
        stating = [sid for sid in columns if cells[sid]]
        pairs: list[Pair] = []
        if len(stating) < 2:
            status, reason = (
                SINGLE_SOURCE,
                f"only {stating[0]} states it" if stating else "no source states it",
            )
            if restated:
                reason += "; " + "; ".join(restatement_text(g) for g in restated)
        else:
            named = []
            for sa, sb in combinations(stating, 2):
                # A restatement is compared once, through the first claim of its statement.
                firsts_a, firsts_b = [g[0] for g in statements[sa]], [g[0] for g in statements[sb]]
                found = match_claims(firsts_a, firsts_b, facts)
                pairs += found
                named += [(pair, sa, sb) for pair in found]
            # max keeps the first of equals: the oldest pair of sources names the reason.
            top, sa, sb = max(named, key=lambda t: _SEVERITY[t[0].status])
            status = top.status
            reason = f"{sa} vs {sb}: {top.reason}"
        ids = [[str(c.get("id")) for c in g] for g in restated]
        rows.append(Row(prop, group[0].get("statement") or "", cells, status, reason, pairs, ids))
    summary = {"propositions": len(rows), **dict.fromkeys(STATUSES, 0), SINGLE_SOURCE: 0}
    for row in rows:
        summary[row.status] += 1
    return Matrix(columns, rows, summary)
