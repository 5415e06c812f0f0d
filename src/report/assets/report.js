// Sorting and filtering of the findings table. Every row is in the page
// already; this only hides rows and reorders them, so the report reads the
// same with JavaScript off. It reads the data-* attributes the report wrote
// (escaped) and never turns them into markup.
(function () {
  "use strict";
  const table = document.getElementById("findings-table");
  const bar = document.getElementById("filters");
  if (!table || !bar) return;
  const rows = Array.from(table.tBodies);
  const field = (id) => document.getElementById(id);
  const sev = field("f-sev"), conf = field("f-conf"), rule = field("f-rule");
  const file = field("f-file"), shown = field("f-shown");
  const rank = { high: 3, medium: 2, low: 1 };

  function matches(d) {
    const path = file.value.trim().toLowerCase();
    return (!sev.value || d.sev === sev.value) && (!conf.value || d.conf === conf.value) &&
      (!rule.value || d.rule === rule.value) &&
      (!path || d.path.toLowerCase().includes(path));
  }

  function filter() {
    let n = 0;
    for (const t of rows) {
      t.hidden = !matches(t.dataset);
      if (!t.hidden) n++;
    }
    shown.textContent = n + " of " + rows.length + " shown";
  }

  // Severity and confidence sort highest first; rule and location A to Z.
  const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  const orders = {
    sev: (a, b) => rank[b.sev] - rank[a.sev] || rank[b.conf] - rank[a.conf],
    conf: (a, b) => rank[b.conf] - rank[a.conf] || rank[b.sev] - rank[a.sev],
    rule: (a, b) => byText(a.rule, b.rule),
    loc: (a, b) => byText(a.path, b.path) || a.line - b.line,
  };
  const headers = Array.from(table.tHead.querySelectorAll("th[data-key]"));
  let current = null, direction = 1;

  function sortBy(th) {
    const key = th.dataset.key;
    direction = key === current ? -direction : 1;
    current = key;
    const order = orders[key];
    rows.sort((x, y) => direction * order(x.dataset, y.dataset) ||
      x.dataset.order - y.dataset.order);
    for (const t of rows) table.appendChild(t);
    const downward = (key === "sev" || key === "conf") === (direction > 0);
    for (const h of headers) h.removeAttribute("aria-sort");
    th.setAttribute("aria-sort", downward ? "descending" : "ascending");
  }

  for (const th of headers)
    th.querySelector("button").addEventListener("click", () => sortBy(th));
  bar.addEventListener("input", filter);
  bar.addEventListener("change", filter);
  field("f-clear").addEventListener("click", () => {
    for (const control of [sev, conf, rule, file]) control.value = "";
    filter();
  });
  bar.hidden = false;
  table.classList.add("sortable");
})();

// The overview's tables (class "sorts"): a click on a column's header sorts
// the rows by it (numbers, from the th's data-type="num", highest first;
// text A to Z; a second click reverses), ties keeping the report's order.
// A filter bar (data-filter="TABLE-ID", data-col="N") hides the rows whose
// cell N does not contain its text. A table with data-page="N" lists N
// rows at a time, and its "show more" button (id TABLE-ID-more) N more: a
// browser takes seconds to lay out tens of thousands of rows, and a few
// hundred are what a reader looks at. Only rows are hidden and moved:
// nothing is built from the data.
(function () {
  "use strict";
  const views = new Map();

  function makeView(table) {
    const body = table.tBodies[0];
    const rows = Array.from(body.rows);
    const page = Number(table.dataset.page || 0) || Infinity;
    const view = { table, body, rows, page, limit: page, pass: null, matching: rows.length,
      order: new Map(rows.map((r, i) => [r, i])), onrender: null,
      more: document.getElementById(table.id + "-more") };
    view.render = () => {
      let n = 0;
      for (const r of view.rows) {
        const pass = !view.pass || view.pass.has(r);
        const hide = !pass || n >= view.limit;
        if (r.hidden !== hide) r.hidden = hide;
        if (pass) n++;
      }
      view.matching = n;
      if (view.more) {
        view.more.hidden = n <= view.limit;
        view.more.textContent = "Show " + Math.min(view.page, n - view.limit) + " more (" +
          (n - view.limit) + " not listed)";
      }
      if (view.onrender) view.onrender();
    };
    if (view.more)
      view.more.addEventListener("click", () => { view.limit += view.page; view.render(); });
    views.set(table, view);
    view.render();
    return view;
  }

  function makeSortable(view) {
    const { table, body } = view;
    const headers = Array.from(table.tHead.rows[0].cells);
    let current = -1, direction = 1;
    function key(row, col, numeric) {
      const cell = row.cells[col];
      if (!cell) return numeric ? -Infinity : "";
      const v = cell.dataset.v !== undefined ? cell.dataset.v : cell.textContent.trim();
      return numeric ? (v === "" ? -Infinity : Number(v)) : v;
    }
    function sortBy(col) {
      const th = headers[col], numeric = th.dataset.type === "num";
      direction = col === current ? -direction : 1;
      current = col;
      const keys = new Map(view.rows.map((r) => [r, key(r, col, numeric)]));
      const sign = numeric ? -direction : direction;
      view.rows.sort((x, y) => {
        const a = keys.get(x), b = keys.get(y);
        return (a < b ? -sign : a > b ? sign : 0) || view.order.get(x) - view.order.get(y);
      });
      // Out of the document while the rows move: one layout, not one per row.
      const next = body.nextSibling;
      table.removeChild(body);
      for (const r of view.rows) body.appendChild(r);
      view.render();
      table.insertBefore(body, next);
      for (const h of headers) h.removeAttribute("aria-sort");
      th.setAttribute("aria-sort", sign < 0 ? "descending" : "ascending");
    }
    headers.forEach((th, col) => {
      const button = th.querySelector("button.sort");
      if (button) button.addEventListener("click", () => sortBy(col));
    });
    table.classList.add("sortable");
  }

  function makeFilter(bar) {
    const view = views.get(document.getElementById(bar.dataset.filter));
    const input = bar.querySelector("input"), shown = bar.querySelector("output");
    if (!view || !input) return;
    const col = Number(bar.dataset.col || 0);
    const texts = new Map(view.rows.map((r) => [r, (r.cells[col] ? r.cells[col].textContent : "").toLowerCase()]));
    view.onrender = () => {
      if (!shown) return;
      shown.textContent = view.matching + " of " + view.rows.length + " shown" +
        (view.matching > view.limit ? " (the first " + view.limit + " listed)" : "");
    };
    function filter() {
      const text = input.value.trim().toLowerCase();
      view.pass = text === "" ? null : new Set(view.rows.filter((r) => texts.get(r).includes(text)));
      view.limit = view.page;
      view.render();
    }
    input.addEventListener("input", filter);
    const clear = bar.querySelector("button");
    if (clear) clear.addEventListener("click", () => { input.value = ""; filter(); });
    view.render();
    bar.hidden = false;
  }

  document.querySelectorAll("table.sorts").forEach((t) => makeSortable(makeView(t)));
  document.querySelectorAll("[data-filter]").forEach(makeFilter);
})();
