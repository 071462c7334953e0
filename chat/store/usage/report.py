"""Aggregate usage figures for the dashboard and CSV export, with the department k threshold."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Engine, func, select

from chat.core.feedback import FeedbackReason
from chat.store.usage.schema import department_members, usage_events

OTHER = "andere"


@dataclass
class UsageReport:
    since: date
    until: date
    k: int
    answers_by_day: list[tuple[date, int, int]] = field(default_factory=list)  # (day, answers ok, failed)
    feedback_helpful: int = 0
    feedback_total: int = 0
    # reason code (chat.core.feedback.FeedbackReason) -> how often it was given; every code, also with 0
    feedback_reasons: dict[str, int] = field(default_factory=dict)
    errors_by_kind: dict[str, int] = field(default_factory=dict)
    pii_by_type: dict[str, int] = field(default_factory=dict)
    top_prompts: list[tuple[str, int]] = field(default_factory=list)
    top_sources: list[tuple[str, int]] = field(default_factory=list)
    answers_without_source: int = 0
    by_model: dict[str, int] = field(default_factory=dict)
    by_department: dict[str, int] = field(default_factory=dict)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_ms_p50: int | None = None

    @property
    def answers(self) -> int:
        return sum(ok for _, ok, _ in self.answers_by_day)

    @property
    def failed(self) -> int:
        return sum(bad for _, _, bad in self.answers_by_day)

    @property
    def helpful_share(self) -> float | None:
        return self.feedback_helpful / self.feedback_total if self.feedback_total else None


def _visible_departments(engine: Engine, since: date, until: date, k: int, departments: set[str]) -> set[str]:
    """Departments with at least k distinct contributors in every month they appear in the range."""
    months = {f"{since:%Y-%m}"} | {f"{until:%Y-%m}"}
    with engine.connect() as conn:
        rows = conn.execute(
            select(department_members.c.department, department_members.c.month,
                   func.count(department_members.c.member))
            .where(department_members.c.month >= f"{since:%Y-%m}", department_members.c.month <= f"{until:%Y-%m}")
            .group_by(department_members.c.department, department_members.c.month)).all()
    counts: dict[str, list[int]] = defaultdict(list)
    for dept, _month, n in rows:
        counts[dept].append(n)
    del months
    return {d for d in departments if counts.get(d) and min(counts[d]) >= k}


def build_report(engine: Engine, since: date, until: date, k: int = 5) -> UsageReport:
    report = UsageReport(since=since, until=until, k=k)
    with engine.connect() as conn:
        rows = conn.execute(select(usage_events).where(usage_events.c.day >= since, usage_events.c.day <= until)
                            .order_by(usage_events.c.day)).all()
    per_day: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    errors, pii, prompts, sources, models, departments = Counter(), Counter(), Counter(), Counter(), Counter(), Counter()
    latencies = []
    reasons = Counter({reason.value: 0 for reason in FeedbackReason})
    for r in rows:
        if r.kind == "feedback_reason":
            if r.feedback_reason in reasons:
                reasons[r.feedback_reason] += 1
            continue
        if r.kind == "feedback":
            report.feedback_total += 1
            report.feedback_helpful += int(r.feedback == 1)
            continue
        if r.outcome == "ok":
            per_day[r.day][0] += 1
            latencies.append(r.latency_ms)
            report.prompt_tokens += r.prompt_tokens
            report.completion_tokens += r.completion_tokens
            models[r.model] += 1
            sources.update(json.loads(r.sources))
            report.answers_without_source += r.no_source
            if r.prompt_id:
                prompts[r.prompt_id] += 1
            departments[r.department or OTHER] += 1
        else:
            per_day[r.day][1] += 1
            errors[r.outcome] += 1
        pii.update(json.loads(r.pii_counts))
    visible = _visible_departments(engine, since, until, k, {d for d in departments if d != OTHER})
    merged: Counter = Counter()
    for dept, n in departments.items():
        merged[dept if dept in visible else OTHER] += n
    report.answers_by_day = [(d, v[0], v[1]) for d, v in sorted(per_day.items())]
    report.feedback_reasons = {reason.value: reasons[reason.value] for reason in FeedbackReason}
    report.errors_by_kind = dict(errors.most_common())
    report.pii_by_type = dict(pii.most_common())
    report.top_prompts = prompts.most_common(10)
    report.top_sources = sources.most_common(10)
    report.by_model = dict(models.most_common())
    report.by_department = dict(merged.most_common())
    if latencies:
        latencies.sort()
        report.latency_ms_p50 = latencies[len(latencies) // 2]
    return report


def report_csv(report: UsageReport) -> str:
    """Long format (section, key, value): easy to pivot in a spreadsheet."""
    out = io.StringIO()
    w = csv.writer(out, delimiter=";")
    w.writerow(["bereich", "schluessel", "wert"])
    w.writerow(["zeitraum", "von", report.since.isoformat()])
    w.writerow(["zeitraum", "bis", report.until.isoformat()])
    for day, ok, bad in report.answers_by_day:
        w.writerow(["antworten_pro_tag", day.isoformat(), ok])
        w.writerow(["fehler_pro_tag", day.isoformat(), bad])
    w.writerow(["rueckmeldung", "hilfreich", report.feedback_helpful])
    w.writerow(["rueckmeldung", "gesamt", report.feedback_total])
    for reason, count in report.feedback_reasons.items():
        w.writerow(["grund_nicht_hilfreich", reason, count])
    for section, data in (("fehler_nach_art", report.errors_by_kind), ("pseudonymisiert_nach_typ", report.pii_by_type),
                          ("modelle", report.by_model), ("bereiche", report.by_department)):
        for key, value in data.items():
            w.writerow([section, key, value])
    for key, value in report.top_prompts:
        w.writerow(["prompts", key, value])
    for key, value in report.top_sources:
        w.writerow(["quellen", key, value])
    w.writerow(["ohne_quelle", "antworten", report.answers_without_source])
    w.writerow(["tokens", "prompt", report.prompt_tokens])
    w.writerow(["tokens", "antwort", report.completion_tokens])
    return out.getvalue()
