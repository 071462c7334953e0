"""Aggregate Prometheus metrics for operations (labels: model, outcome, entity type — never people)."""

from __future__ import annotations

from collections import Counter

from prometheus_client import CollectorRegistry, Histogram, generate_latest
from prometheus_client import Counter as PromCounter

REGISTRY = CollectorRegistry(auto_describe=True)
ANSWERS = PromCounter("safegpt_answers", "Answered or failed chat requests", ["model", "outcome"], registry=REGISTRY)
TOKENS = PromCounter("safegpt_tokens", "Tokens processed", ["model", "kind"], registry=REGISTRY)
LATENCY = Histogram("safegpt_answer_seconds", "Time to a complete answer", ["model"], registry=REGISTRY,
                    buckets=(0.5, 1, 2, 5, 10, 20, 40, 80, 160))
PSEUDONYMISED = PromCounter("safegpt_pseudonymised_values", "Values replaced by pseudonyms", ["entity_type"],
                            registry=REGISTRY)
FEEDBACK = PromCounter("safegpt_feedback", "Feedback on answers", ["model", "value"], registry=REGISTRY)
FEEDBACK_REASONS = PromCounter("safegpt_feedback_reasons", "Reasons given for not helpful answers", ["reason"],
                               registry=REGISTRY)


def observe_answer(model: str, outcome: str, prompt_tokens: int, completion_tokens: int, seconds: float,
                   pii: Counter) -> None:
    ANSWERS.labels(model, outcome).inc()
    if outcome == "ok":
        TOKENS.labels(model, "prompt").inc(prompt_tokens)
        TOKENS.labels(model, "completion").inc(completion_tokens)
        LATENCY.labels(model).observe(seconds)
    for entity, count in pii.items():
        PSEUDONYMISED.labels(entity).inc(count)


def observe_feedback(model: str, helpful: bool) -> None:
    FEEDBACK.labels(model, "helpful" if helpful else "not_helpful").inc()


def observe_feedback_reason(reason: str) -> None:
    FEEDBACK_REASONS.labels(reason).inc()


def exposition() -> bytes:
    return generate_latest(REGISTRY)
