#!/usr/bin/env python3
# Copied unchanged (but for this line) from ../shared/tools/measure_site.py.
"""Measure one page of a built static site the way a phone user loads it.

Usage:
    python measure_site.py TARGET [PAGE] [options]

TARGET is either a built site directory (served for the run by
`python -m http.server` on a random 127.0.0.1 port, stopped afterwards) or a
base URL on the loopback interface.  PAGE is the page path relative to it
(default "/"), e.g. "caching/" or "en/caching/".

Prints one JSON object on stdout:
  requests      total / first-party / third-party / failed, and count by type
  bytes         bytes transferred (headers + body, cold cache) by type:
                html, css, js, font, image, search_index, json, other
  bytes_gzip_est  first-party bodies gzip-compressed (level 6), by type: what a
                host that compresses (most static hosts) would send
  third_party_requests  every request to another host, made during the load
                (never sent: answered with a network error, or left hanging
                with --third-party hang; or, with --gfonts PORT, Google Fonts
                requests answered by the local stand-in gfonts_standin.py)
  third_party_hints     <link rel=preconnect|dns-prefetch|preload> to other hosts
  timing_ms     FCP / LCP / DOMContentLoaded / load on loopback, no throttling
                (indicative only)
  http_errors   responses with status >= 400 (their bytes are in the totals)
  console_errors, axe (violated rules, affected nodes), search (with --search)

Needs the Python packages `playwright` and `axe-playwright-python` and a
Chromium at /usr/bin/chromium (Debian package `chromium`); it does not need
`playwright install`.  Network safety: every host other than the page's own is
refused before DNS (Chromium --host-resolver-rules) and intercepted in
Playwright, so no traffic leaves the loopback interface.
"""
import argparse
import gzip
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from urllib.parse import urljoin, urlparse

CHROMIUM = "/usr/bin/chromium"
BASE_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
    "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
    # resolve nothing but the loopback interface: no DNS, no connection
    # attempts (preconnect hints included) to any other host
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
# Chrome on a mid-range Android phone (the same class of device Lighthouse
# emulates); Material does not sniff the UA, it only matters for realism.
MOBILE_UA = ("Mozilla/5.0 (Linux; Android 11; moto g power (2022)) "
             "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 "
             "Mobile Safari/537.36")
TYPES = ["html", "css", "js", "font", "image", "search_index", "json", "other"]


def log(*a):
    print(*a, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- server --
class StaticServer:
    """`python -m http.server` on a free loopback port, stopped by its PID."""

    def __init__(self, directory):
        self.directory = os.path.abspath(directory)
        self.proc = None
        self.logfile = None

    def __enter__(self):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        self.port = s.getsockname()[1]
        s.close()
        self.logfile = tempfile.NamedTemporaryFile(
            prefix="measure-site-http-", suffix=".log", delete=False)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "http.server", "--bind", "127.0.0.1",
             "--directory", self.directory, str(self.port)],
            stdout=self.logfile, stderr=subprocess.STDOUT)
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.2).close()
                break
            except OSError:
                if self.proc.poll() is not None:
                    raise RuntimeError("http.server exited early")
                time.sleep(0.05)
        else:
            raise RuntimeError("http.server did not start")
        self.url = f"http://127.0.0.1:{self.port}/"
        return self

    def hits(self):
        with open(self.logfile.name, encoding="utf-8", errors="replace") as f:
            return sum(1 for line in f if '"GET ' in line)

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.logfile:
            self.logfile.close()
            os.unlink(self.logfile.name)


# --------------------------------------------------------------- helpers --
def classify(url, rtype, ctype):
    path = urlparse(url).path.lower()
    ctype = (ctype or "").lower()
    if path.endswith("search_index.json"):
        return "search_index"
    if rtype == "document" or "text/html" in ctype:
        return "html"
    if rtype == "stylesheet" or path.endswith(".css") or "text/css" in ctype:
        return "css"
    if rtype == "script" or path.endswith((".js", ".mjs")) or "javascript" in ctype:
        return "js"
    if (rtype == "font" or path.endswith((".woff2", ".woff", ".ttf", ".otf"))
            or "font" in ctype):
        return "font"
    if (rtype == "image" or ctype.startswith("image/") or path.endswith(
            (".png", ".svg", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico"))):
        return "image"
    if path.endswith(".json") or "json" in ctype:
        return "json"
    return "other"


def chromium_version():
    try:
        out = subprocess.run([CHROMIUM, "--version"], capture_output=True,
                             text=True, timeout=20).stdout.strip()
        return out or None
    except Exception:  # noqa: BLE001 - informative only
        return None


LCP_JS = """() => new Promise(resolve => {
  let v = null;
  try {
    new PerformanceObserver(l => { for (const e of l.getEntries()) v = e.startTime; })
      .observe({type: 'largest-contentful-paint', buffered: true});
  } catch (e) {}
  setTimeout(() => resolve(v), 300);
})"""

TIMING_JS = """() => {
  const n = performance.getEntriesByType('navigation')[0];
  const p = performance.getEntriesByName('first-contentful-paint')[0];
  return {fcp: p ? p.startTime : null,
          dcl: n && n.domContentLoadedEventEnd ? n.domContentLoadedEventEnd : null,
          load: n && n.loadEventEnd ? n.loadEventEnd : null};
}"""

HINTS_JS = """() => Array.from(document.querySelectorAll(
  'link[rel~="preconnect"],link[rel~="dns-prefetch"],link[rel~="preload"],link[rel~="prefetch"]'))
  .map(l => ({rel: l.rel, href: l.href}))"""


# ------------------------------------------------------------- measuring --
GFONT_HOSTS = ("fonts.googleapis.com", "fonts.gstatic.com")


def measure(base_url, page_path, args, server=None):
    from playwright.sync_api import sync_playwright

    url = urljoin(base_url, page_path.lstrip("/"))
    site = urlparse(url)
    first_party = (site.hostname, site.port)
    if site.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("refusing to measure a non-loopback URL: " + url)
    w, h = (int(x) for x in args.viewport.split("x"))

    reqs = {}        # id(request) -> record
    third = []
    phase = ["load"]  # "load", then "axe"/"search": later requests are tagged
    console_errors = []
    profile = tempfile.mkdtemp(prefix="measure-site-profile-")
    result = {"url": url, "viewport": f"{w}x{h}", "device_scale_factor": args.dsf,
              "third_party_mode": args.third_party, "chromium": chromium_version()}
    flags = list(BASE_FLAGS)
    if args.gfonts:
        # Google Fonts hosts go to the local stand-in (gfonts_standin.py)
        flags[-1] = flags[-1].replace("MAP * ~NOTFOUND", ", ".join(
            f"MAP {h} 127.0.0.1:{args.gfonts}" for h in GFONT_HOSTS) + ", MAP * ~NOTFOUND")
        flags.append("--ignore-certificate-errors")
        result["gfonts_standin_port"] = args.gfonts
    try:
        with sync_playwright() as p:
            ctx = p.chromium.launch_persistent_context(
                profile, executable_path=CHROMIUM, headless=True,
                ignore_https_errors=bool(args.gfonts),
                args=flags, viewport={"width": w, "height": h},
                device_scale_factor=args.dsf, is_mobile=True, has_touch=True,
                user_agent=MOBILE_UA, locale=args.locale,
                service_workers="block")
            ctx.set_default_timeout(args.timeout * 1000)

            def is_first(u):
                pu = urlparse(u)
                if pu.scheme in ("data", "blob", "about", "chrome"):
                    return True
                return (pu.hostname, pu.port) == first_party

            def route(r):
                req = r.request
                if is_first(req.url):
                    r.continue_()
                    return
                if args.gfonts and urlparse(req.url).hostname in GFONT_HOSTS:
                    third.append({"url": req.url, "type": req.resource_type,
                                  "outcome": "served by local stand-in",
                                  "phase": phase[0]})
                    r.continue_()
                    return
                third.append({"url": req.url, "type": req.resource_type,
                              "outcome": "hung" if args.third_party == "hang"
                              else "refused", "phase": phase[0]})
                if args.third_party == "hang":
                    return  # never answered: a firewall that drops packets
                r.abort("namenotresolved")

            ctx.route("**/*", route)
            page = ctx.pages[0] if ctx.pages else ctx.new_page()

            def on_request(req):
                if urlparse(req.url).scheme in ("data", "blob") or phase[0] != "load":
                    return
                reqs[id(req)] = {"req": req, "url": req.url,
                                 "rtype": req.resource_type,
                                 "first": is_first(req.url), "done": False,
                                 "failed": None, "t": time.time()}

            def on_finished(req):
                rec = reqs.get(id(req))
                if rec is not None:
                    rec["done"] = True

            def on_failed(req):
                rec = reqs.get(id(req))
                if rec is not None:
                    rec["done"] = True
                    rec["failed"] = req.failure

            page.on("request", on_request)
            page.on("requestfinished", on_finished)
            page.on("requestfailed", on_failed)
            page.on("console", lambda m: console_errors.append((phase[0], m.text))
                    if m.type == "error" else None)
            page.on("pageerror", lambda e: console_errors.append(
                (phase[0], "pageerror: " + str(e))))

            hits0 = server.hits() if server is not None else 0
            t0 = time.time()
            page.goto(url, wait_until="commit")
            # settle: every first-party request done and none new for quiet_ms
            quiet = args.quiet_ms / 1000.0
            deadline = t0 + args.timeout
            while time.time() < deadline:
                page.wait_for_timeout(100)
                pending = [r for r in reqs.values() if r["first"] and not r["done"]]
                last = max((r["t"] for r in reqs.values()), default=t0)
                loaded = page.evaluate("document.readyState") == "complete"
                if not pending and time.time() - last > quiet and (
                        loaded or args.third_party == "hang"):
                    fcp = page.evaluate(TIMING_JS)["fcp"]
                    if fcp is not None or args.third_party != "hang":
                        break
            result["settled_after_ms"] = round((time.time() - t0) * 1000)

            timing = page.evaluate(TIMING_JS)
            timing["lcp"] = page.evaluate(LCP_JS)
            result["timing_ms"] = {k: (round(v) if v is not None else None)
                                   for k, v in timing.items()}
            result["timing_ms"]["note"] = "loopback, no throttling; indicative only"

            # ---- bytes and requests
            by_type_bytes = {t: 0 for t in TYPES}
            by_type_body = {t: 0 for t in TYPES}
            by_type_gz = {t: 0 for t in TYPES}
            by_type_n = {t: 0 for t in TYPES}
            failed = 0
            rows = []
            for rec in reqs.values():
                req = rec["req"]
                resp = None
                ctype = ""
                if rec["done"] and not rec["failed"]:
                    resp = req.response()
                if resp is not None:
                    ctype = resp.headers.get("content-type", "")
                kind = classify(rec["url"], rec["rtype"], ctype)
                by_type_n[kind] += 1
                if rec["failed"] or not rec["done"]:
                    failed += 1
                    continue
                if resp is None:
                    continue
                try:
                    sizes = req.sizes()
                    body = sizes["responseBodySize"]
                    total = body + sizes["responseHeadersSize"]
                except Exception:  # noqa: BLE001
                    body = total = 0
                gz = None
                if rec["first"]:
                    try:
                        raw = resp.body()
                        gz = len(gzip.compress(raw, 6))
                        if body <= 0:
                            body = len(raw)
                            total = max(total, body)
                    except Exception:  # noqa: BLE001
                        gz = None
                by_type_bytes[kind] += total
                by_type_body[kind] += body
                if gz is not None:
                    by_type_gz[kind] += gz
                rows.append({"url": rec["url"], "type": kind,
                             "status": resp.status, "bytes": total,
                             "body_bytes": body, "gzip_est": gz})

            def nz(d):
                return {k: v for k, v in d.items() if v}

            result["requests"] = {
                "total": len(reqs),
                "first_party": sum(1 for r in reqs.values() if r["first"]),
                "third_party": sum(1 for r in reqs.values() if not r["first"]),
                "failed_or_pending": failed,
                "by_type": nz(by_type_n),
            }
            result["bytes"] = dict(nz(by_type_bytes), total=sum(by_type_bytes.values()))
            result["body_bytes"] = dict(nz(by_type_body), total=sum(by_type_body.values()))
            result["bytes_gzip_est"] = dict(nz(by_type_gz), total=sum(by_type_gz.values()))
            # requests made by the page during the load (axe-core itself
            # re-fetches cross-origin stylesheets by XHR; those are not counted)
            result["http_errors"] = [{"url": x["url"], "status": x["status"]}
                                     for x in rows if x["status"] >= 400]
            result["third_party_requests"] = [t for t in third if t["phase"] == "load"]
            hints = page.evaluate(HINTS_JS)
            result["third_party_hints"] = [
                hh for hh in hints if not is_first(hh["href"])]
            if args.list:
                result["responses"] = sorted(rows, key=lambda r: -r["bytes"])
            if server is not None:
                result["server_hits"] = server.hits() - hits0

            if args.screenshot:
                os.makedirs(os.path.dirname(os.path.abspath(args.screenshot)),
                            exist_ok=True)
                page.screenshot(path=args.screenshot)
                result["screenshot"] = args.screenshot

            # ---- axe-core at the mobile viewport
            phase[0] = "axe"
            if not args.no_axe:
                from axe_playwright_python.sync_playwright import Axe
                ax = Axe().run(page)
                v = ax.response.get("violations", [])
                result["axe"] = {
                    "version": ax.response.get("testEngine", {}).get("version"),
                    "violations": len(v),
                    "nodes": sum(len(x.get("nodes", [])) for x in v),
                    "rules": [{"id": x["id"], "impact": x.get("impact"),
                               "nodes": len(x.get("nodes", []))} for x in v],
                }

            # ---- optional: does client-side search find something?
            phase[0] = "search"
            if args.search:
                result["search"] = try_search(page, args.search)
            later = [t for t in third if t["phase"] != "load"]
            if later:
                result["third_party_requests_after_load"] = later

            result["console_errors"] = [t for ph, t in console_errors if ph == "load"]
            later = [f"{ph}: {t}" for ph, t in console_errors if ph != "load"]
            if later:
                result["console_errors_after_load"] = later
            ctx.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return result


def try_search(page, query):
    out = {"query": query}
    try:
        page.click('label[for="__search"]', timeout=5000)
        inp = page.locator("input.md-search__input")
        inp.fill(query, timeout=5000)
        # Material reacts to keyup/input; fill() alone (like IME text entry
        # in automation) does not fire keyup
        inp.dispatch_event("input")
        inp.dispatch_event("keyup")
        t0 = time.time()
        meta = ""
        n = 0
        while time.time() - t0 < 10:
            page.wait_for_timeout(250)
            meta = page.inner_text(".md-search-result__meta") if page.query_selector(
                ".md-search-result__meta") else ""
            n = len(page.query_selector_all(".md-search-result__item"))
            if n:
                break
        out.update({"results": n, "meta": meta.strip()})
    except Exception as e:  # noqa: BLE001
        out["error"] = str(e).splitlines()[0]
    return out


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("target", help="built site directory, or a loopback base URL")
    ap.add_argument("page", nargs="?", default="/", help='page path, e.g. "en/caching/"')
    ap.add_argument("--viewport", default="390x844")
    ap.add_argument("--dsf", type=float, default=3, help="device scale factor (default 3)")
    ap.add_argument("--locale", default="zh-CN")
    ap.add_argument("--screenshot", help="save a viewport PNG here")
    ap.add_argument("--third-party", choices=["refuse", "hang"], default="refuse",
                    help="refuse: other hosts fail at once (offline/DNS failure); "
                         "hang: they never answer (a firewall that drops packets)")
    ap.add_argument("--gfonts", type=int, metavar="PORT",
                    help="answer fonts.googleapis.com / fonts.gstatic.com from the "
                         "local stand-in (gfonts_standin.py) listening on PORT")
    ap.add_argument("--search", metavar="QUERY", help="type QUERY into the search box "
                    "and report how many results appear")
    ap.add_argument("--no-axe", action="store_true")
    ap.add_argument("--list", action="store_true", help="include every response")
    ap.add_argument("--quiet-ms", type=int, default=1500,
                    help="network quiet time that ends the load (default 1500)")
    ap.add_argument("--timeout", type=float, default=30, help="seconds (default 30)")
    ap.add_argument("--runs", type=int, default=1,
                    help="repeat the cold load N times; timings are medians")
    args = ap.parse_args()

    def once(base, server=None):
        return measure(base, args.page, args, server)

    def run_all(base, server=None):
        results = [once(base, server) for _ in range(max(1, args.runs))]
        res = results[0]
        if len(results) > 1:
            for k in ("fcp", "lcp", "dcl", "load"):
                vals = [r["timing_ms"][k] for r in results if r["timing_ms"][k] is not None]
                res["timing_ms"][k] = round(statistics.median(vals)) if vals else None
            res["timing_ms"]["runs"] = len(results)
        return res

    if os.path.isdir(args.target):
        with StaticServer(args.target) as srv:
            res = run_all(srv.url, srv)
        res["served_from"] = "directory via python -m http.server (HTTP/1.0, no compression)"
    elif args.target.startswith(("http://", "https://")):
        res = run_all(args.target if args.target.endswith("/") else args.target + "/")
    else:
        raise SystemExit("TARGET must be a directory or an http(s) URL")
    print(json.dumps(res, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
