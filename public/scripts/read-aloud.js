// "Read this to me": reads the page's main content aloud with the browser's own speech
// synthesis, in the page's language (the document's `lang`). Nothing is sent anywhere.
// Without speech synthesis (or without scripts) the button stays hidden. Where the phone
// has no voice for the page's language, the button says so in words beside it, rather
// than read Urdu or Polish out in an English voice nobody could follow.
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

  // A voice for the page's language, if the phone has one.
  function voiceFor(lang) {
    var primary = lang.toLowerCase().split("-")[0];
    var synthesis = window.speechSynthesis;
    var voices = (typeof synthesis.getVoices === "function" && synthesis.getVoices()) || [];
    for (var i = 0; i < voices.length; i++) {
      if (voices[i].lang.toLowerCase().replace("_", "-").split("-")[0] === primary) return voices[i];
    }
    return null;
  }

  // Says, beside the button, that this phone cannot read the page's language aloud.
  function noVoice() {
    buttons.forEach(function (button) {
      var status = button.nextElementSibling;
      if (!status || !status.classList.contains("app-read-aloud-status")) {
        status = document.createElement("p");
        status.className = "govuk-body app-read-aloud-status";
        status.setAttribute("role", "status");
        button.parentNode.insertBefore(status, button.nextSibling);
      }
      status.textContent = button.getAttribute("data-no-voice") || "";
    });
  }

  function speakPage() {
    var main = document.getElementById("main-content");
    if (!main) return;
    window.speechSynthesis.cancel();
    var lang = document.documentElement.getAttribute("lang") || "en-GB";
    var voice = voiceFor(lang);
    // English is read whatever voices the phone lists (some list none until asked); any
    // other language only with a voice of its own.
    if (!voice && !/^en(-|$)/i.test(lang)) {
      noVoice();
      return;
    }
    var utterance = new SpeechSynthesisUtterance(main.innerText);
    utterance.lang = lang;
    if (voice) utterance.voice = voice;
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
