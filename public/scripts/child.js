// A child's screens on a practitioner's device: the screen locks itself once nobody has
// touched it for a while, so an unattended tablet shows nobody what was on it. The form
// marked data-idle-lock="seconds" ends the session when sent; the server also ends it
// after the same time, so the lock holds without scripts too.
(function () {
  "use strict";
  var timer = null;
  function lockForm() {
    return document.querySelector("form[data-idle-lock]");
  }
  // Pages can change without a reload, so the form is looked up each time.
  function arm() {
    if (timer) window.clearTimeout(timer);
    var form = lockForm();
    if (!form) return;
    var seconds = parseInt(form.getAttribute("data-idle-lock"), 10);
    if (!(seconds > 0)) return;
    timer = window.setTimeout(function () {
      var now = lockForm();
      if (now) now.submit();
    }, seconds * 1000);
  }
  function start() {
    ["keydown", "pointerdown", "input", "scroll", "touchstart"].forEach(function (name) {
      document.addEventListener(name, arm, { passive: true, capture: true });
    });
    arm();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
