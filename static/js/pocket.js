/* The directory in the pocket: the service worker, "Keep on this phone",
   the share buttons and the notice on a copy saved offline.
   Everything it adds is hidden in the page until this script shows it, so
   without JavaScript the pages work as they always did. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = document.documentElement;
  var STORE = "pocket-numbers";

  function registerWorker() {
    var worker = script && script.getAttribute("data-worker");
    if (!worker || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker
      .register(worker, { scope: "/" })
      .then(function () {
        return navigator.serviceWorker.ready;
      })
      .then(function (registration) {
        // The first page was loaded before the worker: it saves it now, with
        // the essential pages of its language.
        if (registration.active) {
          registration.active.postMessage({ type: "keep", page: location.href });
        }
      })
      .catch(function () {});
  }

  function formatDate(value) {
    var date = new Date(value);
    if (isNaN(date.getTime())) return "";
    try {
      return date.toLocaleString(root.lang, { dateStyle: "medium", timeStyle: "short" });
    } catch (error) {
      return date.toISOString().slice(0, 16).replace("T", " ");
    }
  }

  function showSavedNotice() {
    var at = root.getAttribute("data-saved-at");
    var notice = document.querySelector("[data-saved-notice]");
    if (!at || !notice) return;
    var time = notice.querySelector("time");
    time.setAttribute("datetime", at);
    time.textContent = formatDate(at);
    notice.hidden = false;
  }

  function status(element, text) {
    if (!element) return;
    element.textContent = "";
    // A fresh text node, so that screen readers announce a repeated message.
    window.setTimeout(function () {
      element.textContent = text;
    }, 50);
  }

  function setUpShare(button) {
    var url = (document.querySelector("link[rel=canonical]") || location).href;
    var canShare = !!navigator.share;
    if (!canShare && !(navigator.clipboard && window.isSecureContext)) return;
    var output = document.getElementById(button.getAttribute("data-status") || "");
    button.hidden = false;
    button.addEventListener("click", function () {
      if (canShare) {
        navigator.share({ title: button.getAttribute("data-title") || document.title, url: url }).catch(function () {});
        return;
      }
      navigator.clipboard.writeText(url).then(
        function () {
          status(output, button.getAttribute("data-copied"));
        },
        function () {
          status(output, url);
        }
      );
    });
  }

  function kept() {
    try {
      var list = JSON.parse(window.localStorage.getItem(STORE) || "[]");
      return Array.isArray(list) ? list : [];
    } catch (error) {
      return [];
    }
  }

  function saveKept(list) {
    window.localStorage.setItem(STORE, JSON.stringify(list));
  }

  function storageWorks() {
    try {
      window.localStorage.setItem(STORE + "-test", "1");
      window.localStorage.removeItem(STORE + "-test");
      return true;
    } catch (error) {
      return false;
    }
  }

  function setUpKeep(button) {
    var id = button.getAttribute("data-keep-id");
    var section = button.closest("section") || document;
    var output = document.getElementById(button.getAttribute("data-status") || "");
    function isKept() {
      return kept().some(function (entry) {
        return entry.id === id;
      });
    }
    function current() {
      var phones = [];
      section.querySelectorAll("a.tel").forEach(function (link) {
        phones.push({ label: link.textContent.trim(), tel: link.getAttribute("href") });
      });
      return {
        id: id,
        name: button.getAttribute("data-name"),
        team: button.getAttribute("data-team"),
        url: location.pathname,
        phones: phones,
        saved: new Date().toISOString()
      };
    }
    // A page fresh from the server updates the kept copy of its numbers: a
    // number that changed is not left on the phone.
    if (isKept() && !root.hasAttribute("data-saved-at")) {
      saveKept(
        kept().map(function (entry) {
          return entry.id === id ? current() : entry;
        })
      );
    }
    button.setAttribute("aria-pressed", isKept() ? "true" : "false");
    button.hidden = false;
    button.addEventListener("click", function () {
      var others = kept().filter(function (entry) {
        return entry.id !== id;
      });
      if (isKept()) {
        saveKept(others);
        button.setAttribute("aria-pressed", "false");
        status(output, button.getAttribute("data-removed"));
        return;
      }
      others.unshift(current());
      saveKept(others);
      button.setAttribute("aria-pressed", "true");
      status(output, button.getAttribute("data-kept"));
    });
  }

  showSavedNotice();
  document.querySelectorAll("[data-share]").forEach(setUpShare);
  if (storageWorks()) {
    // "My numbers" and the offline page draw the list (my_numbers.js).
    window.pocketNumbers = { kept: kept, save: saveKept };
    document.querySelectorAll("[data-keep-id]").forEach(setUpKeep);
  }
  if (document.readyState === "complete") {
    registerWorker();
  } else {
    // After the page has loaded: the worker's first downloads never slow it.
    window.addEventListener("load", registerWorker);
  }
})();
