"""Danish numbers as written: "26.898.526", "4,0", "0,032", "1 234 567", "4.0" before a scale word,
"3 ½" and "¾" with the fraction signs the rules name.

``parse_danish_number`` is lenient: None for anything it cannot read, never raises.
Whole amounts with their scale words ("12,5 mio.kr.") are read by
:func:`extract.extractors.amounts.parse_danish_amount`.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

_SPACES = re.compile(r"[\u00a0\u202f ]")
_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_PLAIN = re.compile(r"^\d+(?:,\d+)?$")
_DOT_DECIMAL = re.compile(r"^\d+\.\d{1,2}$")


def parse_danish_number(
    s: str, decimal_point: bool = False, fractions: Sequence[tuple[str, float]] = ()
) -> Optional[float]:
    """A Danish number to float; "." is a thousands mark unless ``decimal_point``
    allows "4.0"-style decimals (one or two digits after the dot). A final fraction sign
    of ``fractions`` (sign, value) adds its value: "3 ½" is 3.5, "¾" is 0.75."""
    if not isinstance(s, str):
        return None
    t = _SPACES.sub("", s.strip())
    for sign, value in fractions:
        if t.endswith(sign):
            whole = parse_danish_number(t[: -len(sign)], decimal_point) if len(t) > len(sign) else 0.0
            return None if whole is None else whole + value
    if _THOUSANDS.match(t):
        t = t.replace(".", "")
    elif decimal_point and _DOT_DECIMAL.match(t):
        return float(t)
    elif not _PLAIN.match(t):
        return None
    return float(t.replace(",", "."))
