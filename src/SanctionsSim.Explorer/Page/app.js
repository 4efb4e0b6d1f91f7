// SanctionsSim Explorer: the page's only script. It keeps the scenario and the levers the user set, asks the
// server for estimates (a stream of JSON lines, one per chunk of runs) and aborts the request when the page moves on.
"use strict";
const $ = id => document.getElementById(id);
const state = { source: null, levers: [], values: {}, controller: null, timer: null, limits: {} };

const pct = x => x == null ? "—" : (100 * x).toFixed(1) + " %";
const pp = x => x == null ? "—" : (x > 0 ? "+" : x < 0 ? "−" : "") + Math.abs(x).toFixed(1) + " pp";
const signed = x => x == null ? "—" : (x > 0 ? "+" : x < 0 ? "−" : "") + Math.abs(x).toFixed(1);

function showError(message) {
  $("error").textContent = message;
  $("error").hidden = !message;
}

async function post(path, body, signal) {
  const response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body), signal });
  if (!response.ok) {
    let message = response.status + " " + response.statusText;
    try { message = (await response.json()).error || message; } catch { /* not JSON */ }
    throw new Error(message);
  }
  return response;
}

function packageBody(extra) {
  const body = Object.assign({}, state.source, { levers: state.values });
  const baseline = $("baseline").value;
  if (baseline) body.baseline = baseline;
  return Object.assign(body, extra || {});
}

function runsAndSeed() {
  return { runs: Number($("runs").value), seed: Number($("seed").value) };
}

async function init() {
  const response = await fetch("api/presets");
  const data = await response.json();
  state.limits = data;
  for (const p of data.presets) {
    $("preset").add(new Option(p.name, p.name));
  }
  $("preset").value = data.default;
  $("runs").max = data.maxRuns;
  $("limits-text").textContent = `Each estimate runs at most ${data.maxRuns.toLocaleString("en")} paired runs and stops after ${data.maxSeconds} s with what finished; ` +
    "moving a lever stops the estimate in progress and starts a new one. One estimate runs at a time. " +
    "The server keeps nothing: the page sends the scenario and the levers with every request, and reads or writes no file.";
  $("preset").addEventListener("change", () => load({ preset: $("preset").value }));
  $("upload").addEventListener("change", upload);
  $("reset").addEventListener("click", () => { state.values = {}; renderLevers(); estimate(); });
  for (const id of ["baseline", "runs", "seed"]) $(id).addEventListener("change", estimate);
  $("story-button").addEventListener("click", story);
  $("download-scenario").addEventListener("click", () => download("api/export/scenario", packageBody()));
  $("download-report").addEventListener("click", () => download("api/export/report", packageBody(runsAndSeed())));
  await load({ preset: data.default });
}

async function upload() {
  const file = $("upload").files[0];
  if (!file) return;
  const text = await file.text();
  await load({ scenario: text });
  $("upload").value = "";
}

async function load(source) {
  try {
    const response = await post("api/scenario", source);
    const scenario = await response.json();
    showError("");
    state.source = source;
    state.levers = scenario.levers;
    state.values = {};
    $("scenario-description").textContent = `${scenario.name} (${scenario.weeks} weeks): ${scenario.description}`;
    if (source.preset) $("preset").value = source.preset;
    baselines(scenario.weeks);
    renderLevers();
    estimate();
  } catch (e) {
    showError(e.message);
  }
}

// the presets a comparison can use: those of the scenario's horizon (the arms of a comparison share it)
function baselines(weeks) {
  const select = $("baseline");
  const keep = select.value;
  while (select.options.length > 1) select.remove(1);
  for (const p of state.limits.presets.filter(p => p.weeks === weeks)) select.add(new Option(p.name, p.name));
  select.value = [...select.options].some(o => o.value === keep) ? keep : "";
}

function renderLevers() {
  const container = $("levers");
  container.replaceChildren();
  const groups = new Map();
  for (const lever of state.levers) {
    if (!groups.has(lever.group)) {
      const box = document.createElement("div");
      box.className = "group";
      const title = document.createElement("h3");
      title.textContent = lever.group;
      box.append(title);
      container.append(box);
      groups.set(lever.group, box);
    }
    groups.get(lever.group).append(leverControl(lever));
  }
}

function leverControl(lever) {
  const div = document.createElement("div");
  div.className = "lever";
  div.dataset.path = lever.path;
  const name = document.createElement("span");
  name.className = "name";
  name.textContent = lever.label;
  const value = document.createElement("span");
  value.className = "value";
  const input = document.createElement("input");
  input.setAttribute("aria-label", lever.path);
  const current = lever.id in state.values ? state.values[lever.id] : lever.value;
  if (lever.kind === "switch") {
    input.type = "checkbox";
    input.checked = current;
    value.textContent = current ? "on" : "off";
  } else {
    input.type = "range";
    input.min = lever.min; input.max = lever.max; input.step = lever.step; input.value = current;
    value.textContent = format(lever, current);
  }
  const update = () => {
    const v = lever.kind === "switch" ? input.checked : Number(input.value);
    value.textContent = lever.kind === "switch" ? (v ? "on" : "off") : format(lever, v);
    if (v === lever.value) delete state.values[lever.id]; else state.values[lever.id] = v;
    div.classList.toggle("moved", lever.id in state.values);
  };
  input.addEventListener("input", update);
  input.addEventListener("change", () => { update(); schedule(); });
  const label = document.createElement("label");
  label.append(name, value, input);
  const meaning = document.createElement("small");
  meaning.textContent = lever.meaning;
  const range = document.createElement("small");
  range.className = "range";
  range.textContent = lever.kind === "switch" ? lever.path : `${lever.min} to ${lever.max} here; a file allows ${lever.allowed || "any value"} · ${lever.path}`;
  div.append(label, meaning, range);
  div.classList.toggle("moved", lever.id in state.values);
  return div;
}

function format(lever, v) {
  return lever.kind === "whole" ? String(v) : Number(v).toPrecision(3).replace(/\.?0+$/, "");
}

function schedule() {
  clearTimeout(state.timer);
  state.timer = setTimeout(estimate, 250);
}

async function estimate() {
  if (!state.source) return;
  if (state.controller) state.controller.abort();
  const controller = new AbortController();
  state.controller = controller;
  const box = $("estimate");
  box.dataset.state = "running";
  $("progress").textContent = "starting";
  try {
    const response = await post("api/estimate", packageBody(runsAndSeed()), controller.signal);
    showError("");
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let newline;
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const line = JSON.parse(buffer.slice(0, newline));
        buffer = buffer.slice(newline + 1);
        if (state.controller === controller) render(line);
      }
    }
  } catch (e) {
    if (e.name !== "AbortError" && state.controller === controller) {
      showError(e.message);
      box.dataset.state = "error";
    }
  }
}

function render(line) {
  const [baseline, mine] = line.arms;
  $("p-package").textContent = pct(mine.p);
  $("p-package-ci").textContent = `(95 % interval ${pct(mine.lower)} to ${pct(mine.upper)})`;
  $("baseline-name").textContent = baseline.name;
  $("p-baseline").textContent = pct(baseline.p);
  $("p-baseline-ci").textContent = `(${pct(baseline.lower)} to ${pct(baseline.upper)})`;
  const d = line.difference;
  $("difference").textContent = d ? pp(d.pp) : "—";
  $("difference-ci").textContent = d ? `(95 % interval ${pp(d.lower)} to ${pp(d.upper)}; ${mine.name} minus ${baseline.name})` : "";
  $("weeks-difference").textContent = d ? `Weeks the regime survived: ${signed(d.weeks)} on average (${signed(d.weeksLower)} to ${signed(d.weeksUpper)}).` : "";
  renderOutcomes(line);
  $("progress").textContent = `${line.replications.toLocaleString("en")} of ${line.target.toLocaleString("en")} paired runs, ${line.seconds} s` + (line.done ? `: ${line.stopped}.` : "");
  const box = $("estimate");
  box.dataset.replications = line.replications;
  box.dataset.state = line.done ? "done" : "running";
  drawSurvival(line.arms);
}

// a share and its interval as the report writes it: "12.3 % [9.1, 15.2]"
const share = (p, lower, upper) => p == null ? "—" : `${pct(p)} [${(100 * lower).toFixed(1)}, ${(100 * upper).toFixed(1)}]`;

// how the runs ended: one row per outcome type that happened in either arm, in plain words, then what did not happen
function renderOutcomes(line) {
  const [baseline, mine] = line.arms;
  const differences = line.difference ? line.difference.outcomes : {};
  const table = $("outcome-table");
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  for (const h of ["", "your package", "baseline", "difference (pp)"]) {
    const th = document.createElement("th"); th.textContent = h; head.append(th);
  }
  const body = table.createTBody();
  const never = [], weeks = [];
  mine.outcomes.forEach((o, i) => {
    const b = baseline.outcomes[i];
    if (o.runs === 0 && b.runs === 0) { never.push(o.words); return; }
    const row = body.insertRow();
    row.dataset.outcome = o.type;
    const d = differences[o.type];
    if (o.medianWeek != null) weeks.push(`${o.words} in week ${o.medianWeek}`);
    const cells = [o.words, share(o.p, o.lower, o.upper), share(b.p, b.lower, b.upper), d ? `${signed(d.pp)} [${signed(d.lower)}, ${signed(d.upper)}]` : "—"];
    cells.forEach((c, k) => { const td = row.insertCell(); td.textContent = c; if (k > 0) td.className = "n"; });
  });
  const on = [mine, baseline].filter(a => a.highCommand).length;
  let note = weeks.length ? `Your package, median week: ${weeks.join(", ")}. ` : "";
  if (never.length) note += `No run ended this way: ${never.join(", ")}.`;
  if (on === 0) note += " The high command is off in both scenarios (as in every preset), so the ruler can only fall by defection; switch it on under Levers (The high command: enabled) to let the top brass remove him.";
  $("outcome-note").textContent = note.trim();
}

function drawSurvival(arms) {
  const svg = $("survival");
  const W = 720, H = 320, L = 50, R = 15, T = 15, B = 40;
  const weeks = arms[0].weeks;
  const x = w => L + (W - L - R) * w / weeks;
  const y = s => T + (H - T - B) * (1 - s);
  const parts = [];
  for (let g = 0; g <= 4; g++) {
    parts.push(`<line x1="${L}" x2="${W - R}" y1="${y(g / 4)}" y2="${y(g / 4)}" stroke="#eee"/><text x="${L - 6}" y="${y(g / 4) + 4}" text-anchor="end" font-size="11">${g * 25} %</text>`);
  }
  const step = weeks > 60 ? 20 : 10;
  for (let w = 0; w <= weeks; w += step) parts.push(`<text x="${x(w)}" y="${H - B + 16}" text-anchor="middle" font-size="11">${w}</text>`);
  parts.push(`<text x="${(L + W - R) / 2}" y="${H - 6}" text-anchor="middle" font-size="12">week</text>`);
  const colours = ["#888", "#1f6fb4"];
  arms.forEach((arm, k) => {
    const pts = arm.survival.filter(p => p[1] != null);
    if (pts.length === 0) return;
    const upper = pts.map(p => `${x(p[0])},${y(p[3] ?? p[1])}`);
    const lower = pts.map(p => `${x(p[0])},${y(p[2] ?? p[1])}`).reverse();
    parts.push(`<polygon points="${upper.concat(lower).join(" ")}" fill="${colours[k]}" opacity="0.15"/>`);
    parts.push(`<polyline points="${pts.map(p => `${x(p[0])},${y(p[1])}`).join(" ")}" fill="none" stroke="${colours[k]}" stroke-width="2" ${k === 0 ? 'stroke-dasharray="6 4"' : ""}/>`);
  });
  parts.push(`<line x1="${L}" x2="${L}" y1="${T}" y2="${H - B}" stroke="#444"/><line x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}" stroke="#444"/>`);
  svg.innerHTML = parts.join("");
}

async function story() {
  try {
    const response = await post("api/story", packageBody({ replication: Number($("story-replication").value), seed: Number($("seed").value) }));
    const data = await response.json();
    showError("");
    $("story-summary").textContent = data.summary;
    $("story-summary").dataset.outcome = data.outcome;
    const table = $("story");
    table.replaceChildren();
    const head = table.createTHead().insertRow();
    for (const h of ["week", "defected share", "generals", "seniors", "purged", "crossings", "what happened"]) {
      const th = document.createElement("th"); th.textContent = h; head.append(th);
    }
    const body = table.createTBody();
    for (const w of data.weeks) {
      const row = body.insertRow();
      const cells = [w.week, (100 * w.share).toFixed(2) + " %", w.generals, w.seniors, w.purged, w.crossings.toLocaleString("en"), w.happened];
      cells.forEach((c, i) => { const td = row.insertCell(); td.textContent = c; if (i < 6) td.className = "n"; });
    }
  } catch (e) {
    showError(e.message);
  }
}

async function download(path, body) {
  const button = path.endsWith("report") ? $("download-report") : $("download-scenario");
  button.disabled = true;
  try {
    const response = await post(path, body);
    showError("");
    const disposition = response.headers.get("Content-Disposition") || "";
    const match = /filename=("?)([^";]+)\1/.exec(disposition);
    const blob = await response.blob();
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = match ? match[2] : "download";
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  } catch (e) {
    showError(e.message);
  } finally {
    button.disabled = false;
  }
}

init().catch(e => showError("The page could not start: " + e.message));
