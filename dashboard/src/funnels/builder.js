// The funnel's form: steps from the catalog (add, remove, move up and down), conversion window, order, dates,
// breakdown and exclusions. Every change hands a new request body to onchange; filters already in a step are kept.
import { eventInput, propInput } from "../catalog.js";
import { pickerOf, withPicker } from "../queryRange.js";
import { rangePicker } from "../range.js";
import { labelled, savedNote } from "../formParts.js";
import { el, field, select } from "../ui.js";

export const windows = [["PT1H", "1 hour"], ["P1D", "1 day"], ["P7D", "7 days"], ["P14D", "14 days"], ["P30D", "30 days"]];
const orders = [["sequential", "In order (other events allowed between)"], ["strict", "Strictly in order (nothing between)"], ["any", "In any order"]];

export function funnelBuilder(query, onchange) {
  if (query.id && !query.steps) {
    return savedNote("funnel", query.id);
  }

  const steps = query.steps ?? [];
  const set = (changes) => onchange({ ...query, ...changes });
  const setSteps = (next) => set({ steps: next });
  const setExclusions = (next) => set({ exclusions: next.length ? next : undefined });
  const move = (index, by) => {
    const next = [...steps];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    setSteps(next);
  };

  const stepList = el("ol", { className: "funnel-steps" }, steps.map((step, index) => el("li", { className: "funnel-step" },
    el("span", { className: "step-number", "aria-hidden": "true" }, String(index + 1)),
    labelled(`Step ${index + 1} event`, eventInput(step.event, (event) => setSteps(steps.map((s, i) => (i === index ? { ...s, event } : s)))), `funnel-step-${index}`),
    step.filters?.length ? el("small", { className: "muted" }, `${step.filters.length} filter${step.filters.length > 1 ? "s" : ""}`) : null,
    el("span", { className: "step-actions" },
      el("button", { type: "button", className: "secondary", disabled: index === 0, "aria-label": `Move step ${index + 1} up`, onclick: () => move(index, -1) }, "↑"),
      el("button", { type: "button", className: "secondary", disabled: index === steps.length - 1, "aria-label": `Move step ${index + 1} down`, onclick: () => move(index, 1) }, "↓"),
      el("button", { type: "button", className: "secondary", disabled: steps.length <= 2, "aria-label": `Remove step ${index + 1}`, onclick: () => setSteps(steps.filter((_, i) => i !== index)) }, "Remove")))));

  const windowOptions = windows.some(([value]) => value === (query.window ?? "P14D")) ? windows : [...windows, [query.window, query.window]];
  const exclusions = query.exclusions ?? [];
  return el("form", { className: "panel funnel-builder", onsubmit: (event) => event.preventDefault() },
    el("h2", {}, "Steps"),
    stepList,
    el("button", { type: "button", className: "secondary", disabled: steps.length >= 20, onclick: () => setSteps([...steps, { event: "" }]) }, "Add step"),
    el("div", { className: "toolbar" },
      field("Conversion window", Object.assign(select(windowOptions, query.window ?? "P14D", (window) => set({ window })), { id: "funnel-window" })),
      field("Order", Object.assign(select(orders, query.order ?? "sequential", (order) => set({ order })), { id: "funnel-order" })),
      rangePicker(pickerOf(query), (picker) => onchange(withPicker(query, picker))),
      field("Breakdown by property", labelled("Breakdown by property", propInput(query.breakdown?.prop ?? "", steps.length ? [steps[0].event] : [], (prop) => set({ breakdown: prop ? { prop, on: query.breakdown?.on ?? "event", limit: query.breakdown?.limit ?? 5 } : undefined }), "none"), "funnel-breakdown"))),
    el("div", { className: "toolbar" },
      el("span", { className: "muted" }, "Exclude users who do:"),
      exclusions.map((exclusion, index) => el("span", { className: "exclusion" },
        labelled(`Excluded event ${index + 1}`, eventInput(exclusion.event, (event) => setExclusions(exclusions.map((x, i) => (i === index ? { ...x, event } : x)).filter((x) => x.event))), `funnel-exclusion-${index}`),
        el("button", { type: "button", className: "secondary", "aria-label": `Remove excluded event ${index + 1}`, onclick: () => setExclusions(exclusions.filter((_, i) => i !== index)) }, "×"))),
      el("button", { type: "button", className: "secondary", disabled: exclusions.length >= 10, onclick: () => set({ exclusions: [...exclusions, { event: "" }] }) }, "Add exclusion")));
}

/** Whether the body can be sent: at least two steps, each with an event, and no half-written exclusion. */
export function isRunnable(query) {
  if (query.id && !query.steps) {
    return true;
  }

  return (query.steps ?? []).length >= 2 && query.steps.every((step) => step.event) && (query.exclusions ?? []).every((x) => x.event);
}
