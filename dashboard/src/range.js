// Date ranges: presets (today, 7, 30, 90 days, today included) or custom dates, in the viewer's time zone unless the
// view says otherwise. Trends take from/to dates; funnels and retention also accept the relative "range" themselves.
import { el, field, select } from "./ui.js";

export const presets = [["today", "Today"], ["7d", "Last 7 days"], ["30d", "Last 30 days"], ["90d", "Last 90 days"], ["custom", "Custom"]];

export function browserZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** Today's date in a zone, as yyyy-mm-dd. */
export function todayIn(zone) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

export function addDays(date, days) {
  const [y, m, d] = date.split("-").map(Number);
  const shifted = new Date(Date.UTC(y, m - 1, d + days));
  return shifted.toISOString().slice(0, 10);
}

/** The [from, to) dates of a range state {preset, from, to} in a zone. */
export function datesOf(range, zone) {
  if (range.preset === "custom" && range.from && range.to) {
    return { from: range.from, to: addDays(range.to, 1) };
  }

  const days = range.preset === "today" ? 1 : Number.parseInt(range.preset, 10) || 7;
  const today = todayIn(zone);
  return { from: addDays(today, 1 - days), to: addDays(today, 1) };
}

/** The picker: a preset select and, for custom, two date inputs (the end date is included). */
export function rangePicker(range, onchange) {
  const custom = el("span", { className: "custom-range", hidden: range.preset !== "custom" },
    field("From", el("input", { type: "date", value: range.from ?? "", onchange: (event) => onchange({ ...range, preset: "custom", from: event.target.value }) })),
    field("To (included)", el("input", { type: "date", value: range.to ?? "", onchange: (event) => onchange({ ...range, preset: "custom", to: event.target.value }) })));
  return el("span", { className: "range-picker" },
    field("Dates", select(presets, range.preset, (preset) => onchange({ ...range, preset }))),
    custom);
}
