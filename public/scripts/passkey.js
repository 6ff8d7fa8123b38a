// Passkeys in the browser: registration (with a one-time code), sign-in, and "confirm
// it is you". The server does every check; this only carries the WebAuthn options to
// navigator.credentials and the answer back, converting between base64url text and
// bytes. Forms that use it are marked data-passkey="register|sign-in|confirm".
// Without scripts the pages say plainly that a passkey needs them.
//
// Its words are English; the page hands it the reader's on the error summary (the
// server's PasskeyError): data-cancelled, data-service-problem, data-error-prefix, and
// data-problems, the server's English problems each with the reader's words.
(function () {
  "use strict";

  function toBytes(text) {
    var base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) base64 += "=";
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes.buffer;
  }

  function toText(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function creationOptions(options) {
    var o = options.publicKey;
    o.challenge = toBytes(o.challenge);
    o.user.id = toBytes(o.user.id);
    (o.excludeCredentials || []).forEach(function (c) { c.id = toBytes(c.id); });
    return { publicKey: o };
  }

  function requestOptions(options) {
    var o = options.publicKey;
    o.challenge = toBytes(o.challenge);
    (o.allowCredentials || []).forEach(function (c) { c.id = toBytes(c.id); });
    return { publicKey: o };
  }

  function registration(credential) {
    return {
      id: credential.id,
      rawId: toText(credential.rawId),
      type: credential.type,
      response: {
        attestationObject: toText(credential.response.attestationObject),
        clientDataJSON: toText(credential.response.clientDataJSON),
        transports: credential.response.getTransports ? credential.response.getTransports() : []
      },
      extensions: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {}
    };
  }

  function assertion(credential) {
    var r = credential.response;
    return {
      id: credential.id,
      rawId: toText(credential.rawId),
      type: credential.type,
      response: {
        authenticatorData: toText(r.authenticatorData),
        clientDataJSON: toText(r.clientDataJSON),
        signature: toText(r.signature),
        userHandle: r.userHandle ? toText(r.userHandle) : null
      },
      extensions: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {}
    };
  }

  var CANCELLED = "That did not work. You may have cancelled it, or this phone has no screen lock set up. Try again.";
  var SERVICE_PROBLEM = "Sorry, there is a problem with the service. Try again later.";

  // One of the page's words for this script, or its English where the page has none.
  function said(name, english) {
    var summary = document.querySelector("[data-passkey-error]");
    return (summary && summary.getAttribute("data-" + name)) || english;
  }

  // A problem the server words in English, in the reader's language where the page has
  // it, or as the server said it.
  function inReadersWords(message) {
    var known = {};
    try {
      known = JSON.parse(said("problems", "{}")) || {};
    } catch (error) {
      known = {};
    }
    return Object.prototype.hasOwnProperty.call(known, message) && typeof known[message] === "string"
      ? known[message] : message;
  }

  function post(path, body) {
    return fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body || {})
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          var problem = new Error(data.error ? inReadersWords(data.error) : said("service-problem", SERVICE_PROBLEM));
          problem.field = data.field;
          throw problem;
        }
        return data;
      });
    });
  }

  // A problem with what was typed is shown on the field and in the summary, with a link
  // to the field, and the page title starts "Error: " (the GOV.UK error pattern).
  function showError(form, message, field) {
    var summary = form.parentNode.querySelector("[data-passkey-error]");
    if (!summary) return;
    clearFieldErrors(form);
    var text = summary.querySelector("[data-passkey-message]");
    text.textContent = "";
    var input = field ? form.querySelector("[name='" + field + "']") : null;
    if (input && input.id) {
      var link = document.createElement("a");
      link.href = "#" + input.id;
      link.textContent = message;
      // As GOV.UK's error summary does: the link puts the cursor in the field.
      link.addEventListener("click", function (event) {
        event.preventDefault();
        input.focus();
      });
      // In GOV.UK's list of links, so it looks like every other error summary.
      var list = document.createElement("ul");
      list.className = "govuk-list govuk-error-summary__list";
      var item = document.createElement("li");
      item.appendChild(link);
      list.appendChild(item);
      text.appendChild(list);
      markField(input, message);
    } else {
      var words = document.createElement("p");
      words.className = "govuk-body";
      words.textContent = message;
      text.appendChild(words);
    }
    summary.hidden = false;
    var prefix = said("error-prefix", "Error:") + " ";
    if (document.title.indexOf(prefix) !== 0) document.title = prefix + document.title;
    summary.focus();
  }

  function markField(input, message) {
    var group = input.closest(".govuk-form-group");
    if (group) group.classList.add("govuk-form-group--error");
    input.classList.add("govuk-input--error");
    var error = document.createElement("p");
    error.className = "govuk-error-message";
    error.id = input.id + "-error";
    error.setAttribute("data-passkey-field-error", "");
    var hidden = document.createElement("span");
    hidden.className = "govuk-visually-hidden";
    hidden.textContent = said("error-prefix", "Error:");
    error.appendChild(hidden);
    error.appendChild(document.createTextNode(" " + message));
    input.parentNode.insertBefore(error, input);
    var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    if (described.indexOf(error.id) < 0) described.push(error.id);
    input.setAttribute("aria-describedby", described.join(" "));
  }

  function clearFieldErrors(form) {
    form.querySelectorAll("[data-passkey-field-error]").forEach(function (error) {
      var input = form.querySelector("#" + error.id.replace(/-error$/, ""));
      if (input) {
        input.classList.remove("govuk-input--error");
        var described = (input.getAttribute("aria-describedby") || "").split(" ")
          .filter(function (id) { return id && id !== error.id; });
        input.setAttribute("aria-describedby", described.join(" "));
      }
      error.remove();
    });
    form.querySelectorAll(".govuk-form-group--error").forEach(function (group) {
      group.classList.remove("govuk-form-group--error");
    });
  }

  function register(form) {
    var code = form.querySelector("[name=code]").value;
    return post("/auth/register/start", { code: code }).then(function (started) {
      return navigator.credentials.create(creationOptions(started.options)).catch(function () {
        throw new Error(said("cancelled", CANCELLED));
      }).then(function (credential) {
        return post("/auth/register/finish", { ceremony: started.ceremony, credential: registration(credential) });
      });
    });
  }

  function signIn(kind) {
    return post("/auth/" + kind + "/start").then(function (started) {
      return navigator.credentials.get(requestOptions(started.options)).catch(function () {
        throw new Error(said("cancelled", CANCELLED));
      }).then(function (credential) {
        return post("/auth/" + kind + "/finish", { ceremony: started.ceremony, credential: assertion(credential) });
      });
    });
  }

  // Only ever go to an address on this site: the server checks `then` too, but a page
  // drawn from an old or altered copy must not be able to send anyone elsewhere.
  function sameOrigin(then) {
    if (!then || /[\\\s\u0000-\u001f\u007f]/.test(then)) return null;
    try {
      var url = new URL(then, window.location.origin);
      return url.origin === window.location.origin ? url.pathname + url.search + url.hash : null;
    } catch (error) {
      return null;
    }
  }

  var supported = !!(window.PublicKeyCredential && navigator.credentials);

  // Shows the passkey steps and hides "your browser needs JavaScript", or the other way
  // round where this browser has no passkeys. Only ever touches what is the wrong way
  // round, so running it again changes nothing (and observes nothing new).
  function showWhatWorks(root) {
    root.querySelectorAll("[data-needs-script]").forEach(function (el) {
      if (el.hidden === supported) el.hidden = !supported;
    });
    root.querySelectorAll("[data-no-script]").forEach(function (el) {
      if (el.hidden !== supported) el.hidden = supported;
    });
  }

  function start() {
    showWhatWorks(document);
    // A page reached without a reload (the client-side router drawing it) arrives as
    // fresh markup, with its passkey step hidden as the server draws it: show it too.
    if ("MutationObserver" in window) {
      new MutationObserver(function () { showWhatWorks(document); })
        .observe(document.body, { childList: true, subtree: true });
    }
    // One listener for the whole document, so a passkey form on a page drawn later
    // (moving between pages without a reload) works too.
    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-passkey")) return;
      event.preventDefault();
      var kind = form.getAttribute("data-passkey");
      var button = form.querySelector("button");
      if (button) button.disabled = true;
      var step = kind === "register" ? register(form) : signIn(kind);
      step.then(function (done) {
        window.location.assign(sameOrigin(form.getAttribute("data-then")) ||
          sameOrigin(done.next) || "/home");
      }).catch(function (error) {
        if (button) button.disabled = false;
        showError(form, error.message, error.field);
      });
    }, true);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
