// "Read this to me": reads the page's main content aloud with the browser's own speech
// synthesis, in British English. Nothing is sent anywhere. Without speech synthesis (or
// without scripts) the button stays hidden.
//
// Pages for the youngest children carry data-read-aloud-auto: they read themselves aloud
// when they open, including after moving between pages without a reload. Where the
// browser allows speech only after a first touch, the button is there to press.
(function () {
  "use strict";
  var buttons = [];

  // The button is a toggle: its state is aria-pressed, and its words never change (as
  // WAI-ARIA asks of toggle buttons). Changing its text would also break the page taking
  // over from the server-drawn one, which can happen after a page starts reading itself.
  function reset() {
    buttons.forEach(function (button) {
      button.setAttribute("aria-pressed", "false");
    });
  }

  function speakPage() {
    var main = document.getElementById("main-content");
    if (!main) return;
    window.speechSynthesis.cancel();
    var utterance = new SpeechSynthesisUtterance(main.innerText);
    utterance.lang = "en-GB";
    utterance.rate = 0.9;
    utterance.onend = reset;
    utterance.onerror = reset;
    buttons.forEach(function (button) {
      button.setAttribute("aria-pressed", "true");
    });
    window.speechSynthesis.speak(utterance);
  }

  function autoRead() {
    if (document.querySelector("[data-read-aloud-auto]")) speakPage();
  }

  function start() {
    if (!("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") return;
    document.querySelectorAll("[data-read-aloud]").forEach(function (button) {
      buttons.push(button);
      button.hidden = false;
      button.addEventListener("click", function () {
        if (window.speechSynthesis.speaking) {
          window.speechSynthesis.cancel();
          reset();
          return;
        }
        speakPage();
      });
    });
    // Leaving the page stops the voice: nobody nearby should hear what was on it.
    window.addEventListener("pagehide", function () { window.speechSynthesis.cancel(); });
    autoRead();
    // A page drawn without a reload replaces the main content: read the new one.
    var main = document.getElementById("main-content");
    if (main && "MutationObserver" in window) {
      var pending = null;
      var lastPath = window.location.pathname;
      new MutationObserver(function () {
        if (window.location.pathname === lastPath) return;
        lastPath = window.location.pathname;
        if (pending) window.clearTimeout(pending);
        pending = window.setTimeout(autoRead, 300);
      }).observe(main, { childList: true, subtree: true });
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
