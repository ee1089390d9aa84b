// Renders a run report, a run comparison or the live dashboard from the JSON in #run-data.
// Charts are drawn as inline SVG (no library, no network). The live dashboard receives the
// same JSON again from /events (Server-Sent Events) after every epoch and redraws.
"use strict";

const SVG = "http://www.w3.org/2000/svg";

function el(tag, attrs, ...children) {
  const e = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) e.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    e.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return e;
}

function fmt(v) {
  if (typeof v === "number") return Number.isInteger(v) ? v.toLocaleString("en-US") : v.toFixed(4);
  if (v === null || v === undefined) return "";
  return String(v);
}

function section(title, ...content) {
  return el("section", { "data-section": title.toLowerCase() }, el("h2", {}, title), ...content);
}

function kvTable(obj, cls) {
  const rows = Object.entries(obj || {}).map(([k, v]) =>
    el("tr", {}, el("td", { class: "key" }, k), el("td", { class: "value" }, fmt(v))));
  return el("table", { class: "kv " + (cls || "") }, el("tbody", {}, rows));
}

/** The metrics a history holds (loss, accuracy, ...), validation ones folded into their training metric. */
function metricNames(history) {
  return Object.keys(history || {}).filter(k => !k.startsWith("val_"));
}

/** One panel: a line per series (training and validation, per run), epochs on x, a point per completed epoch. */
function chart(name, series, epochs) {
  const W = 460, H = 240, L = 56, R = 12, T = 26, B = 34;
  const svg = el("svg:svg", { class: "chart", "data-metric": name, viewBox: `0 0 ${W} ${H}`, role: "img" });
  const values = series.flatMap(s => s.values.filter(v => v !== null && v !== undefined));
  const n = Math.max(epochs || 1, ...series.map(s => s.values.length), 1);
  let lo = values.length ? Math.min(...values) : 0, hi = values.length ? Math.max(...values) : 1;
  if (hi === lo) { hi += Math.abs(hi) * 0.05 || 0.05; lo -= Math.abs(lo) * 0.05 || 0.05; }
  const pad = (hi - lo) * 0.08; lo -= pad; hi += pad;
  const x = e => L + (n === 1 ? (W - L - R) / 2 : (e - 1) * (W - L - R) / (n - 1));
  const y = v => T + (hi - v) * (H - T - B) / (hi - lo);
  svg.appendChild(el("svg:text", { x: L, y: 16, class: "title" }, name));
  for (let i = 0; i <= 4; i++) {
    const v = lo + (hi - lo) * i / 4, yy = y(v);
    svg.appendChild(el("svg:line", { x1: L, x2: W - R, y1: yy, y2: yy, class: "grid" }));
    svg.appendChild(el("svg:text", { x: L - 6, y: yy + 4, "text-anchor": "end" }, v.toFixed(3)));
  }
  const step = Math.max(1, Math.ceil(n / 10));
  for (let e = 1; e <= n; e += step) {
    svg.appendChild(el("svg:text", { x: x(e), y: H - B + 16, "text-anchor": "middle" }, e));
  }
  svg.appendChild(el("svg:text", { x: (L + W - R) / 2, y: H - 4, "text-anchor": "middle" }, "epoch"));
  svg.appendChild(el("svg:line", { x1: L, x2: L, y1: T, y2: H - B, class: "axis" }));
  svg.appendChild(el("svg:line", { x1: L, x2: W - R, y1: H - B, y2: H - B, class: "axis" }));
  let legendX = W - R;
  series.slice().reverse().forEach(s => {
    const label = el("svg:text", { x: legendX, y: 16, "text-anchor": "end", class: "legend " + s.cls }, s.label);
    svg.appendChild(label);
    legendX -= 12 + 7 * s.label.length;
  });
  for (const s of series) {
    let d = "";
    s.values.forEach((v, i) => {
      if (v === null || v === undefined) return;
      d += (d ? " L" : "M") + x(i + 1).toFixed(1) + " " + y(v).toFixed(1);
    });
    if (d) svg.appendChild(el("svg:path", { d, class: s.cls }));
    s.values.forEach((v, i) => {
      if (v === null || v === undefined) return;
      svg.appendChild(el("svg:circle", { cx: x(i + 1), cy: y(v), r: 3, class: s.cls },
        el("svg:title", {}, `${s.label} epoch ${i + 1}: ${fmt(v)}`)));
    });
  }
  return svg;
}

function metricCharts(runs) {
  const names = [...new Set(runs.flatMap(r => metricNames(r.history)))];
  if (!names.length) return el("p", { class: "muted" }, "No metrics recorded (yet).");
  const charts = names.map(name => {
    const series = [];
    runs.forEach((r, i) => {
      const suffix = runs.length > 1 ? ` ${"ab"[i]}` : "";
      const run = runs.length > 1 ? (i === 0 ? " run-a" : " run-b") : "";
      const h = r.history || {};
      if (h[name]) series.push({ label: "training" + suffix, cls: "training" + run, values: h[name] });
      if (h["val_" + name]) series.push({ label: "validation" + suffix, cls: "validation" + run, values: h["val_" + name] });
    });
    return chart(name, series, Math.max(...runs.map(r => (r.training || {}).epochs || 0)));
  });
  return el("div", { class: "charts" }, charts);
}

function summaryOf(d) {
  return {
    status: d.status, script: d.attributes.script, started: d.attributes.started,
    ended: d.attributes.ended, duration: d.attributes.duration, type: d.attributes.type,
  };
}

function trainingOf(d) {
  const t = Object.assign({}, d.training || {});
  if (d.loss_function) t.loss = d.loss_function;
  if (d.optimizer) t.optimizer = d.optimizer;
  if (d.learning_rate !== undefined && d.learning_rate !== null) t.learning_rate = d.learning_rate;
  return t;
}

function renderRun(d) {
  const app = document.getElementById("app");
  app.replaceChildren();
  document.getElementById("title").textContent = d.run_dir;
  setStatus(d.status);
  if (d.error && d.error.message) {
    app.appendChild(el("section", { class: "error", "data-section": "error" }, el("h2", {}, "Error"),
      el("p", {}, d.error.message), el("pre", {}, d.error.traceback || "")));
  }
  app.appendChild(el("div", { class: "row" },
    section("Summary", kvTable(summaryOf(d))),
    section("Flags", Object.keys(d.flags || {}).length ? kvTable(d.flags) : el("p", { class: "muted" }, "No flags.")),
    section("Training", kvTable(trainingOf(d))),
    section("Evaluation", Object.keys(d.evaluation || {}).length ? kvTable(d.evaluation)
      : el("p", { class: "muted" }, "Not evaluated (yet).")),
  ));
  app.appendChild(section("Metrics", metricCharts([d])));
  if (d.model) app.appendChild(section("Model", el("pre", {}, d.model)));
  if ((d.plots || []).length) {
    app.appendChild(section("Plots", d.plots.map(p => el("figure", {}, el("img", { class: "plot", src: p.src, alt: p.name }),
      el("figcaption", { class: "muted" }, p.name)))));
  }
  app.appendChild(section("Output", el("pre", { id: "output" }, d.output || "")));
  const sources = Object.entries(d.sources || {});
  app.appendChild(section("Source code", sources.map(([name, text], i) =>
    el("details", i === 0 ? { open: "" } : {}, el("summary", {}, name), el("pre", {}, text)))));
  if ((d.artifacts || []).length) app.appendChild(section("Files", el("pre", {}, d.artifacts.join("\n"))));
}

function renderCompare(d) {
  const [a, b] = d.runs;
  a.label = a.run_dir; b.label = b.run_dir;
  const app = document.getElementById("app");
  app.replaceChildren();
  setStatus(null);
  const side = (title, get) => {
    const keys = [...new Set([...Object.keys(get(a) || {}), ...Object.keys(get(b) || {})])];
    const rows = keys.map(k => {
      const va = fmt((get(a) || {})[k]), vb = fmt((get(b) || {})[k]);
      return el("tr", { class: va === vb ? "" : "differs" }, el("td", {}, k),
        el("td", { class: "value" }, va), el("td", { class: "value" }, vb));
    });
    return section(title, el("table", { class: "kv" },
      el("thead", {}, el("tr", {}, el("th", {}, ""), el("th", { class: "value" }, a.run_dir), el("th", { class: "value" }, b.run_dir))),
      el("tbody", {}, rows)));
  };
  const lastMetrics = r => Object.fromEntries(Object.entries(r.history || {}).map(([k, v]) =>
    [k, [...v].reverse().find(x => x !== null && x !== undefined)]));
  app.appendChild(el("div", { class: "columns" }, side("Evaluation", r => r.evaluation), side("Flags", r => r.flags)));
  app.appendChild(el("div", { class: "columns" }, side("Metrics", lastMetrics), side("Summary", summaryOf)));
  app.appendChild(side("Training", trainingOf));
  app.appendChild(section("Metric history", metricCharts([a, b]),
    el("p", { class: "muted" }, `a (solid): ${a.run_dir}, b (dashed): ${b.run_dir}`)));
  const files = d.diff || [];
  app.appendChild(section("Source diff", files.length ? files.map(f =>
    el("details", { open: "" }, el("summary", {}, f.file),
      el("pre", { class: "diff" }, f.lines.map(l => el("div", {
        class: l.startsWith("@@") ? "hunk" : l.startsWith("+") ? "add" : l.startsWith("-") ? "del" : "" }, l || " ")))))
    : el("p", { class: "muted" }, "The sources are identical.")));
}

function setStatus(status) {
  const s = document.getElementById("status");
  s.textContent = status || "";
  s.className = "badge " + (status || "");
  s.style.display = status ? "" : "none";
}

function render(d) {
  if (d.kind === "compare") renderCompare(d); else renderRun(d);
}

(function main() {
  const d = JSON.parse(document.getElementById("run-data").textContent);
  render(d);
  if (d.live && typeof EventSource !== "undefined") {
    const events = new EventSource("events");
    events.onmessage = e => render(JSON.parse(e.data));
    events.addEventListener("end", () => events.close());
  }
})();
