// The portal's service worker: it keeps only files that hold no one's data, so the
// portal opens quickly and says plainly when the phone is offline.
//
// - A build's own files (/build/<id>/…, which never change) are kept and served from
//   here; when a new build's files arrive, the old build's are thrown away.
// - The offline page is kept, with its styles and "Exit this page", and shown when a page
//   cannot be reached. It is kept in the language the portal was last read in: each page
//   tells this worker its <html lang> (scripts/offline.js), and the server draws the page
//   in that language (/offline.html?lang=…), which is kept in place of the last one.
// - Pages, answers and anything else are never kept: they go to the network as usual.
//   Nothing here holds anyone's words, so there is nothing to clear on leaving.
"use strict";

const CACHE = "portal-files";
const OFFLINE = "/offline.html";
// What the offline page needs, kept when the worker starts and refreshed when it can be.
const KEPT = [OFFLINE, "/pkg/portal.css", "/scripts/exit.js"];
const BUILD = /^\/build\/([0-9a-f]+)\//;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(KEPT))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(self.clients.claim());
});

// A language tag as a page's <html lang> has it ("ur", "en-GB"), and nothing else.
const LANGUAGE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

// Keeps the offline page in `language`, unless the one kept is in it already. The page
// holds no one's data, so it is asked for without the session's cookie.
async function keepOfflinePage(language) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(OFFLINE);
  if (kept && kept.headers.get("content-language") === language) return;
  const response = await fetch(`${OFFLINE}?lang=${encodeURIComponent(language)}`, {
    credentials: "omit",
    cache: "no-cache",
  });
  if (response.ok) await cache.put(OFFLINE, response);
}

self.addEventListener("message", (event) => {
  if (event.origin && event.origin !== self.location.origin) return;
  const language = event.data && event.data.pageLanguage;
  if (typeof language !== "string" || !LANGUAGE.test(language)) return;
  event.waitUntil(keepOfflinePage(language).catch(() => {
    // Offline, or the server did not answer: the page kept stays until the next try.
  }));
});

// Keeps a build's file, and drops every file of any other build.
async function keep(request, response) {
  const cache = await caches.open(CACHE);
  const build = BUILD.exec(new URL(request.url).pathname)[1];
  for (const old of await cache.keys()) {
    const found = BUILD.exec(new URL(old.url).pathname);
    if (found && found[1] !== build) await cache.delete(old);
  }
  await cache.put(request, response);
}

async function buildFile(event) {
  const kept = await caches.match(event.request);
  if (kept) return kept;
  const response = await fetch(event.request);
  if (response.ok) event.waitUntil(keep(event.request, response.clone()));
  return response;
}

// "Exit this page" goes to /exit, which ends the session on the server. Offline, the
// server cannot hear it: an empty page with a neutral title is shown, and the exit is
// remembered (a flag, no one's data) and finished the moment the portal is next reached,
// before anything else; until then every page is that empty page.
const EXIT = "/exit";
const EXIT_PENDING = "/exit-pending";

function blank() {
  return new Response("<!DOCTYPE html><title>New tab</title>", {
    headers: { "content-type": "text/html; charset=utf-8" },
  });
}

async function exitPending() {
  return Boolean(await caches.match(EXIT_PENDING));
}

async function page(request, url) {
  if (url.pathname === EXIT || (await exitPending())) {
    try {
      // The server ends the session, clears what the site stored (this flag too) and
      // sends the browser on to a neutral site.
      const left = await fetch(EXIT, { redirect: "manual", cache: "no-store" });
      await (await caches.open(CACHE)).delete(EXIT_PENDING);
      return left;
    } catch {
      const cache = await caches.open(CACHE);
      await cache.put(EXIT_PENDING, new Response("1"));
      return blank();
    }
  }
  try {
    return await fetch(request);
  } catch {
    return (await caches.match(OFFLINE)) || Response.error();
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "GET" && BUILD.test(url.pathname)) {
    event.respondWith(buildFile(event));
  } else if (request.method === "GET" && KEPT.includes(url.pathname) && request.mode !== "navigate") {
    event.respondWith(fetch(request).catch(() => caches.match(request)));
  } else if (request.mode === "navigate") {
    event.respondWith(page(request, url));
  }
});
