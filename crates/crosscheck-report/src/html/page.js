(function () {
  "use strict";
  var table = document.getElementById("matrix");
  if (!table || !table.tHead || !table.tBodies.length) { return; }
  var body = table.tBodies[0];
  var each = function (list, f) { Array.prototype.forEach.call(list, f); };

  function keyOf(row, col) {
    var cell = row.cells[col];
    if (!cell) { return ""; }
    if (cell.hasAttribute("data-key")) { return cell.getAttribute("data-key"); }
    var summary = cell.querySelector("summary");
    return (summary || cell).textContent;
  }

  function sortBy(th) {
    var col = th.cellIndex;
    var numeric = th.getAttribute("data-type") === "num";
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = keyOf(a, col), y = keyOf(b, col);
      var c = numeric ? Number(x) - Number(y) : x.localeCompare(y, undefined, { numeric: true });
      return c * dir;
    });
    each(th.parentNode.cells, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    rows.forEach(function (r) { body.appendChild(r); });
  }

  each(table.tHead.rows[0].cells, function (th) {
    th.tabIndex = 0;
    th.addEventListener("click", function () { sortBy(th); });
    th.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortBy(th); }
    });
  });

  var status = document.getElementById("filter-status");
  var outlet = document.getElementById("filter-outlet");
  function filter() {
    var s = status ? status.value : "", o = outlet ? outlet.value : "";
    each(body.rows, function (r) {
      var okStatus = !s || r.getAttribute("data-status") === s ||
        (s === "disputed" && r.getAttribute("data-disputed") === "true");
      var tokens = " " + (r.getAttribute("data-outlets") || "") + " ";
      var okOutlet = !o || tokens.indexOf(" " + o + " ") >= 0;
      r.hidden = !(okStatus && okOutlet);
    });
  }
  if (status) { status.addEventListener("change", filter); }
  if (outlet) { outlet.addEventListener("change", filter); }
})();
