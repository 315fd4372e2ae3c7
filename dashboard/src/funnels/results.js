// A funnel answer as a bar chart of users per step and a table: users, % of first, % of previous, drop-offs (a
// button that lists them) and the time to convert from the previous step. Numbers sit in td.num with data-value.
import { chart } from "../charts.js";
import { el, formatDuration, formatNumber } from "../ui.js";

/** A numeric cell: the value the page computed in data-value, the text as shown; null is a dash, not a number. */
export function numCell(value, text) {
  return value === null || value === undefined
    ? el("td", { className: "nil" }, "–")
    : el("td", { className: "num", dataset: { value: String(value) } }, text ?? formatNumber(value));
}

const percent = (value) => (value === null || value === undefined ? "–" : `${formatNumber(Math.round(value * 10) / 10)}%`);

export function funnelChart(steps, signal) {
  return chart({
    type: "bar",
    labels: steps.map((step, index) => `${index + 1}. ${step.event}`),
    datasets: [{ label: "users", data: steps.map((step) => step.users) }],
    signal,
    label: `Users per step: ${steps.map((step) => `${step.event} ${step.users}`).join(", ")}`,
  });
}

/** The step table; onDropoff(stepIndex) is called by the drop-off buttons. */
export function funnelTable(steps, onDropoff, { id, caption } = {}) {
  return el("div", { className: "table-wrap" },
    el("table", { id, className: "funnel-table" },
      caption ? el("caption", {}, caption) : null,
      el("thead", {}, el("tr", {}, ["Step", "Users", "% of first", "% of previous", "Dropped off", "Median time", "Average time"].map((title) => el("th", { scope: "col" }, title)))),
      el("tbody", {}, steps.map((step, index) => el("tr", { dataset: { step: String(index) } },
        el("th", { scope: "row" }, `${index + 1}. ${step.event}`),
        numCell(step.users),
        numCell(step.pctOfFirst, percent(step.pctOfFirst)),
        numCell(step.pctOfPrevious, percent(step.pctOfPrevious)),
        el("td", { className: "num dropped", dataset: { value: String(step.droppedOff) } }, step.droppedOff > 0 && onDropoff
          ? el("button", { type: "button", className: "link dropoff", dataset: { step: String(index) }, "aria-label": `${step.droppedOff} users dropped off after step ${index + 1}: list them`, onclick: () => onDropoff(index) }, formatNumber(step.droppedOff))
          : formatNumber(step.droppedOff)),
        numCell(step.medianSecondsFromPrevious, formatDuration(step.medianSecondsFromPrevious)),
        numCell(step.avgSecondsFromPrevious, formatDuration(step.avgSecondsFromPrevious)))))));
}
