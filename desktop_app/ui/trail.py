"""Where the user has been, for Back and Forward as in a browser."""

from __future__ import annotations

from collections.abc import Hashable

MAX_STEPS = 50


class Trail:
    """Places visited, in order, and where in them the user stands."""

    def __init__(self) -> None:
        self.places: list[Hashable] = []
        self.index = -1

    def visit(self, place: Hashable) -> None:
        """A new place: what lay ahead (after going back) is forgotten."""
        if self.index >= 0 and self.places[self.index] == place:
            return
        del self.places[self.index + 1 :]
        self.places.append(place)
        if len(self.places) > MAX_STEPS:
            del self.places[0]
        self.index = len(self.places) - 1

    def can_go_back(self) -> bool:
        return self.index > 0

    def can_go_forward(self) -> bool:
        return self.index < len(self.places) - 1

    def back(self) -> Hashable | None:
        if not self.can_go_back():
            return None
        self.index -= 1
        return self.places[self.index]

    def forward(self) -> Hashable | None:
        if not self.can_go_forward():
            return None
        self.index += 1
        return self.places[self.index]

    def forget(self, place: Hashable) -> None:
        """A place that is gone (a deleted record's dossier)."""
        while place in self.places:
            i = self.places.index(place)
            del self.places[i]
            if self.index >= i:
                self.index -= 1
        self.index = max(min(self.index, len(self.places) - 1), -1 if not self.places else 0)
