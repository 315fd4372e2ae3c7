// "Save as metric" from an insight, a funnel or a retention: a small dialog asks for the title, the unit, the step
// pair (funnels), the period N (retention) and an optional goal, then saves the view's query, without its dates, as a
// custom metric (POST /api/metrics). The metric then has a value, a series and a KPI tile of its own.
import { api } from "../api.js";
import { el, errorBox, field, select } from "../ui.js";
import { directions, goalOf, units } from "./format.js";

/** The fields a metric's value request supplies (and the API refuses in a saved query). */
const windowFields = ["range", "from", "to", "tz", "interval", "fresh", "id"];

export function withoutDates(query) {
  return Object.fromEntries(Object.entries(query).filter(([name]) => !windowFields.includes(name)));
}

/** The metric a view's query makes: kind, query and the view's own interval and zone as the metric's default view. */
export function metricOf(kind, query, choices) {
  const definition = { kind, query: withoutDates(query) };
  if (kind === "funnelConversion") {
    Object.assign(definition, { fromStep: choices.fromStep, toStep: choices.toStep });
  }

  if (kind === "retention") {
    definition.period = choices.period;
  }

  const interval = ["hour", "day", "week", "month"].includes(query.interval) ? query.interval : "day";
  const goal = goalOf(choices.goal, choices.unit, choices.direction);
  return { title: choices.title, unit: choices.unit, definition, view: { range: "30d", interval, tz: query.tz ?? "UTC" }, ...(goal ? { goal } : {}) };
}

/** A button that opens the dialog; `kind` is trend, funnelConversion or retention. */
export function saveMetricButton(kind, title, query) {
  const button = el("button", { type: "button", className: "secondary save-metric" }, "Save as metric");
  button.addEventListener("click", async () => {
    const saved = await askAndSave(kind, title(), query());
    if (saved) {
      button.replaceWith(el("a", { href: "/metrics", className: "saved-metric" }, `Saved as metric "${saved.title}"`));
    }
  });
  return button;
}

function askAndSave(kind, title, query) {
  return new Promise((resolve) => {
    const steps = query.steps ?? [];
    const stepOptions = steps.map((step, index) => [String(index), `${index + 1}. ${step.event || "any event"}`]);
    const inputs = {
      title: el("input", { type: "text", id: "metric-title", autocomplete: "off", required: true, value: title }),
      unit: select(units, kind === "trend" ? "count" : "percent", () => {}),
      fromStep: select(stepOptions, "0", () => {}),
      toStep: select(stepOptions, String(Math.max(steps.length - 1, 1)), () => {}),
      period: el("input", { type: "number", id: "metric-period", min: 1, max: 99, value: 7 }),
      goal: el("input", { type: "number", id: "metric-goal", step: "any" }),
      direction: select(directions, "above", () => {}),
    };
    Object.assign(inputs.unit, { id: "metric-unit" });
    Object.assign(inputs.fromStep, { id: "metric-from-step" });
    Object.assign(inputs.toStep, { id: "metric-to-step" });
    Object.assign(inputs.direction, { id: "metric-goal-direction" });
    const message = el("div", { role: "alert" });
    const dialog = el("dialog", { className: "tile-dialog", "aria-labelledby": "metric-dialog-title" });
    let result = null;
    const form = el("form", {
      method: "dialog",
      onsubmit: async (event) => {
        event.preventDefault();
        const choices = Object.fromEntries(Object.entries(inputs).map(([name, input]) => [name, input.value]));
        Object.assign(choices, { fromStep: Number(choices.fromStep), toStep: Number(choices.toStep), period: Number(choices.period), title: choices.title.trim() });
        try {
          result = await api.post("/api/metrics", metricOf(kind, query, choices));
          dialog.close();
        } catch (error) {
          message.replaceChildren(errorBox(error));
        }
      },
    },
    el("h2", { id: "metric-dialog-title" }, "Save as metric"),
    field("Title", inputs.title),
    field("Unit", inputs.unit),
    kind === "funnelConversion" ? [field("From step", inputs.fromStep), field("To step", inputs.toStep)] : null,
    kind === "retention" ? field("Period N (day-N retention)", inputs.period) : null,
    field("Goal (optional)", inputs.goal, "In the metric's unit; for percent, 30 means 30 %."),
    field("Goal direction", inputs.direction),
    message,
    el("div", { className: "toolbar" }, el("button", { type: "submit", id: "metric-save" }, "Save metric"),
      el("button", { type: "button", className: "secondary", onclick: () => dialog.close() }, "Cancel")));
    dialog.append(form);
    dialog.addEventListener("close", () => {
      dialog.remove();
      resolve(result);
    });
    document.body.append(dialog);
    dialog.showModal();
    inputs.title.focus();
  });
}
