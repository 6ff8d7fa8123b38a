// "Exit this page", following the GOV.UK Design System component
// (https://design-system.service.gov.uk/components/exit-this-page/):
// the button and the skip link leave at once, and pressing Shift three times within
// five seconds does the same from anywhere on the page. Leaving goes to /exit, which
// ends the session on the server, tells the browser to clear what this site stored and
// sends it on to a neutral site. location.replace keeps this page out of the history.
(function () {
  "use strict";
  var EXIT = "/exit";
  var WINDOW_MS = 5000;
  var presses = 0;
  var timer = null;

  function leave(event) {
    if (event) event.preventDefault();
    // Hide the page at once, before the network answers.
    document.documentElement.classList.add("app-exiting");
    var overlay = document.createElement("div");
    overlay.className = "govuk-exit-this-page-overlay";
    overlay.setAttribute("role", "status");
    overlay.textContent = "Loading.";
    document.body.appendChild(overlay);
    window.location.replace(EXIT);
  }

  function announce(text) {
    var region = document.getElementById("exit-this-page-status");
    if (region) region.textContent = text;
  }

  function reset() {
    presses = 0;
    if (timer) clearTimeout(timer);
    timer = null;
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Shift" || event.repeat) {
      if (event.key !== "Shift") reset();
      return;
    }
    presses += 1;
    if (!timer) {
      timer = setTimeout(function () {
        reset();
        announce("Exit this page expired.");
      }, WINDOW_MS);
    }
    if (presses >= 3) {
      reset();
      announce("Exit this page activated.");
      leave();
    } else {
      announce("Shift, press " + (3 - presses) + " more time" + (presses === 2 ? "" : "s") + " to exit.");
    }
  });

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-exit-this-page]");
    if (link) leave(event);
  });
})();
