/* "My numbers" and the offline page: the numbers kept on this phone, drawn
   from this browser's storage only (pocket.js keeps them). */
(function () {
  "use strict";
  if (!window.pocketNumbers) return;

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* The kept numbers, drawn from this browser's storage only. */
  function renderList(container) {
    var list = container.querySelector("ul");
    var empty = container.querySelector("[data-pocket-empty]");
    var removable = container.hasAttribute("data-removable");
    var entries = window.pocketNumbers.kept();
    list.textContent = "";
    entries.forEach(function (entry) {
      var item = element("li", "kept-entry");
      var name = element("a", "kept-name", entry.name);
      name.href = entry.url;
      item.appendChild(name);
      if (entry.team) item.appendChild(element("span", "kept-team", entry.team));
      var numbers = element("span", "kept-numbers");
      (entry.phones || []).forEach(function (phone) {
        if (!/^tel:[+0-9\-]+$/.test(phone.tel || "")) return;
        var link = element("a", "tel", phone.label);
        link.href = phone.tel;
        numbers.appendChild(link);
      });
      item.appendChild(numbers);
      if (removable) {
        var remove = element("button", "kept-remove", container.getAttribute("data-remove-label"));
        remove.type = "button";
        remove.appendChild(element("span", "visually-hidden", " " + entry.name));
        remove.addEventListener("click", function () {
          window.pocketNumbers.save(
            window.pocketNumbers.kept().filter(function (other) {
              return other.id !== entry.id;
            })
          );
          renderList(container);
          var heading = container.querySelector("h2, h1") || document.querySelector("h1");
          if (heading) {
            heading.setAttribute("tabindex", "-1");
            heading.focus();
          }
        });
        item.appendChild(remove);
      }
      list.appendChild(item);
    });
    list.hidden = entries.length === 0;
    if (empty) empty.hidden = entries.length !== 0;
    container.hidden = false;
    var fallback = document.querySelector("[data-pocket-needs-script]");
    if (fallback) fallback.hidden = true;
  }

  document.querySelectorAll("[data-pocket-list]").forEach(renderList);
})();
