// A metric's number written in its unit (docs/metrics-alerts.md, "Units"). The value is never rounded by the API;
// only this display is. Percent values are fractions: 0.3 is written 30.0 %.
import { formatDuration, formatNumber } from "../ui.js";

export function formatValue(value, unit = "count") {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return "–";
  }

  if (unit === "percent") {
    return `${(value * 100).toLocaleString("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;
  }

  if (unit === "duration") {
    return formatDuration(value);
  }

  if (unit.startsWith("currency:")) {
    return value.toLocaleString("en-US", { style: "currency", currency: unit.slice("currency:".length) });
  }

  if (unit.startsWith("number:")) {
    const decimals = Number(unit.slice("number:".length));
    return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  }

  return formatNumber(value);
}

/**
 * The change against the previous period, and whether it is good: up is good for a goal "above" (and with no goal),
 * down is good for a goal "below". A value still in progress says so, since its period is not over.
 */
export function changeOf(answer) {
  const pct = answer.changePct;
  if (pct === null || pct === undefined) {
    return { text: "no previous value to compare", tone: "neutral" };
  }

  const arrow = pct > 0 ? "▲" : pct < 0 ? "▼" : "";
  const better = (answer.meta?.goal?.direction ?? "above") === "above" ? pct > 0 : pct < 0;
  const tone = pct === 0 ? "neutral" : better ? "good" : "bad";
  const sofar = answer.meta?.incomplete ? " so far" : "";
  return { text: `${arrow} ${Math.abs(pct).toLocaleString("en-US", { maximumFractionDigits: 1 })} % vs previous period${sofar}`.trim(), tone };
}

/** The goal a form's typed text means: percent goals are typed as percents (30) and stored as fractions (0.3); none when empty. */
export function goalOf(text, unit, direction) {
  if (text === "") {
    return undefined;
  }

  return { value: unit === "percent" ? Number(text) / 100 : Number(text), direction };
}

/** A stored goal as the form shows it for editing: the inverse of goalOf. */
export function goalText(goal, unit) {
  return goal ? String(unit === "percent" ? goal.value * 100 : goal.value) : "";
}

export const directions = [["above", "Above is good"], ["below", "Below is good"]];

/** Units as the metric form offers them. */
export const units = [
  ["count", "Count"],
  ["number", "Number"],
  ["number:2", "Number, 2 decimals"],
  ["percent", "Percent"],
  ["currency:USD", "Currency (USD)"],
  ["currency:EUR", "Currency (EUR)"],
  ["duration", "Duration (seconds)"],
];
