// Select2 names the box inside an autocomplete only by the chosen value, so
// an empty box has no accessible name; give it the field's label (the
// select's title, set by directory/admin/widgets.py).
"use strict";
{
  const name = (root) => {
    root.querySelectorAll("select.admin-autocomplete[title]").forEach((select) => {
      const box = document.getElementById(`select2-${select.id}-container`);
      if (box) box.setAttribute("aria-label", select.title);
    });
  };
  // jQuery runs ready handlers in order: this one after the admin's own
  // (autocomplete.js, loaded earlier) has drawn the Select2 boxes.
  window.django.jQuery(() => name(document));
  document.addEventListener("formset:added", (event) =>
    setTimeout(() => name(event.target), 0),
  );
}
