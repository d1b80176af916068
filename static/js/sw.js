/* The directory's service worker. Served at /sw.js by directory/pocket.py,
   which puts self.POCKET (this release's static files, each language's
   essential pages, a version) in front of this code.

   Pages come from the network whenever it answers, and are saved as they
   arrive; without a network the saved copy is shown (marked with the time it
   was saved), or, for a page never opened, the offline page of its language.
   Static files have hashed names: they are taken from the cache first. */
"use strict";

var CONFIG = self.POCKET;
var PREFIX = "pocket-";
// Bumped only when what the caches hold changes shape: a new release keeps
// the pages saved by the previous one.
var PAGES = PREFIX + "pages-v1";
var STATIC = PREFIX + "static-v1";
var LIMITS = {};
LIMITS[PAGES] = { count: 80, days: 30 };
LIMITS[STATIC] = { count: 40, days: 365 };
var SAVED_AT = "X-Pocket-Saved-At";
// The essential pages are fetched again when older than this.
var ESSENTIAL_DAYS = 1;
var DAY = 24 * 60 * 60 * 1000;
var refreshed = {};

self.addEventListener("install", function (event) {
  event.waitUntil(
    Promise.all(
      CONFIG.static.map(function (url) {
        return fetch(url).then(function (response) {
          if (!response.ok) throw new Error(url + ": " + response.status);
          return store(STATIC, url, response);
        });
      })
    )
      .then(function () {
        // A new release takes over at once: its pages must not wait for
        // every tab of the old one to close.
        return self.skipWaiting();
      })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        return Promise.all(
          names
            .filter(function (name) {
              return name.indexOf(PREFIX) === 0 && !LIMITS[name];
            })
            .map(function (name) {
              return caches.delete(name);
            })
        );
      })
      .then(function () {
        return Promise.all([trim(PAGES), trim(STATIC)]);
      })
      .then(function () {
        return self.clients.claim();
      })
  );
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.type !== "keep" || !data.page) return;
  var url = new URL(data.page, self.location.href);
  if (url.origin !== self.location.origin) return;
  // The page the worker was registered from was loaded without it.
  event.waitUntil(
    Promise.all([
      saveIfMissing(url.pathname + url.search),
      saveEssentials(url.pathname)
    ])
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.indexOf(CONFIG.staticPrefix) === 0) {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === "navigate") {
    event.respondWith(networkFirst(event, url));
  }
});

function languageOf(path) {
  var best = null;
  Object.keys(CONFIG.pages).forEach(function (code) {
    var home = CONFIG.pages[code].home;
    if (path.indexOf(home) === 0 && (!best || home.length > CONFIG.pages[best].home.length)) {
      best = code;
    }
  });
  return best;
}

function storable(response) {
  if (!response || !response.ok || response.type !== "basic" || response.redirected) {
    return false;
  }
  // Staff pages and forms say so: they belong to one reader.
  var control = response.headers.get("Cache-Control") || "";
  return !/no-store|private/.test(control);
}

function store(cacheName, key, response) {
  return response.blob().then(function (body) {
    var headers = new Headers(response.headers);
    headers.set(SAVED_AT, new Date().toISOString());
    var copy = new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: headers
    });
    return caches
      .open(cacheName)
      .then(function (cache) {
        return cache.put(key, copy);
      })
      .then(function () {
        return trim(cacheName);
      });
  });
}

function savedAt(response) {
  var value = Date.parse(response.headers.get(SAVED_AT) || "");
  return isNaN(value) ? 0 : value;
}

/* Drop entries older than the cache's age limit, then the oldest beyond its
   count. */
function trim(cacheName) {
  var limit = LIMITS[cacheName];
  return caches.open(cacheName).then(function (cache) {
    return cache.keys().then(function (requests) {
      return Promise.all(
        requests.map(function (request) {
          return cache.match(request).then(function (response) {
            return { request: request, at: response ? savedAt(response) : 0 };
          });
        })
      ).then(function (entries) {
        var oldest = Date.now() - limit.days * DAY;
        entries.sort(function (a, b) {
          return b.at - a.at;
        });
        return Promise.all(
          entries
            .filter(function (entry, index) {
              return (entry.at && entry.at < oldest) || index >= limit.count;
            })
            .map(function (entry) {
              return cache.delete(entry.request);
            })
        );
      });
    });
  });
}

function saved(key) {
  return caches.open(PAGES).then(function (cache) {
    return cache.match(key, { ignoreVary: true });
  });
}

function fetchAndSave(key) {
  return fetch(key, { credentials: "same-origin" }).then(function (response) {
    return storable(response) ? store(PAGES, key, response) : null;
  });
}

function saveIfMissing(key, days) {
  return saved(key)
    .then(function (response) {
      var fresh = response && (!days || Date.now() - savedAt(response) < days * DAY);
      return fresh ? null : fetchAndSave(key);
    })
    .catch(function () {
      return null;
    });
}

/* The home page, help lines, offline page and "My numbers" of a path's
   language, once per language while this worker runs. */
function saveEssentials(path) {
  var code = languageOf(path);
  if (!code || refreshed[code]) return Promise.resolve();
  refreshed[code] = true;
  var pages = CONFIG.pages[code];
  return Promise.all(
    Object.keys(pages).map(function (name) {
      return saveIfMissing(pages[name], ESSENTIAL_DAYS);
    })
  );
}

/* A saved page, marked with the time it was saved: the page's own script
   then says so to the reader. */
function markedCopy(response) {
  var at = response.headers.get(SAVED_AT) || "";
  return response.text().then(function (html) {
    var marked = html.replace("<html", '<html data-saved-at="' + at.replace(/[^0-9TZ:.\-]/g, "") + '"');
    var headers = new Headers(response.headers);
    headers.delete("Content-Length");
    return new Response(marked, { status: 200, headers: headers });
  });
}

function offlineAnswer(url) {
  var key = url.pathname + url.search;
  return saved(key).then(function (response) {
    if (response) return markedCopy(response);
    var code = languageOf(url.pathname);
    var candidates = [];
    if (code) candidates.push(CONFIG.pages[code].offline);
    Object.keys(CONFIG.pages).forEach(function (other) {
      candidates.push(CONFIG.pages[other].offline);
    });
    return firstSaved(candidates).then(function (offline) {
      if (offline) return markedCopy(offline);
      return new Response("Offline", {
        status: 503,
        headers: { "Content-Type": "text/plain; charset=utf-8" }
      });
    });
  });
}

function firstSaved(keys) {
  if (!keys.length) return Promise.resolve(null);
  return saved(keys[0]).then(function (response) {
    return response || firstSaved(keys.slice(1));
  });
}

function networkFirst(event, url) {
  // Public pages allow stale-while-revalidate (core/cache.py), which the
  // browser's own cache honours too: without "no-cache" it would answer a
  // page it holds even offline, instead of the saved copy marked as such.
  // The server answers the revalidation with a 304 while its ETag holds.
  return fetch(event.request, { cache: "no-cache" })
    .then(function (response) {
      if (storable(response)) {
        event.waitUntil(
          store(PAGES, url.pathname + url.search, response.clone()).then(function () {
            return saveEssentials(url.pathname);
          })
        );
      }
      return response;
    })
    .catch(function () {
      return offlineAnswer(url);
    });
}

function cacheFirst(request) {
  return caches.open(STATIC).then(function (cache) {
    return cache.match(request, { ignoreVary: true }).then(function (hit) {
      if (hit) return hit;
      return fetch(request).then(function (response) {
        if (storable(response)) {
          store(STATIC, request.url, response.clone());
        }
        return response;
      });
    });
  });
}
