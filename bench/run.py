"""`make bench`: the site against a plain Material baseline of the same size, in one run.

For each page type (home, measure, calculator, FAQ, an English page, the finder) it measures, on a cold load
at 390×844 served by deploy/nginx.conf (Debian nginx on a loopback port):
- bytes as served (headers + body after compression, from nginx's access log) and by type
  (from Chromium, bench/measure_site.py), requests, third-party requests, HTTP and console errors;
- Lighthouse mobile (bench/lighthouse.sh, simulated throttling): median of RUNS runs of the four
  scores, LCP, TBT, CLS, and how many runs fell into the slow LCP mode;
and the wall time of a full zh+en build (median of 3). The baseline is
bench/make_baseline_site.py --variant default with as many pages per language as ours, built by
the same Python and served by the same nginx config. It prints a table with ratios and a list of
targets with MET / NOT MET, and writes .bench/results.json and .bench/results.md.

    python bench/run.py [--runs N] [--skip-lighthouse]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.nginx_run import free_port, nginx_serving  # noqa: E402
from bench.site import build  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / ".bench"
HERE = Path(__file__).resolve().parent

OURS = {"home": "", "measure": "measures/enrolment-and-contributions/",
        "calculator": "calculators/pension-estimate/", "faq": "faq/",
        "english": "en/measures/enrolment-and-contributions/", "finder": "finder/"}
# The baseline has no finder: its counterpart is a plain content page, like the measure's.
BASE = {"home": "", "measure": "caching/", "calculator": "performance/", "faq": "faq/",
        "english": "en/caching/", "finder": "caching/"}
TARGETS = {"accessibility": 100, "best-practices": 100, "seo": 100, "performance": 95}
MAX_KB = 100   # every page type, compressed, headers included, cold load (issue 11)


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def timed_builds(build_once, n=3) -> float:
    times = []
    for _ in range(n):
        times.append(build_once())
    return statistics.median(times)


def build_baseline(pages: int, site: Path) -> float:
    project = WORK / "baseline"
    shutil.rmtree(project, ignore_errors=True)
    subprocess.run([sys.executable, str(HERE / "make_baseline_site.py"), str(project),
                    "--variant", "default", "--pages", str(pages)], check=True)

    def once():
        shutil.rmtree(site, ignore_errors=True)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)],
                       cwd=project, check=True, capture_output=True,
                       env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        return time.perf_counter() - start

    return timed_builds(once)


def served_bytes(served, path: str) -> tuple[int, int]:
    """Load `path` once in a fresh profile; bytes_sent and request count from nginx's log."""
    before = served.access_log.read_text().splitlines() if served.access_log.exists() else []
    out = subprocess.run([sys.executable, str(HERE / "measure_site.py"), served, path,
                          "--no-axe"], capture_output=True, text=True, timeout=180)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    time.sleep(0.3)
    lines = served.access_log.read_text().splitlines()[len(before):]
    total = sum(int(line.split()[1]) for line in lines)
    return total, len(lines), json.loads(out.stdout)


def lighthouse(url: str, runs: int) -> dict:
    env = {**os.environ}
    lh = WORK / "node" / "node_modules" / ".bin" / "lighthouse"
    if "LIGHTHOUSE" not in env and lh.exists():
        env["LIGHTHOUSE"] = str(lh)
    out = subprocess.run(["bash", str(HERE / "lighthouse.sh"), "-n", str(runs), url],
                         capture_output=True, text=True, env=env, timeout=runs * 120)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    return json.loads(out.stdout)


def measure_site(served, pages: dict, runs: int, skip_lh: bool) -> dict:
    results = {}
    for kind, path in pages.items():
        log(f"  {kind}: /{path}")
        total, nreq, m = served_bytes(served, path)
        row = {"path": "/" + path, "served_bytes": total, "served_requests": nreq,
               "bytes_by_type": m["bytes"], "requests": m["requests"]["total"],
               "third_party": m["requests"]["third_party"] + len(m["third_party_hints"]),
               "http_errors": len(m["http_errors"]), "console_errors": len(m["console_errors"]),
               "errors": m["http_errors"] + m["console_errors"]}
        if not skip_lh:
            r = lighthouse(f"{served}/{path}", runs)
            med = r["median"]
            row["lighthouse"] = {k: med[k] for k in
                                 ["performance", "accessibility", "best-practices", "seo",
                                  "fcp_ms", "lcp_ms", "tbt_ms", "cls"]}
            row["lighthouse"]["perf_per_run"] = [x["performance"] for x in r["per_run"]]
            row["lighthouse"]["failing"] = [f"{a['category']}:{a['id']}"
                                            for a in r["failing_audits"]]
            row["lighthouse_version"] = r["lighthouse_version"]
        results[kind] = row
    return results


def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def ratio(a, b) -> str:
    return f"{a / b:.2f}×" if b else "–"


def report(res: dict) -> tuple[str, bool]:
    ours, base = res["ours"], res["baseline"]
    lines = [f"# Bench {res['date']} on {res['machine']}", "",
             f"Build (zh+en, median of 3): ours {res['build_s']['ours']:.2f} s, baseline "
             f"{res['build_s']['baseline']:.2f} s ({ratio(res['build_s']['ours'], res['build_s']['baseline'])}); "
             f"pages per language: {res['pages_per_language']}", "",
             "| page | served (ours / base) | ratio | requests | 3rd-party | errors | LH perf | "
             "a11y | BP | SEO | LCP ms | TBT ms | CLS | perf per run |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for kind in ours:
        o, b = ours[kind], base.get(kind, {})
        for who, row in (("ours", o), ("base", b)):
            if not row:
                continue
            lh = row.get("lighthouse", {})
            lines.append(
                f"| {kind} {who} `{row['path']}` | {kb(row['served_bytes'])} | "
                + (ratio(o["served_bytes"], b["served_bytes"]) if who == "ours" and b else "")
                + f" | {row['requests']} | {row['third_party']} | "
                f"{row['http_errors'] + row['console_errors']} | {lh.get('performance', '–')} | "
                f"{lh.get('accessibility', '–')} | {lh.get('best-practices', '–')} | "
                f"{lh.get('seo', '–')} | {lh.get('lcp_ms', '–')} | {lh.get('tbt_ms', '–')} | "
                f"{lh.get('cls', '–')} | {'/'.join(map(str, lh.get('perf_per_run', [])))} |")
    lines += ["", "Bytes by type (ours, Chromium's count of headers + body as transferred):", ""]
    for kind, row in ours.items():
        lines.append(f"- {kind}: " + ", ".join(f"{k} {kb(v)}" for k, v in
                                                row["bytes_by_type"].items() if k != "total"))
    checks = []
    for kind, row in ours.items():
        lh = row.get("lighthouse")
        if lh:
            for cat, want in TARGETS.items():
                checks.append((f"{kind}: Lighthouse {cat} ≥ {want}", lh[cat] >= want,
                               str(lh[cat])))
        checks.append((f"{kind}: 0 third-party requests", row["third_party"] == 0,
                       str(row["third_party"])))
        checks.append((f"{kind}: no HTTP or console errors", not row["errors"],
                       "; ".join(map(str, row["errors"]))[:200] or "0"))
        checks.append((f"{kind}: ≤ {MAX_KB} KB served on a cold load",
                       row["served_bytes"] <= MAX_KB * 1024, kb(row["served_bytes"])))
    checks.append(("full zh+en build ≤ 10 s", res["build_s"]["ours"] <= 10,
                   f"{res['build_s']['ours']:.2f} s"))
    lines += ["", "Targets:", ""]
    for name, ok, value in checks:
        lines.append(f"- {'MET' if ok else 'NOT MET'}: {name} ({value})")
    failing = {k: v["lighthouse"]["failing"] for k, v in ours.items()
               if v.get("lighthouse", {}).get("failing")}
    if failing:
        lines += ["", "Failing Lighthouse audits (median run): "
                  + json.dumps(failing, ensure_ascii=False)]
    return "\n".join(lines) + "\n", all(ok for _, ok, _ in checks)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "5")))
    ap.add_argument("--skip-lighthouse", action="store_true")
    a = ap.parse_args()
    WORK.mkdir(exist_ok=True)
    port_ours, port_base = free_port(), free_port()

    log("building the site (3 times)…")
    site = WORK / "site"

    def once():
        shutil.rmtree(site, ignore_errors=True)
        return build(site, f"http://127.0.0.1:{port_ours}/")

    build_ours = timed_builds(once)
    pages = sum(1 for p in site.rglob("index.html") if not p.relative_to(site).parts[0] == "en")
    pages_ours = {k: v for k, v in OURS.items() if (site / v / "index.html").exists()}
    log(f"building the baseline with {pages} pages per language (3 times)…")
    base_site = WORK / "baseline-site"
    build_base = build_baseline(pages, base_site)

    res = {"date": date.today().isoformat(),
           "machine": f"{platform.node()} {platform.platform()} {os.cpu_count()} cores, "
                      f"Python {platform.python_version()}",
           "runs": a.runs, "pages_per_language": pages,
           "build_s": {"ours": build_ours, "baseline": build_base}}
    with nginx_serving(site, port_ours) as ours:
        log("measuring the site…")
        res["ours"] = measure_site(ours, pages_ours, a.runs, a.skip_lighthouse)
    with nginx_serving(base_site, port_base, foreign_site=True) as base:
        log("measuring the baseline…")
        res["baseline"] = measure_site(base, {k: BASE[k] for k in pages_ours}, a.runs,
                                       a.skip_lighthouse)
    text, ok = report(res)
    (WORK / "results.json").write_text(json.dumps(res, indent=1, ensure_ascii=False))
    (WORK / "results.md").write_text(text)
    print(text)
    print("ALL TARGETS MET" if ok else "SOME TARGETS NOT MET")


if __name__ == "__main__":
    main()
