// Chronicle's only script: chart hover labels, "/" to search, and the followed quote lit up.
(function () {
  "use strict";
  document.addEventListener("keydown", function (e) {
    var box = document.getElementById("search-box");
    if (e.key === "/" && box && document.activeElement !== box &&
        !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
      e.preventDefault();
      box.focus();
    }
  });

  // Charts: a label following the pointer (the SVG <title> also gives a native tooltip).
  document.querySelectorAll(".chart-box").forEach(function (box) {
    var tip = box.querySelector(".tip");
    if (!tip) return;
    box.addEventListener("mousemove", function (e) {
      var bar = e.target.closest && e.target.closest("rect.bar");
      if (!bar) { tip.hidden = true; return; }
      var t = bar.querySelector("title");
      tip.textContent = t ? t.textContent : "";
      var r = box.getBoundingClientRect();
      tip.style.left = (e.clientX - r.left + 12) + "px";
      tip.style.top = (e.clientY - r.top - 28) + "px";
      tip.hidden = false;
    });
    box.addEventListener("mouseleave", function () { tip.hidden = true; });
  });

  // Article: every piece of the quote in the address (#qN) is highlighted, not only the first.
  function lightQuote() {
    document.querySelectorAll(".quote.current").forEach(function (el) { el.classList.remove("current"); });
    var m = /^#q(\d+)$/.exec(location.hash);
    if (!m) return;
    var parts = document.querySelectorAll('[data-quote="' + m[1] + '"]');
    parts.forEach(function (el) { el.classList.add("current"); });
    if (parts.length) parts[0].scrollIntoView({ block: "center" });
  }
  if (document.getElementById("article-text")) {
    window.addEventListener("hashchange", lightQuote);
    lightQuote();
  }
})();
