#!/usr/bin/env bash
# Copied from ../shared/tools/lighthouse.sh; changed: a failed run is retried up to 3 times.
# Lighthouse (mobile form factor, all four categories) for one page, N runs.
#
# Usage:
#   lighthouse.sh [-n RUNS] [-k KEEP_DIR] [-t METHOD] [-g PORT] URL
#   lighthouse.sh [-n RUNS] [-k KEEP_DIR] [-t METHOD] [-g PORT] SITE_DIR [PAGE]
#
#   URL       a page on the loopback interface (http://127.0.0.1:PORT/path/)
#   SITE_DIR  a built site directory: served for the run by
#             `python3 -m http.server` on a random 127.0.0.1 port, stopped after
#   PAGE      page path inside SITE_DIR (default "/"), e.g. "en/caching/"
#   -n RUNS   Lighthouse runs (default 3); the JSON gives the median of each
#             field and the min/max spread
#   -k DIR    keep the raw Lighthouse JSON reports in DIR
#   -t METHOD throttling method: simulate (default, Lighthouse's Lantern model)
#             or devtools (the page really loads at 150 ms RTT / 1.6 Mbps with
#             4x CPU slowdown: slower to run, less prone to the bimodal LCP
#             that simulate shows on Material pages; see the baseline notes)
#   -g PORT   send fonts.googleapis.com / fonts.gstatic.com to the local
#             Google Fonts stand-in (gfonts_standin.py) on 127.0.0.1:PORT
#
# Prints one JSON object: the four category scores (0-100) and FCP, LCP, TBT,
# CLS, Speed Index, TTI, total-byte-weight, plus the failing audits of the
# median run.
#
# Needs: Chromium at /usr/bin/chromium (Debian package `chromium`), Node.js,
# python3, and the npm package `lighthouse`: set LIGHTHOUSE to its CLI, or have
# `lighthouse` on PATH, or ./node_modules/.bin/lighthouse in the current
# directory.  Lighthouse 12.8.x is the newest release whose declared engine
# range includes Node 20 (13.x asks for Node >= 22.19).
#
# Network safety: Chromium resolves no host but the loopback interface
# (--host-resolver-rules), so third-party requests (Google Fonts etc.) fail at
# once, as offline, and nothing leaves the machine.
set -euo pipefail

RUNS=3
KEEP=""
THROTTLING=simulate
GFONTS=""
while getopts "n:k:t:g:h" opt; do
  case "$opt" in
    n) RUNS="$OPTARG" ;;
    k) KEEP="$OPTARG" ;;
    t) THROTTLING="$OPTARG" ;;
    g) GFONTS="$OPTARG" ;;
    h) sed -n '2,38p' "$0"; exit 0 ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { sed -n '2,38p' "$0" >&2; exit 2; }
TARGET="$1"
PAGE="${2:-/}"

CHROMIUM=/usr/bin/chromium
[ -x "$CHROMIUM" ] || { echo "no Chromium at $CHROMIUM (apt-get install chromium)" >&2; exit 3; }

if [ ! -d "$TARGET" ]; then
  case "$TARGET" in
    http://127.0.0.1:*|http://127.0.0.1/*|http://localhost:*|http://localhost/*) ;;
    *) echo "refusing: not a directory nor a loopback URL: $TARGET" >&2; exit 2 ;;
  esac
fi

if [ -n "${LIGHTHOUSE:-}" ]; then
  LH="$LIGHTHOUSE"
elif command -v lighthouse >/dev/null 2>&1; then
  LH="$(command -v lighthouse)"
elif [ -x ./node_modules/.bin/lighthouse ]; then
  LH="./node_modules/.bin/lighthouse"
else
  echo "lighthouse not found: run make bench once (npm ci of bench/node/package-lock.json into .bench/node) or set LIGHTHOUSE=<dir>/node_modules/.bin/lighthouse" >&2
  exit 3
fi

WORK="$(mktemp -d -t lighthouse-sh.XXXXXX)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

if [ -d "$TARGET" ]; then
  PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
  python3 -m http.server --bind 127.0.0.1 --directory "$TARGET" "$PORT" >"$WORK/http.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $PORT), 0.2).close()" 2>/dev/null && break
    sleep 0.1
  done
  URL="http://127.0.0.1:${PORT}/${PAGE#/}"
else
  URL="$TARGET"
fi

case "$URL" in
  http://127.0.0.1:*|http://127.0.0.1/*|http://localhost:*|http://localhost/*) ;;
  *) echo "refusing a non-loopback URL: $URL" >&2; exit 2 ;;
esac

for i in $(seq 1 "$RUNS"); do
  UDD="$WORK/profile-$i"
  mkdir -p "$UDD"
  FLAGS="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
  FLAGS="$FLAGS --disable-background-networking --disable-component-update --disable-sync"
  FLAGS="$FLAGS --user-data-dir=$UDD"
  RULES="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost"
  if [ -n "$GFONTS" ]; then
    RULES="MAP fonts.googleapis.com 127.0.0.1:$GFONTS, MAP fonts.gstatic.com 127.0.0.1:$GFONTS, $RULES"
    FLAGS="$FLAGS --ignore-certificate-errors"
  fi
  FLAGS="$FLAGS --host-resolver-rules='$RULES'"
  ok=""
  for attempt in 1 2 3; do   # project change: Lighthouse sometimes fails to record (NO_NAVSTART)
    rm -rf "$UDD"; mkdir -p "$UDD"
    if CHROME_PATH="$CHROMIUM" "$LH" "$URL" \
        --only-categories=performance,accessibility,best-practices,seo \
        --throttling-method="$THROTTLING" \
        --output=json --output-path="$WORK/run-$i.json" --quiet \
        --chrome-flags="$FLAGS" >"$WORK/lh-$i.log" 2>&1 \
        && ! grep -q '"runtimeError"' "$WORK/run-$i.json"; then
      ok=1; break
    fi
    echo "lighthouse run $i, attempt $attempt failed; retrying" >&2
  done
  if [ -z "$ok" ]; then
    echo "lighthouse run $i failed:" >&2
    tail -20 "$WORK/lh-$i.log" >&2
    exit 4
  fi
  rm -rf "$UDD"
done

if [ -n "$KEEP" ]; then
  mkdir -p "$KEEP"
  cp "$WORK"/run-*.json "$KEEP"/
fi

python3 - "$URL" "$WORK" "$RUNS" <<'PY'
import glob, json, os, statistics, sys

url, work, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
cats = ["performance", "accessibility", "best-practices", "seo"]
mets = {"fcp_ms": "first-contentful-paint", "lcp_ms": "largest-contentful-paint",
        "tbt_ms": "total-blocking-time", "cls": "cumulative-layout-shift",
        "speed_index_ms": "speed-index", "tti_ms": "interactive",
        "total_byte_weight": "total-byte-weight"}
rows, reports = [], []
for i in range(1, runs + 1):
    with open(os.path.join(work, f"run-{i}.json"), encoding="utf-8") as f:
        r = json.load(f)
    if r.get("runtimeError"):
        print(json.dumps({"url": url, "error": r["runtimeError"]}), file=sys.stderr)
        sys.exit(4)
    row = {}
    for c in cats:
        s = r["categories"].get(c, {}).get("score")
        row[c] = None if s is None else round(s * 100)
    for k, a in mets.items():
        v = r["audits"].get(a, {}).get("numericValue")
        row[k] = None if v is None else (round(v, 4) if k == "cls" else round(v))
    row["benchmark_index"] = r.get("environment", {}).get("benchmarkIndex")
    rows.append(row)
    reports.append(r)

def med(k):
    vals = [x[k] for x in rows if x[k] is not None]
    if not vals:
        return None
    m = statistics.median(vals)
    return round(m, 4) if k == "cls" else round(m)

keys = list(rows[0].keys())
median = {k: med(k) for k in keys}
spread = {k: [min(x[k] for x in rows), max(x[k] for x in rows)]
          for k in keys if all(x[k] is not None for x in rows)}
# failing audits (weight > 0, score < 1) of the run whose performance score is
# the median one
order = sorted(range(len(rows)), key=lambda i: (rows[i]["performance"] or 0))
mr = reports[order[len(order) // 2]]
failing = []
for c in cats:
    for ref in mr["categories"].get(c, {}).get("auditRefs", []):
        a = mr["audits"][ref["id"]]
        if ref.get("weight", 0) > 0 and a.get("score") is not None and a["score"] < 1 \
                and a.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings"):
            if c == "performance" and ref.get("group") == "metrics":
                continue
            failing.append({"category": c, "id": ref["id"], "score": a["score"],
                            "display": a.get("displayValue", "")})
out = {
    "url": url,
    "lighthouse_version": mr.get("lighthouseVersion"),
    "chrome_user_agent": mr.get("environment", {}).get("hostUserAgent"),
    "form_factor": mr["configSettings"]["formFactor"],
    "throttling": mr["configSettings"]["throttlingMethod"],
    "runs": runs,
    "median": median,
    "min_max": spread,
    "per_run": rows,
    "failing_audits": failing,
}
print(json.dumps(out, indent=2))
PY
