// Offline copies of the pages a reader has already opened. On a weak network the page read at
// home still opens at the agency's counter, and a calculator opened once still calculates.
// Network first, always: a reader who is online gets the current page and figures, and the copy
// saved on the last visit answers only when the network fails. Nothing is fetched ahead (that
// would spend the reader's data) except the few words of the "no connection" notice below.
// Only our own host's GET requests are kept. Registered by assets/js/offline.js; it lives at the
// site root so that it covers every page of both languages.
"use strict";
var CACHE = "visited-pages-v1";
var WORDS = new URL("assets/generated/offline.json", self.registration.scope).href;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.add(WORDS); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== CACHE; })
      .map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

// A page is kept once, whatever its ?query: calculators read their inputs from the address, so the
// saved calculator page works for any filled-in link.
function key(request) {
  if (request.mode !== "navigate") return request;
  var url = new URL(request.url);
  url.search = "";
  url.hash = "";
  return url.href;
}

function english(url) {
  return url.indexOf(self.registration.scope + "en/") === 0;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"]/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
  });
}

// The saved pages, as [address, title] from their copies' <title>: those in the reader's
// language, or, if there are none, those in the other one (better than a dead end).
function savedPages(en) {
  return caches.open(CACHE).then(function (cache) {
    return cache.keys().then(function (requests) {
      var all = requests.map(function (r) { return r.url; }).filter(function (url) {
        return url.slice(-1) === "/";
      });
      var mine = all.filter(function (url) { return english(url) === en; });
      var pages = mine.length ? mine : all;
      return Promise.all(pages.map(function (url) {
        return cache.match(url).then(function (r) { return r.text(); }).then(function (html) {
          var title = /<title>([^<]*)<\/title>/.exec(html);
          // "Page - Site name" → "Page". Already escaped: it comes from HTML.
          return [url, title ? title[1].replace(/ - [^-]+$/, "") : url];
        });
      }));
    });
  });
}

// A page never opened, asked for without a network: say so plainly, in the page's language,
// instead of the browser's "site can't be reached", and list the pages that can be opened.
function notice(request) {
  var scope = self.registration.scope, en = english(request.url);
  return Promise.all([caches.match(WORDS).then(function (saved) { return saved ? saved.json() : null; }),
                      savedPages(en)])
    .then(function (found) {
      var w = found[0] && found[0][en ? "en" : "zh"], pages = found[1];
      if (!w) return Response.error();
      var list = pages.length ? "<p>" + escapeHtml(w.saved) + "</p><ul>" + pages.map(function (p) {
        return "<li><a href=\"" + escapeHtml(p[0]) + "\">" + p[1] + "</a></li>";
      }).join("") + "</ul>" : "";
      var html = "<!doctype html><html lang=\"" + (en ? "en" : "zh-CN") + "\"><meta charset=\"utf-8\">" +
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">" +
        "<title>" + escapeHtml(w.title) + "</title>" +
        // Large type and tall links whatever the reader's setting (this page cannot read it).
        "<style>body{font:1.4rem/1.6 sans-serif;margin:2rem 1.2rem;max-width:36rem}" +
        "a{display:inline-block;padding:0.5rem 0}li a{display:block}</style><body>" +
        "<h1 style=\"font-size:1.7rem\">" + escapeHtml(w.title) + "</h1><p>" + escapeHtml(w.body) + "</p>" + list +
        "<p><a href=\"" + scope + (en ? "en/" : "") + "\">" + escapeHtml(w.home) + "</a></p></body></html>";
      return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
    });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok && response.type === "basic") {
      var copy = response.clone();
      event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.put(key(request), copy); }));
    }
    return response;
  }, function (offline) {
    return caches.match(key(request)).then(function (saved) {
      if (saved) return saved;
      if (request.mode === "navigate") return notice(request);
      throw offline;
    });
  }));
});
