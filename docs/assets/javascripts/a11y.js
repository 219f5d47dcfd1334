/* Accessibility fixes to Material's own markup that no setting reaches (axe-core, see
   tests/test_browser_a11y.py). Material's search panel is role="dialog" without a name
   (axe: aria-dialog-name); name it after its input, so a screen reader announces "搜索". */
(function () {
  "use strict";
  document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach(function (dialog) {
    var input = dialog.querySelector(".md-search__input");
    dialog.setAttribute("aria-label", (input && input.getAttribute("aria-label")) || "搜索");
  });
})();
