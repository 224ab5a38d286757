// The one script of the interface. Every page works without it; it only saves a click here and there.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // Forms that ask before they act (unpublish): the question is in data-confirm, in the reader's language.
  for (const form of document.querySelectorAll("form[data-confirm]")) {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  }
});
