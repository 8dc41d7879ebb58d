// framing report: layer switches, "show the evidence" for table rows and findings, one story's
// articles side by side. No network, no eval.
(function () {
  "use strict";
  function layerMarks(layer) {
    return document.querySelectorAll('mark.hl[data-layer="' + layer + '"]');
  }
  var toggles = document.querySelectorAll("input.toggle");
  function shownTitles() {
    var on = [];
    toggles.forEach(function (box) { if (box.checked) { on.push(box.dataset.title); } });
    var label = document.querySelector("details.legend .shown");
    if (label) { label.textContent = on.length ? on.join("; ") : "none"; }
  }
  function setLayer(layer, on) {
    layerMarks(layer).forEach(function (mark) { mark.classList.toggle("off", !on); });
    toggles.forEach(function (box) { if (box.dataset.layer === layer) { box.checked = on; } });
    shownTitles();
  }
  toggles.forEach(function (box) {
    box.addEventListener("change", function () { setLayer(box.dataset.layer, box.checked); });
  });
  function flash(marks) {
    if (!marks.length) { return; }
    marks.forEach(function (mark) { setLayer(mark.dataset.layer, true); });
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
  function show(row) {
    var marks = [];
    row.dataset.ref.split(" ").forEach(function (ref) {
      document.querySelectorAll("mark.hl[data-refs]").forEach(function (mark) {
        if (mark.dataset.refs.split(" ").indexOf(ref) >= 0 && marks.indexOf(mark) < 0) {
          marks.push(mark);
        }
      });
    });
    flash(marks);
  }
  document.querySelectorAll("tr.cited").forEach(function (row) {
    row.addEventListener("click", function () { show(row); });
    row.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); show(row); }
    });
  });
  document.querySelectorAll("button.show-layer").forEach(function (button) {
    button.addEventListener("click", function () {
      setLayer(button.dataset.layer, true);
      var first = layerMarks(button.dataset.layer)[0];
      if (first) { first.scrollIntoView({ behavior: "smooth", block: "center" }); }
    });
  });
  var columns = document.querySelectorAll("article.column");
  var story = document.querySelector("#highlights .story-shown");
  document.querySelectorAll("button.show-story").forEach(function (button) {
    button.addEventListener("click", function () {
      var members = button.dataset.articles.split(" ");
      columns.forEach(function (column) {
        column.hidden = members.indexOf(column.dataset.article) < 0;
      });
      if (story) {
        story.hidden = false;
        story.querySelector("span").textContent = button.dataset.story;
      }
      document.getElementById("highlights").scrollIntoView({ behavior: "smooth" });
    });
  });
  if (story) {
    story.querySelector("button").addEventListener("click", function () {
      columns.forEach(function (column) { column.hidden = false; });
      story.hidden = true;
    });
  }
})();
