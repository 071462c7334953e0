"""The cited sources as Chainlit side elements (the Markdown parts are in ``chat/core/presentation.py``)."""

from __future__ import annotations

import chainlit as cl

from chat.core.events import AnswerDone
from chat.core.presentation import shown_sources, source_label


def source_elements(event: AnswerDone) -> list[cl.Text]:
    return [
        cl.Text(
            name=source_label(s.number, s.passage.title, s.passage.section, s.passage.page),
            content=s.passage.text,
            display="side",
        )
        for s in shown_sources(event)
    ]
