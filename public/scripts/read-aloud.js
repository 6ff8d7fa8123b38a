// "Read this to me": reads the page's main content aloud with the browser's own speech
// synthesis, in British English. Nothing is sent anywhere. Without speech synthesis (or
// without scripts) the button stays hidden.
(function () {
  "use strict";
  function start() {
    if (!("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") return;
    document.querySelectorAll("[data-read-aloud]").forEach(function (button) {
      button.hidden = false;
      var label = button.textContent;
      function reset() {
        button.textContent = label;
        button.setAttribute("aria-pressed", "false");
      }
      button.addEventListener("click", function () {
        if (window.speechSynthesis.speaking) {
          window.speechSynthesis.cancel();
          reset();
          return;
        }
        var main = document.getElementById("main-content");
        if (!main) return;
        var utterance = new SpeechSynthesisUtterance(main.innerText);
        utterance.lang = "en-GB";
        utterance.rate = 0.9;
        utterance.onend = reset;
        utterance.onerror = reset;
        button.textContent = "Stop reading";
        button.setAttribute("aria-pressed", "true");
        window.speechSynthesis.speak(utterance);
      });
    });
    // Leaving the page stops the voice: nobody nearby should hear what was on it.
    window.addEventListener("pagehide", function () { window.speechSynthesis.cancel(); });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
