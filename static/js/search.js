/* Suggestions under the search box as one types. Without JavaScript the form
   submits to the search page as usual, so this only adds to it. */
(function () {
  "use strict";
  var DELAY = 200;

  function setUp(form) {
    var input = form.querySelector("input[name=q]");
    var list = form.querySelector("[role=listbox]");
    var status = form.querySelector("[role=status]");
    if (!input || !list || !window.fetch || form.dataset.suggestReady) return;
    form.dataset.suggestReady = "1";
    var timer = null;
    var active = -1;
    var latest = 0;

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");

    function options() {
      return list.querySelectorAll("[role=option]");
    }

    function close() {
      list.hidden = true;
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function highlight(index) {
      var items = options();
      if (!items.length) return;
      active = (index + items.length) % items.length;
      items.forEach(function (item, i) {
        item.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }

    function show(results) {
      list.textContent = "";
      results.forEach(function (result, i) {
        var item = document.createElement("li");
        item.id = list.id + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.dataset.url = result.url;
        var name = document.createElement("span");
        name.className = "suggestion-name";
        // The name in the page's language, with the Korean beside it.
        var names = result.translation || {};
        name.textContent = names.name || result.name;
        if (names.name && names.name !== result.name) {
          var korean = document.createElement("span");
          korean.className = "suggestion-korean";
          korean.lang = "ko";
          korean.textContent = " (" + result.name + ")";
          name.appendChild(korean);
        }
        item.appendChild(name);
        var division = result.type === "division" ? "" : names.division || result.division;
        var phone = result.phones[0];
        if (division || phone) {
          var meta = document.createElement("span");
          meta.className = "suggestion-meta";
          meta.textContent = division && phone ? division + " · " : division || "";
          if (phone) {
            // A number never breaks across lines ("031- / 8030-4772").
            var number = document.createElement("span");
            number.className = "suggestion-number";
            number.textContent = phone;
            meta.appendChild(number);
          }
          item.appendChild(meta);
        }
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.assign(result.url);
        });
        list.appendChild(item);
      });
      active = -1;
      list.hidden = results.length === 0;
      input.setAttribute("aria-expanded", results.length ? "true" : "false");
      status.textContent = results.length
        ? form.dataset.suggestCount.replace("{count}", results.length)
        : form.dataset.suggestNone;
    }

    function suggest() {
      var query = input.value.trim();
      if (!query) {
        close();
        return;
      }
      var ticket = ++latest;
      var url = form.dataset.suggestUrl + "?limit=8&q=" + encodeURIComponent(query);
      // Results link to the pages in the page's own language.
      var language = document.documentElement.lang;
      if (language && language !== "ko") url += "&lang=" + encodeURIComponent(language);
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { results: [] };
        })
        .then(function (data) {
          if (ticket === latest) show(data.results);
        })
        .catch(close);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(suggest, DELAY);
    });
    input.addEventListener("keydown", function (event) {
      var open = !list.hidden;
      if (event.key === "ArrowDown" && open) {
        event.preventDefault();
        highlight(active + 1);
      } else if (event.key === "ArrowUp" && open) {
        event.preventDefault();
        highlight(active - 1);
      } else if (event.key === "Escape" && open) {
        event.preventDefault();
        close();
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();
        window.location.assign(options()[active].dataset.url);
      }
    });
    input.addEventListener("blur", close);
  }

  document.querySelectorAll("form[data-suggest-url]").forEach(setUp);
})();
