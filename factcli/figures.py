"""Figures as claims state them: amounts read exactly, their natural scale, their written form.

A stored figure is ``{"amount", "unit"}``. Reading the amount through its decimal digits,
its scale (trillions, billions, millions, or units below a million) and the way people
write it ("$8.6 bn", "61 countries") are one idea, shared by the comparison of sources
(whose reasons name figures and rounding steps) and by every command that shows a figure.

Plain data in, plain data out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from decimal import Decimal  # imported where a figure is read: most commands read none

__all__ = ["UNIT_WORDS", "decimal", "number_text", "scale", "value_text"]

# Units as the store writes them -> (singular, plural) as a reader writes them.
UNIT_WORDS = {
    "country": ("country", "countries"),
    "year": ("year", "years"),
    "person": ("person", "people"),
    "km": ("km", "km"),
}
_SCALES = ((12, "tn"), (9, "bn"), (6, "m"))


def decimal(amount: float | int) -> Decimal:
    from decimal import Decimal

    # Through str so that 8.57e9 is read as written, not as its binary approximation.
    return Decimal(str(amount))


def scale(amount: Decimal) -> tuple[Decimal, str]:
    """The natural scale of a figure: (10**9, "bn") for 8.6e9, (1, "") below a million."""
    from decimal import Decimal

    for exponent, word in _SCALES:
        size = Decimal(10) ** exponent
        if abs(amount) >= size:
            return size, word
    return Decimal(1), ""


def number_text(number: Decimal) -> str:
    """A decimal without exponent or trailing zeros, thousands grouped: "1,500", "8.6"."""
    return format(number.normalize(), ",f")


def value_text(value: dict[str, Any] | None, missing: str = "") -> str:
    """A figure as people write it: "$8.6 bn", "$1.5 tn", "61 countries", "2.5 m people"."""
    if not value:
        return missing
    number = decimal(value["amount"])
    size, word = scale(number)
    shown = number_text(number / size) + (f" {word}" if word else "")
    unit: str = value["unit"]  # always there: schema.py checks every stored value
    if unit == "USD":
        return f"${shown}"
    singular, plural = UNIT_WORDS.get(unit, (unit, unit))
    # "2.5 m people": a scaled figure is many, whatever the digits before the scale word.
    return f"{shown} {singular if number == 1 else plural}"
