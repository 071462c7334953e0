"""The guardrail under concurrent use. Its latency target (issue 3: p50 ≤ 10 ms for a 60-word message on
2 cores) is a benchmark, not a unit test: `bench/pii.py` prints the p50 of ~60-word messages against it, next
to plain Presidio measured in the same run."""

import threading

MESSAGE = (
    "Hallo, ich betreue seit März 2023 Frau Aylin Demir (geb. 14.03.1987) und ihren Sohn Jonas. "
    "Sie wohnt in der Lindenstraße 12, 44135 Dortmund, und ist unter 0176 12345678 erreichbar. "
    "Das Jobcenter hat den Antrag auf Bürgergeld abgelehnt, Aktenzeichen 4 C 123/24. "
    "Wie formuliere ich einen Widerspruch gegen diesen Bescheid, welche Fristen gelten dafür "
    "und welche Unterlagen sollte sie mitbringen?"
)


def test_detect_is_thread_safe(guardrail):
    expected = guardrail.detect(MESSAGE)
    errors = []

    def worker():
        for _ in range(30):
            if guardrail.detect(MESSAGE) != expected:
                errors.append("different result")

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
