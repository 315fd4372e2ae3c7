// Metric sources: the list with each source's last run, points written and last error; a form per kind to add or
// edit one; Test (a preview chart of what a run would write, nothing written) and Run now. docs/imports.md, "Metric sources".
import { api } from "../api.js";
import { chart } from "../charts.js";
import { el, errorBox, field, formatNumber, load, table } from "../ui.js";

const KINDS = [["azureMonitor", "Azure Monitor metric"], ["logAnalytics", "Log Analytics query (KQL)"], ["http", "HTTP (JSON URL)"], ["push", "Push (POST /api/metrics/points)"]];
const AGGREGATIONS = ["Total", "Average", "Maximum", "Minimum", "Count"];
const INTERVALS = ["PT1M", "PT5M", "PT15M", "PT30M", "PT1H", "PT6H", "PT12H", "P1D"];

/** The fields of each kind: [name, label, control kind, hint, options]. */
const KIND_FIELDS = {
  azureMonitor: [
    ["resourceId", "Resource id", "text", "/subscriptions/…/resourceGroups/…/providers/…"],
    ["metricName", "Azure metric name", "text", "as Azure Monitor names it, such as requests/count"],
    ["aggregation", "Aggregation", "select", null, AGGREGATIONS],
    ["interval", "Interval", "select", null, INTERVALS],
    ["filter", "Dimension filter", "text", "optional, such as StatusCode eq '*'"],
  ],
  logAnalytics: [
    ["workspaceId", "Workspace id", "text", "the GUID shown as Workspace ID"],
    ["query", "KQL query", "textarea", "a datetime column, numeric columns (one series each), string columns (dimensions)"],
  ],
  http: [
    ["url", "URL", "text", "answers JSON"],
    ["method", "Method", "select", null, ["GET", "POST"]],
    ["headers", "Headers (JSON)", "textarea", "{\"Accept\": \"application/json\", \"Authorization\": {\"secret\": \"NAME\"}}"],
    ["timePath", "Time path", "text", "such as $.data[*].date"],
    ["valuePath", "Value path", "text", "such as $.data[*].revenue"],
  ],
  push: [],
};

export function renderSources(container, _params, signal) {
  const listSlot = el("div", { id: "source-list" });
  const formSlot = el("div", { id: "source-form" });
  const status = el("p", { className: "muted", role: "status", "aria-live": "polite" });
  const refresh = () => load(listSlot, api.get("/api/sources"), (answer) => list(answer.sources), signal);

  function list(sources) {
    if (sources.length === 0) {
      return el("p", { className: "muted" }, "No source yet. Add one to pull premade metrics on a schedule.");
    }

    return table(["Source", "Kind", "Metric", "Schedule", "Last run", "Points written", "Last error", ""], sources.map((source) => [
      source.id + (source.premade ? " (premade)" : ""),
      KINDS.find(([kind]) => kind === source.kind)?.[1] ?? source.kind,
      source.metric,
      source.kind === "push" ? "not pulled" : source.schedule,
      source.state.lastRunAt ? new Date(source.state.lastRunAt).toLocaleString() : "never",
      source.state.pointsWritten,
      source.state.lastError ? el("span", { className: "error-text", dataset: { source: source.id } }, source.state.lastError) : "none",
      el("span", {},
        el("button", { type: "button", className: "secondary", "aria-label": `Edit ${source.id}`, onclick: () => edit(source) }, "Edit"),
        source.kind === "push" ? null : el("button", { type: "button", "aria-label": `Run ${source.id} now`, onclick: () => runNow(source.id) }, "Run now")),
    ]), "Metric sources");
  }

  async function runNow(id) {
    status.textContent = `Running ${id}…`;
    try {
      const source = await api.post(`/api/sources/${encodeURIComponent(id)}/run`);
      status.textContent = source.state.lastError
        ? `${id} failed: ${source.state.lastError}`
        : `${id} wrote ${formatNumber(source.state.pointsWritten)} points.`;
    } catch (error) {
      status.textContent = error.message;
    }

    await refresh();
  }

  function edit(source) {
    formSlot.replaceChildren(form(source ?? { kind: "azureMonitor" }, !source, async () => {
      formSlot.replaceChildren();
      await refresh();
    }, signal));
    formSlot.querySelector("input, select")?.focus();
  }

  container.append(
    el("h1", {}, "Metric sources"),
    el("p", { className: "muted" }, "Premade metrics pulled on a schedule from Azure Monitor, Log Analytics or any JSON URL, or pushed; queried beside the events."),
    el("button", { type: "button", onclick: () => edit(null) }, "Add a source"),
    status, formSlot, listSlot);
  refresh();
}

function form(source, isNew, done, signal) {
  const values = { ...source, headers: source.headers && Object.keys(source.headers).length ? JSON.stringify(source.headers) : "" };
  const fieldsSlot = el("div", {});
  const previewSlot = el("div", { id: "source-preview" });
  const message = el("div", { role: "status", "aria-live": "polite" });
  const id = el("input", { type: "text", value: source.id ?? "", readOnly: !isNew, required: true });
  const kind = el("select", { onchange: () => { values.kind = kind.value; drawFields(); } },
    KINDS.map(([value, text]) => el("option", { value, selected: value === source.kind }, text)));
  const common = {
    metric: el("input", { type: "text", value: source.metric ?? "", placeholder: "default: the source id" }),
    schedule: el("input", { type: "text", value: source.schedule ?? "", placeholder: "0 */15 * * * * (every 15 minutes)" }),
    backfillDays: el("input", { type: "number", min: "0", max: "366", value: source.backfillDays ?? "", placeholder: "30" }),
  };
  let controls = {};

  function drawFields() {
    controls = {};
    fieldsSlot.replaceChildren(...KIND_FIELDS[kind.value].map(([name, label, type, hint, options]) => {
      const control = type === "select"
        ? el("select", {}, options.map((option) => el("option", { value: option, selected: option === values[name] }, option)))
        : type === "textarea" ? el("textarea", { rows: 4, value: values[name] ?? "" }) : el("input", { type: "text", value: values[name] ?? "" });
      control.addEventListener("input", () => { values[name] = control.value; });
      controls[name] = control;
      return field(label, control, hint);
    }));
  }

  function definition() {
    const body = { kind: kind.value };
    for (const [name, control] of Object.entries(common)) {
      if (control.value.trim() !== "") {
        body[name] = name === "backfillDays" ? Number(control.value) : control.value.trim();
      }
    }

    for (const [name, control] of Object.entries(controls)) {
      if (control.value.trim() === "") {
        continue;
      }

      if (name === "headers") {
        try {
          body.headers = JSON.parse(control.value);
        } catch {
          throw new Error("Headers must be a JSON object, such as {\"Accept\": \"application/json\"}.");
        }
      } else {
        body[name] = control.value.trim();
      }
    }

    return body;
  }

  async function test() {
    try {
      const answer = await api.post(`/api/sources/${encodeURIComponent(id.value.trim())}/test`, definition());
      previewSlot.replaceChildren(...preview(answer, signal));
    } catch (error) {
      previewSlot.replaceChildren(errorBox(error));
    }
  }

  async function save(event) {
    event.preventDefault();
    try {
      await api.put(`/api/sources/${encodeURIComponent(id.value.trim())}`, definition());
      message.replaceChildren(el("p", {}, `Saved ${id.value.trim()}.`));
      await done();
    } catch (error) {
      message.replaceChildren(errorBox(error));
    }
  }

  drawFields();
  return el("form", { className: "source-form", onsubmit: save },
    el("h2", {}, isNew ? "Add a source" : `Edit ${source.id}`),
    field("Source id", id, "letters, digits, - or _"),
    field("Kind", kind),
    fieldsSlot,
    field("Metric name", common.metric),
    field("Schedule (NCRONTAB, UTC, seconds first)", common.schedule),
    field("Backfill days", common.backfillDays, "how far back the first run reaches"),
    el("div", { className: "actions" },
      el("button", { type: "button", className: "secondary", onclick: test }, "Test"),
      el("button", { type: "submit" }, "Save")),
    message, previewSlot);
}

/** What a run would write: the count, the error if the pull failed, and a chart of each metric and dims series. */
function preview(answer, signal) {
  if (answer.error) {
    return [el("p", { className: "error", role: "alert" }, answer.error)];
  }

  if (answer.points.length === 0) {
    return [el("p", { className: "muted" }, "The pull worked but returned no point.")];
  }

  const times = [...new Set(answer.points.map((point) => point.t))].sort();
  const series = new Map();
  for (const point of answer.points) {
    const key = point.metric + (Object.keys(point.dims).length ? " " + JSON.stringify(point.dims) : "");
    if (!series.has(key)) {
      series.set(key, new Map());
    }

    series.get(key).set(point.t, point.v);
  }

  return [
    el("p", { id: "preview-count", dataset: { value: String(answer.count) } }, `${formatNumber(answer.count)} points would be written.`),
    chart({
      labels: times.map((time) => new Date(time).toLocaleString()),
      datasets: [...series].map(([label, values]) => ({ label, data: times.map((time) => values.get(time) ?? null) })),
      signal,
      label: "Preview of the points a run would write",
    }),
  ];
}
