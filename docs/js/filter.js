// Keeps the rows of the table after #event-filter that contain the text typed in it.
document.addEventListener("DOMContentLoaded", function () {
  var input = document.getElementById("event-filter");
  if (!input) return;
  var node = input.closest("p") || input;
  var table = null;
  for (var next = node.nextElementSibling; next && !table; next = next.nextElementSibling) {
    table = next.tagName === "TABLE" ? next : next.querySelector("table");
  }
  if (!table) return;
  input.addEventListener("input", function () {
    var wanted = input.value.toLowerCase();
    table.querySelectorAll("tbody tr").forEach(function (row) {
      row.style.display = row.textContent.toLowerCase().indexOf(wanted) === -1 ? "none" : "";
    });
  });
});
