// The date range of a funnel or retention request body, as the range picker (range.js) shows it: the API takes either
// "range" ("today", "7d", …) or from/to dates with "to" excluded, while the picker's custom end date is included.
import { addDays, datesOf, presets } from "./range.js";

/** The picker state {preset, from, to} of a request body. */
export function pickerOf(query) {
  if (query.range && presets.some(([preset]) => preset === query.range)) {
    return { preset: query.range };
  }

  if (query.from && query.to) {
    return { preset: "custom", from: query.from, to: addDays(query.to, -1) };
  }

  return { preset: query.range ?? "30d" };
}

/** The request body with the picker's range: "range" for a preset, from/to for custom dates (once both are set). */
export function withPicker(query, picker) {
  const { range: _range, from: _from, to: _to, ...rest } = query;
  if (picker.preset !== "custom") {
    return { ...rest, range: picker.preset };
  }

  // Switching to custom dates starts from the dates the range covered, so the body always has both.
  const covered = query.from && query.to ? { from: query.from, to: query.to } : datesOf({ preset: query.range ?? "30d" }, query.tz ?? "UTC");
  return { ...rest, from: picker.from || covered.from, to: picker.to ? addDays(picker.to, 1) : covered.to };
}
