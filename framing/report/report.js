// framing report: layer toggles, and "show the evidence" for table rows. No network, no eval.
(function () {
  "use strict";
  function layerMarks(layer) {
    return document.querySelectorAll('mark.hl[data-layer="' + layer + '"]');
  }
  document.querySelectorAll("input.toggle").forEach(function (box) {
    box.addEventListener("change", function () {
      layerMarks(box.dataset.layer).forEach(function (mark) {
        mark.classList.toggle("off", !box.checked);
      });
    });
  });
  function show(row) {
    var marks = [];
    row.dataset.ref.split(" ").forEach(function (ref) {
      document.querySelectorAll("mark.hl[data-refs]").forEach(function (mark) {
        if (mark.dataset.refs.split(" ").indexOf(ref) >= 0 && marks.indexOf(mark) < 0) {
          marks.push(mark);
        }
      });
    });
    if (!marks.length) { return; }
    marks[0].scrollIntoView({ behavior: "smooth", block: "center" });
    marks.forEach(function (mark) {
      mark.classList.remove("flash");
      void mark.offsetWidth; // restart the animation when the same row is clicked again
      mark.classList.add("flash");
    });
    window.setTimeout(function () {
      marks.forEach(function (mark) { mark.classList.remove("flash"); });
    }, 1700);
  }
  document.querySelectorAll("tr.cited").forEach(function (row) {
    row.addEventListener("click", function () { show(row); });
    row.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); show(row); }
    });
  });
})();
