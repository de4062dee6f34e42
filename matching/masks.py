"""Accommodation codes as bit masks, so that SQL compares need and offer sets in one step.

A code's bit is its position in ``jobcenter.vocab.Accommodation``; new codes are appended
there, so existing masks stay valid.
"""

from __future__ import annotations

from collections.abc import Iterable

from jobcenter.vocab import Accommodation

BITS: dict[str, int] = {code: 1 << index for index, code in enumerate(Accommodation.values)}


def mask_of(codes: Iterable[str]) -> int:
    mask = 0
    for code in codes:
        mask |= BITS.get(code, 0)
    return mask


def codes_of(mask: int) -> list[str]:
    return [code for code, bit in BITS.items() if mask & bit]


def popcount(mask: int) -> int:
    return bin(mask).count("1")
