"""Streamed answer pieces reach the browser in fewer updates (chat/ui/chat_turn.py StreamBatcher)."""

from __future__ import annotations

from chat.ui.chat_turn import StreamBatcher


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_first_piece_goes_at_once_and_a_burst_waits_for_the_interval() -> None:
    clock = Clock()
    batcher = StreamBatcher(0.05, clock)
    assert batcher.add("Für ") == "Für "  # the user sees the answer start without delay
    clock.now += 0.01
    assert batcher.add("[Person 1] ") is None
    clock.now += 0.01
    assert batcher.add("gilt ") is None
    clock.now += 0.04  # 60 ms since the last update
    assert batcher.add("laut Richtlinie") == "[Person 1] gilt laut Richtlinie"  # held pieces, in order
    clock.now += 0.049
    assert batcher.add(":") is None
    clock.now += 0.001
    assert batcher.add(" Bitte") == ": Bitte"


def test_a_slow_model_still_streams_every_piece() -> None:
    clock = Clock()
    batcher = StreamBatcher(0.05, clock)
    pieces = ["Die ", "Frist ", "endet ", "am ", "Freitag."]
    sent = []
    for piece in pieces:
        sent.append(batcher.add(piece))
        clock.now += 0.08  # a piece every 80 ms, as a small local model writes
    assert sent == pieces
