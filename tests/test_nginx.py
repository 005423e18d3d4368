"""deploy/nginx.conf, run by Debian's nginx on a loopback port: headers, compression, caching
(our assets named by their content), per-language 404s, and a Content-Security-Policy, built
with the site, that Chromium loads every page type under with no violation."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
import urllib.error
import urllib.request

import pytest
import rcssmin
import rjsmin
from conftest import ROOT

from hooks.events.fingerprint import CALCULATOR_SCRIPTS, shorten_names

CONF = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def server(served_site):
    return served_site


def fetch(url: str, gzip_ok: bool = True):
    req = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def text(headers, body: bytes) -> str:
    if headers.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return body.decode("utf-8")


def asset(site, pattern: str) -> str:
    found = sorted(p.relative_to(site).as_posix() for p in site.glob(pattern))
    assert found, pattern
    return "/" + found[0]


def test_security_headers_on_pages_and_errors(server):
    base, _ = server
    for path in ["/", "/en/measures/basic-pension/", "/no-such-page/"]:
        _, h, _ = fetch(base + path)
        csp = h["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert h["X-Content-Type-Options"] == "nosniff"
        assert h["X-Frame-Options"] == "DENY"
        assert h["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert "camera=()" in h["Permissions-Policy"]
        assert "nginx/" not in (h.get("Server") or "")


@pytest.mark.parametrize("kind", ["html", "css", "js", "search"])
def test_text_is_compressed(server, kind):
    base, site = server
    path = {"html": "/measures/basic-pension/",
            "css": asset(site, "assets/stylesheets/main.*.min.css"),
            "js": asset(site, "assets/javascripts/bundle.*.min.js"),
            "search": "/search/search_index.json"}[kind]
    status, h, body = fetch(base + path)
    assert status == 200
    assert h["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in (h.get("Vary") or "")
    raw_status, _, raw = fetch(base + path, gzip_ok=False)
    assert raw_status == 200 and len(body) < len(raw) / 2


OWN_ASSETS = ["assets/*.css", "assets/*.svg", "assets/js/**/*.js", "assets/generated/*.json"]


def mkdocs_list(key: str) -> list[str]:
    """The files mkdocs.yml lists under `key` (extra_css, extra_javascript), in order."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(rf"^{key}:\n((?:  - .*\n)+)", text, re.M).group(1)
    files = re.findall(r"^  - (\S+)", block, re.M)
    assert len(files) >= 4, files
    return files


def test_our_assets_are_named_by_their_content(server):
    """hooks/events/fingerprint.py: every CSS, JS, icon and JSON file of ours is name.<hash>.ext, the hash
    of what is served, so a changed file always gets a new name (and may be cached for a year)."""
    _, site = server
    files = [p for pattern in OWN_ASSETS for p in site.glob(pattern)]
    assert len(files) >= 8   # joined CSS, joined JS of every page, calculator JS, QR, JSON, icon
    for path in files:
        digest = path.stem.rsplit(".", 1)[1]
        assert re.fullmatch(r"[0-9a-f]{8}", digest), path
        assert hashlib.sha256(path.read_bytes()).hexdigest()[:8] == digest, path
    # Pages and the service worker name the new files (the old names no longer exist).
    html = (site / "calculators" / "pension-estimate" / "index.html").read_text(encoding="utf-8")
    # Our stylesheets (mkdocs.yml extra_css) are one file, in their order.
    css = re.findall(r'href="\.\./\.\./assets/(extra\.[0-9a-f]{8}\.css)"', html)
    assert len(css) == 1 and "stylesheet" in html
    joined = (site / "assets" / css[0]).read_text(encoding="utf-8")
    sources = [(ROOT / "docs" / name).read_text(encoding="utf-8") for name in mkdocs_list("extra_css")]
    assert joined == rcssmin.cssmin("\n".join(sources))
    # So are the scripts every page loads (mkdocs.yml extra_javascript), in their order.
    js = re.findall(r'src="\.\./\.\./assets/js/(extra\.[0-9a-f]{8}\.js)"', html)
    assert len(js) == 1
    scripts = [(ROOT / "docs" / name).read_text(encoding="utf-8") for name in mkdocs_list("extra_javascript")]
    assert (site / "assets" / "js" / js[0]).read_text(encoding="utf-8") == \
        rjsmin.jsmin("\n;\n".join(scripts))
    # And the calculators' scripts, on calculator pages only, with short local names.
    calc = re.findall(r'src="\.\./\.\./assets/js/calc/(calculators\.[0-9a-f]{8}\.js)"', html)
    rules_and_forms = [(ROOT / "docs" / name).read_text(encoding="utf-8") for name in CALCULATOR_SCRIPTS]
    assert len(calc) == 1 and (site / "assets" / "js" / "calc" / calc[0]).read_bytes() == \
        shorten_names("\n;\n".join(rules_and_forms), "assets/js/calc/calculators.js")
    faq = (site / "faq" / "index.html").read_text(encoding="utf-8")
    assert "assets/js/calc/" not in faq
    assert re.search(r'data-params="\.\./\.\./assets/generated/parameters\.[0-9a-f]{8}\.json"', html)
    assert re.search(r'"assets/generated/offline\.[0-9a-f]{8}\.json"', (site / "sw.js").read_text())
    assert not (site / "assets" / "site.css").exists() and not (site / "assets/js/a11y.js").exists()


def test_hashed_assets_are_cached_for_a_year_the_rest_briefly(server):
    base, site = server
    for path in [asset(site, "assets/stylesheets/main.*.min.css"),
                 asset(site, "assets/javascripts/bundle.*.min.js"),
                 asset(site, "assets/javascripts/workers/search.*.min.js"),
                 asset(site, "assets/extra.*.css"),
                 asset(site, "assets/js/extra.*.js"), asset(site, "assets/favicon.*.svg"),
                 asset(site, "assets/generated/parameters.*.json")]:
        status, headers, _ = fetch(base + path)
        assert status == 200 and headers["Cache-Control"] == "public, max-age=31536000, immutable", path
    for path in ["/", "/en/", "/measures/basic-pension/", "/sw.js", "/search/search_index.json",
                 "/sitemap.xml"]:
        cc = fetch(base + path)[1]["Cache-Control"]
        age = int(re.search(r"max-age=(\d+)", cc).group(1))
        assert age <= 600, (path, cc)


def test_open_data_keeps_its_address_and_is_revalidated_like_pages(server):
    """/data/*.json (hooks/render/open_data.py) is linked to from outside: never hashed, so it
    must not be cached for a year either."""
    base, site = server
    for name in ("parameters", "measures", "vectors"):
        status, headers, body = fetch(base + f"/data/{name}.json")
        assert status == 200 and headers["Cache-Control"] == "public, max-age=300, must-revalidate", name
        assert headers["Content-Type"].startswith("application/json"), headers["Content-Type"]
        assert json.loads(text(headers, body))["version"] >= 1


def test_each_language_has_its_own_404(server):
    base, _ = server
    status, h, body = fetch(base + "/no-such-page/")
    assert status == 404 and '<html lang="zh"' in text(h, body)
    status, h, body = fetch(base + "/en/no-such-page/")
    assert status == 404 and '<html lang="en"' in text(h, body)
    assert "Page not found" in text(h, body)


def test_material_sitemap_probes_succeed_without_a_body(server):
    base, _ = server
    assert fetch(base + "/sitemap.xml")[0] == 200
    for path in ["/measures/basic-pension/sitemap.xml", "/en/measures/basic-pension/sitemap.xml"]:
        status, _, body = fetch(base + path)
        assert status == 200 and b"<urlset" in body and len(body) < 1000


def test_directory_without_slash_redirects_on_the_same_host(server):
    base, _ = server
    req = urllib.request.Request(base + "/measures")

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **k):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as err:
        opener.open(req, timeout=10)
    assert err.value.code == 301 and err.value.headers["Location"] == "/measures/"


def _inline_script_hashes(site) -> set[str]:
    hashes = set()
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for attrs, body in re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", html, re.S):
            if "application/json" in attrs or "application/ld+json" in attrs:
                continue  # data blocks: CSP does not apply
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            hashes.add(f"'sha256-{digest}'")
    return hashes


def test_the_served_policy_allows_exactly_the_inline_scripts_of_the_build(server):
    """The build writes the hashes into site/csp.conf (hooks/events/csp.py), which deploy/nginx.conf
    includes: the header nginx really sends lists every inline script of the pages and nothing
    else, on every page depth, and the include file itself is not served."""
    base, site = server
    used = _inline_script_hashes(site)
    assert len(used) >= 3
    for path in ["/", "/measures/basic-pension/", "/calculators/pension-estimate/",
                 "/en/calculators/pension-estimate/", "/no-such-page/"]:
        csp = fetch(base + path)[1]["Content-Security-Policy"]
        script_src = re.search(r"script-src ([^;]*);", csp).group(1)
        allowed = set(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", script_src))
        assert allowed == used, (path, used ^ allowed)
    assert "sha256-" not in CONF   # no hand-pasted hash left to go stale
    assert fetch(base + "/csp.conf")[0] == 404


def _page_types(site) -> list[str]:
    pages = ["/", "/measures/basic-pension/", "/measures/enrolment-and-contributions/",
             "/faq/", "/glossary/", "/guides/flexible-workers/", "/en/",
             "/en/measures/basic-pension/", "/en/faq/", "/no-such-page/", "/en/no-such-page/"]
    for calc in sorted(site.glob("calculators/*/index.html"))[:2]:
        rel = calc.parent.relative_to(site).as_posix()
        pages += [f"/{rel}/", f"/en/{rel}/"]
    return pages


@pytest.mark.browser
def test_chromium_reports_no_csp_violation_or_failed_request(server, browser):
    from browser import PHONE

    base, site = server
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    context.add_init_script("""window.__csp = [];
        document.addEventListener('securitypolicyviolation',
          e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));""")
    problems = []
    for path in _page_types(site):
        page = context.new_page()
        page.on("console", lambda m, p=path: m.type in ("error", "warning")
                and not (p.endswith("no-such-page/") and "404" in m.text)
                and problems.append(f"{p}: console {m.type}: {m.text}"))
        page.on("pageerror", lambda e, p=path: problems.append(f"{p}: {e}"))
        page.on("response", lambda r, p=path: r.status >= 400 and not r.url.endswith(p)
                and problems.append(f"{p}: {r.status} {r.url}"))
        page.goto(base + path, wait_until="networkidle")
        # Use the reading options too (they run code that must obey the CSP).
        page.locator(".reading-options__toggle").click()
        page.locator(".a11y-btn[data-a11y=large]").click()
        page.locator(".a11y-btn[data-a11y=large]").click()
        problems.extend(f"{path}: CSP {v}" for v in page.evaluate("window.__csp"))
        page.close()
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_search_index_waits_until_the_reader_opens_search(page):
    """The index is the biggest file; it is fetched only when search is wanted, and then works."""
    urls = []
    page.on("request", lambda r: urls.append(r.url))
    page.goto(page.base + "/measures/basic-pension/", wait_until="networkidle")
    # Nor does Material's search worker (overrides/main.html) start before then; and Material's
    # sitemap requests for its language menu are never sent (our switch links pages itself).
    assert not [u for u in urls if "search_index" in u or "/workers/search." in u or "sitemap" in u]
    page.locator("label.md-header__button[for=__search]").click()
    page.locator("input.md-search__input").fill("个人养老金")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert [u for u in urls if u.endswith("/search/search_index.json")]
    assert [u for u in urls if "/workers/search." in u]


def test_a_link_too_long_gets_a_plain_bilingual_page(server):
    # A calculator link pasted twice over, or mangled by a chat app: nginx refuses it (414), or
    # its headers (400); the reader gets our page in both languages, not nginx's English default.
    base, _ = server
    status, h, body = fetch(base + "/calculators/retirement-age/?birth=" + "1" * 20000)
    page = text(h, body)
    assert status == 414 and "链接太长" in page and "too long" in page and 'href="/en/"' in page
    request = urllib.request.Request(base + "/", headers={"Cookie": "x" * 40000})
    try:
        with urllib.request.urlopen(request, timeout=10) as r:
            status, h, body = r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        status, h, body = e.code, e.headers, e.read()
    assert status == 400 and "链接太长" in text(h, body)
