// A KPI: the big number in the metric's unit, the change against the previous period coloured by the goal's
// direction, and a sparkline of the series with the goal drawn as a dashed line and the annotations marked. Used by
// the Metrics page and by metric tiles on dashboards (which pass their dashboard's annotation scope).
import { chart } from "../charts.js";
import { bucketLabel } from "../insights/results.js";
import { el } from "../ui.js";
import { changeOf, formatValue } from "./format.js";

export function kpi(answer, signal, annotationScope) {
  const unit = answer.meta?.unit ?? "count";
  const goal = answer.meta?.goal;
  const change = changeOf(answer);
  const series = answer.series ?? [];
  const datasets = [{ label: answer.meta?.title ?? "Value", data: series.map((point) => scaled(point.v, unit)) }];
  if (goal) {
    datasets.push({ label: `Goal (${goal.direction} ${formatValue(goal.value, unit)})`, data: series.map(() => scaled(goal.value, unit)), dash: [6, 4], color: "#888888" });
  }

  const partial = series.filter((point) => point.incomplete).length;
  return el("div", { className: "kpi" },
    el("p", { className: "kpi-value", dataset: typeof answer.value === "number" ? { value: String(answer.value) } : {} }, formatValue(answer.value, unit)),
    el("p", { className: `kpi-change ${change.tone}` }, change.text),
    goal ? el("p", { className: "muted kpi-goal" }, `Goal: ${goal.direction} ${formatValue(goal.value, unit)}`) : null,
    series.length > 1 ? chart({
      type: "line",
      labels: series.map((point) => bucketLabel(point.t, answer.meta?.interval)),
      datasets,
      percent: unit === "percent",
      signal,
      label: `${answer.meta?.title ?? "Metric"} by ${answer.meta?.interval ?? "day"}`,
      times: series.map((point) => point.t),
      annotationScope,
    }) : null,
    partial ? el("p", { className: "muted" }, `The last ${partial === 1 ? "point is" : `${partial} points are`} still in progress.`) : null);
}

/** Percent metrics are drawn in percent (0.3 as 30) so that the axis reads like the number. */
function scaled(value, unit) {
  return unit === "percent" && typeof value === "number" ? value * 100 : value;
}
