// The retention form: start and return events (empty = any active event; filters already in the body are kept),
// period, number of periods, first-time or recurring, dates.
import { eventInput } from "../catalog.js";
import { pickerOf, withPicker } from "../queryRange.js";
import { rangePicker } from "../range.js";
import { labelled, savedNote } from "../formParts.js";
import { el, field, select } from "../ui.js";

const periods = [["day", "Day"], ["week", "Week"], ["month", "Month"]];
const types = [["first", "First time (new users)"], ["recurring", "Recurring (every period)"]];

/** The name of a start or return event: a string, {event, filters}, or null for any active event. */
export function eventName(value) {
  return typeof value === "string" ? value : value?.event ?? "";
}

function withEvent(previous, name) {
  if (previous && typeof previous === "object") {
    return { ...previous, event: name || null };
  }

  return name || null;
}

export function retentionBuilder(query, onchange) {
  if (query.id && !query.startEvent && !query.period) {
    return savedNote("retention", query.id);
  }

  const set = (changes) => onchange({ ...query, ...changes });
  const count = el("input", {
    type: "number", min: 1, max: 100, value: query.periods ?? 8, id: "retention-periods",
    onchange: (event) => {
      const value = Math.min(100, Math.max(1, Number.parseInt(event.target.value, 10) || 1));
      set({ periods: value });
    },
  });
  return el("form", { className: "panel retention-builder", onsubmit: (event) => event.preventDefault() },
    el("div", { className: "toolbar" },
      field("Start event", labelled("Start event", eventInput(eventName(query.startEvent), (name) => set({ startEvent: withEvent(query.startEvent, name) }), { placeholder: "any active event" }), "retention-start"), "empty: any active event"),
      field("Return event", labelled("Return event", eventInput(eventName(query.returnEvent), (name) => set({ returnEvent: withEvent(query.returnEvent, name) }), { placeholder: "any active event" }), "retention-return"), "empty: any active event")),
    el("div", { className: "toolbar" },
      field("Period", Object.assign(select(periods, query.period ?? "week", (period) => set({ period })), { id: "retention-period" })),
      field("Periods", count),
      field("Cohorts", Object.assign(select(types, query.type ?? "first", (type) => set({ type })), { id: "retention-type" })),
      rangePicker(pickerOf(query), (picker) => onchange(withPicker(query, picker)))));
}
