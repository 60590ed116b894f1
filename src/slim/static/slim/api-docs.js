// The API documentation (Swagger UI): give its unlabelled form fields a name (WCAG 4.1.2).
// Swagger UI draws and redraws its fields itself, so we watch the page and label what appears.
(function () {
  "use strict";
  var names = [
    ["textarea.body-param__text", "Request body"],
    ["select.examples-select-element", "Examples"],
    ["select.content-type", "Media type"],
    [".microlight", null],
  ];
  function label() {
    names.forEach(function (entry) {
      document.querySelectorAll(entry[0]).forEach(function (element) {
        if (entry[1] === null) {
          // A code block that scrolls sideways must be reachable with the keyboard.
          if (!element.hasAttribute("tabindex")) element.setAttribute("tabindex", "0");
        } else if (!element.getAttribute("aria-label") && !(element.labels && element.labels.length)) {
          element.setAttribute("aria-label", entry[1]);
        }
      });
    });
  }
  new MutationObserver(label).observe(document.documentElement, { childList: true, subtree: true });
})();
