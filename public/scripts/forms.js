// The GOV.UK error summary's behaviour
// (https://design-system.service.gov.uk/components/error-summary/), without WebAssembly:
// when a page opens with a problem, the summary takes focus so that screen readers
// announce it; following one of its links moves focus to the field itself, with its
// question brought into view, as a plain link to a fragment only scrolls to it.
(function () {
  "use strict";

  function question(field) {
    var fieldset = field.closest("fieldset");
    var legend = fieldset && fieldset.querySelector("legend");
    if (legend) return legend;
    return document.querySelector('label[for="' + CSS.escape(field.id) + '"]');
  }

  function follow(event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) return;
    var field = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!field) return;
    event.preventDefault();
    var shown = question(field);
    if (shown) shown.scrollIntoView();
    field.focus({ preventScroll: true });
  }

  function start() {
    var summary = document.querySelector(".govuk-error-summary");
    if (!summary) return;
    summary.addEventListener("click", follow);
    summary.focus();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
