"""Dependency audit of the lock file: fail on known vulnerabilities that have a fix.

Runs ``pip-audit`` (PyPA's auditor; advisories from PyPI's JSON API, i.e. the PyPA advisory database / OSV)
against ``requirements/lock.txt`` and decides:

* a vulnerability with a fixed version → failure (exit 1), unless its id is listed in
  ``deploy/audit-ignore.txt`` with a reason;
* a vulnerability without a fix → listed, not a failure (nothing to upgrade to);
* a package that could not be audited → failure (exit 1): an unaudited package never passes silently;
* no advisory service reachable at all (every package unaudited and the probe fails) → exit 3, or, with
  ``--allow-unreachable`` (used by ``make test`` on machines without internet), a loud warning and exit 0.

    python deploy/dependency_audit.py [--allow-unreachable]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LOCK = REPO / "requirements" / "lock.txt"
IGNORE_FILE = REPO / "deploy" / "audit-ignore.txt"
# pip-audit's PyPI service asks for one release's JSON; if this answers, the service is reachable.
PROBE_URL = "https://pypi.org/pypi/pip/24.0/json"

OK, FAILED, UNREACHABLE = 0, 1, 3


@dataclass(frozen=True)
class Finding:
    package: str
    version: str
    vuln_id: str
    fix_versions: tuple[str, ...]


@dataclass(frozen=True)
class AuditReport:
    audited: int
    findings: tuple[Finding, ...]
    unaudited: tuple[str, ...]  # "name version: reason"

    def fixable(self, ignored: frozenset[str]) -> list[Finding]:
        return [f for f in self.findings if f.fix_versions and f.vuln_id not in ignored]


def parse_report(data: dict) -> AuditReport:
    """Read pip-audit's ``-f json`` output."""
    findings: list[Finding] = []
    unaudited: list[str] = []
    audited = 0
    for dep in data.get("dependencies", []):
        if "skip_reason" in dep:
            unaudited.append(f"{dep['name']}: {dep['skip_reason']}")
            continue
        audited += 1
        for vuln in dep.get("vulns", []):
            findings.append(Finding(dep["name"], dep["version"], vuln["id"], tuple(vuln.get("fix_versions", []))))
    return AuditReport(audited, tuple(findings), tuple(unaudited))


def read_ignored(path: Path = IGNORE_FILE) -> frozenset[str]:
    """Ids from ``audit-ignore.txt``: ``<id>  <reason>`` per line; a line without a reason is an error."""
    if not path.exists():
        return frozenset()
    ids = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split(None, 1)
        if len(parts) < 2:
            raise SystemExit(f"{path}, line {number}: an ignored vulnerability needs a reason after its id")
        ids.add(parts[0])
    return frozenset(ids)


def decide(report: AuditReport, ignored: frozenset[str], service_reachable: bool, allow_unreachable: bool) -> int:
    """The exit code for ``report`` (see module docstring)."""
    if report.audited == 0 and not report.unaudited:  # pip-audit produced nothing: not a pass
        return FAILED
    if report.audited == 0 and report.unaudited and not service_reachable:
        return OK if allow_unreachable else UNREACHABLE
    if report.unaudited or report.fixable(ignored):
        return FAILED
    return OK


def service_reachable(url: str = PROBE_URL, timeout: float = 10.0) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (fixed https URL)
            return response.status == 200
    except OSError:
        return False


def run_pip_audit(lock: Path = LOCK) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "audit.json"
        result = subprocess.run(
            [str(Path(sys.executable).with_name("pip-audit")), "-r", str(lock), "--no-deps", "--disable-pip",
             "-s", "pypi", "-f", "json", "-o", str(out), "--progress-spinner", "off"],
            check=False, capture_output=True, text=True,
        )
        if not out.exists():  # pip-audit itself failed: show why
            sys.stderr.write(result.stderr)
            return {"dependencies": []}
        return json.loads(out.read_text(encoding="utf-8"))


def print_table(report: AuditReport, ignored: frozenset[str]) -> None:
    print(f"{'package':<28} {'version':<12} {'vulnerability':<22} fix")
    for f in report.findings:
        mark = " (ignored)" if f.vuln_id in ignored else ""
        print(f"{f.package:<28} {f.version:<12} {f.vuln_id:<22} {', '.join(f.fix_versions) or '—'}{mark}")
    print(f"audited: {report.audited}, vulnerabilities: {len(report.findings)}, "
          f"fixable and not ignored: {len(report.fixable(ignored))}, unaudited: {len(report.unaudited)}")
    for line in report.unaudited[:10]:
        print(f"  unaudited: {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--allow-unreachable", action="store_true",
                        help="exit 0 with a warning when no advisory service can be reached (offline machine)")
    args = parser.parse_args(argv)
    ignored = read_ignored()
    report = parse_report(run_pip_audit())
    reachable = service_reachable() if report.audited == 0 else True
    print_table(report, ignored)
    code = decide(report, ignored, reachable, args.allow_unreachable)
    if report.audited == 0 and not reachable:
        print("WARNING: dependency audit NOT RUN — no advisory service reachable from this machine "
              f"({PROBE_URL}). Run `make audit` where PyPI's JSON API is reachable.", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
