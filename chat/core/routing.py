"""The routing decision: which model may receive a request of which data class.

A model receives a data class only if both its own approval (``model_list[].safegpt.data_classes``) and its
location's policy (``[policy]``) allow it. When the chosen model may not receive the request, it moves to the
first allowed model of the catalogue (with a German notice) or is refused — never sent anyway.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from chat.core import messages as texts
from chat.llm.errors import ModelNotAllowed
from chat.llm.settings import ModelEntry
from guardrails import DataClass


def may_receive(entry: ModelEntry, data_class: str, policy: Mapping[str, Sequence[str]]) -> bool:
    """True when ``entry`` is approved for ``data_class`` and its location's policy allows it."""
    return data_class in entry.safegpt.data_classes and data_class in policy.get(entry.safegpt.location, [])


def choose_model(requested: ModelEntry, catalogue: Iterable[ModelEntry], policy: Mapping[str, Sequence[str]],
                 data_class: DataClass, *, allowed_models: set[str] | None = None,
                 switch: bool = True, carried_by: str = "message") -> tuple[ModelEntry, str | None]:
    """Pick the model for a request of ``data_class``: the requested one if the policy lets it receive the
    class, else (with ``switch``) the first allowed model in catalogue order, with a German notice;
    else raise :class:`ModelNotAllowed`. Never returns a model outside ``allowed_models``.

    ``carried_by`` names what makes the request that sensitive (``message``, ``conversation``,
    ``passages``), so the notice can tell the user why."""
    cls = data_class.value
    if may_receive(requested, cls, policy):
        return requested, None
    why = texts.CLASS_CARRIED_BY[carried_by].format(reason=texts.DATA_CLASS_REASONS.get(cls, cls))
    if switch:
        for other in catalogue:
            if allowed_models is not None and other.model_name not in allowed_models:
                continue
            if may_receive(other, cls, policy):
                return other, texts.MODEL_SWITCHED.format(
                    why=why, requested=requested.display_name, chosen=other.display_name)
    raise ModelNotAllowed(texts.MODEL_REFUSED.format(why=why))
