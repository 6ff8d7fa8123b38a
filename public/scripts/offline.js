// Offline, safely. Starts the service worker (/sw.js), which keeps only files that hold no
// one's data. And when a form is sent while the phone is offline, it is held rather than
// lost: what was typed stays on the page, a message says so, and the form is sent as soon
// as the phone is back online. Nothing is kept in the browser: a held form lives only in
// the open page.
//
// Its words are English; the worker keeps the offline page in the language being read
// (this page tells it which), and that page holds these words too, in a meta element.
(function () {
  "use strict";

  var HELD = "You are offline. What you typed is still here, and it will be sent when your phone is back online.";
  var OFFLINE_PAGE = "/offline.html";
  var language = document.documentElement.getAttribute("lang") || "";

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js").then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      // So that the page shown offline is in the language of this one.
      if (registration.active && language) registration.active.postMessage({ pageLanguage: language });
    }).catch(function () {
      // Without it the portal works as before, only without the offline page.
    });
  }

  // The words for a form held offline, in this page's language where the kept offline
  // page is in it; otherwise English.
  function heldWords() {
    if (!("caches" in window)) return Promise.resolve(HELD);
    return caches.match(OFFLINE_PAGE).then(function (kept) {
      if (!kept || kept.headers.get("content-language") !== language) return HELD;
      return kept.text().then(function (html) {
        var meta = new DOMParser().parseFromString(html, "text/html")
          .querySelector('meta[name="offline-held"]');
        return (meta && meta.getAttribute("content")) || HELD;
      });
    }).catch(function () {
      return HELD;
    });
  }

  var held = null;

  function say(form) {
    var note = form.querySelector(".app-offline");
    if (!note) {
      note = document.createElement("p");
      note.className = "govuk-inset-text app-offline";
      note.setAttribute("role", "status");
      var button = form.querySelector("button[type=submit], button:not([type])");
      form.insertBefore(note, button || null);
    }
    // Said once the words are found, so the live region speaks once, in one language.
    heldWords().then(function (words) {
      note.textContent = words;
    });
  }

  document.addEventListener("submit", function (event) {
    // A form another script has taken over (a passkey step) is left to it.
    if (navigator.onLine || event.defaultPrevented) return;
    event.preventDefault();
    held = { form: event.target, submitter: event.submitter || null };
    say(event.target);
  });

  window.addEventListener("online", function () {
    if (!held) return;
    var form = held.form;
    var submitter = held.submitter;
    held = null;
    var note = form.querySelector(".app-offline");
    if (note) note.remove();
    form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
  });
})();
