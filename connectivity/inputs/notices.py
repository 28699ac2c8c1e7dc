"""What was wrong with one link parameter: the app's notice, the command line's error."""

from __future__ import annotations

from dataclasses import dataclass

MAX_SHOWN = 40


@dataclass(frozen=True)
class Notice:
    """What was wrong with one link parameter (`problem`) and what the app did (`action`)."""

    name: str
    problem: str
    action: str = "ignored"
    strict: bool = True  # an error on the command line; False for a mere fallback note

    def __str__(self) -> str:
        return f"{self.name}: {self.problem}; {self.action}"

    @property
    def error(self) -> str:
        """The strict form, for the command line: no fallback is taken there."""
        return f"{self.name}: {self.problem}"


def short(text: str) -> str:
    """Link text echoed in a notice: bounded, and a NUL made visible."""
    text = text.replace("\x00", "\\0")
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"
