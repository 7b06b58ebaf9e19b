"""The one harmonic mean every scorer uses."""

from __future__ import annotations


def f1(p: float, r: float) -> float:
    """F1 of a precision and a recall (0 when both are 0)."""
    return 2 * p * r / (p + r) if p + r else 0.0


__all__ = ["f1"]
