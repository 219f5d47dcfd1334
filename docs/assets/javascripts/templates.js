/* 表格页的“打印空白表”按钮（macros/content/templatehtml.py 生成）：只打印空白表，一张 A4。
   The button is hidden until this script shows it; printing marks <body> with print-blank,
   which the print stylesheet (site.css) uses to hide everything but the blank form, and
   "afterprint" takes the mark off again. */
(function () {
  "use strict";
  document.querySelectorAll("[data-print-blank]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      document.body.classList.add("print-blank");
      if (document.querySelector(".gw-blank.gw-landscape")) document.body.classList.add("print-landscape");
      window.print();
    });
  });
  window.addEventListener("afterprint", function () {
    document.body.classList.remove("print-blank", "print-landscape");
  });
})();
