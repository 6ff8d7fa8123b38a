// Offline, safely. Starts the service worker (/sw.js), which keeps only files that hold no
// one's data. And when a form is sent while the phone is offline, it is held rather than
// lost: what was typed stays on the page, a message says so, and the form is sent as soon
// as the phone is back online. Nothing is kept in the browser: a held form lives only in
// the open page.
(function () {
  "use strict";

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js").catch(function () {
      // Without it the portal works as before, only without the offline page.
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
    note.textContent =
      "You are offline. What you typed is still here, and it will be sent when your phone is back online.";
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
