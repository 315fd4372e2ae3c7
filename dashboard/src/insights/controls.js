// The Insights query builder: series (A, B, …) with their filters, the measure, dates, interval, breakdown, segment,
// time zone, comparison, formula and view. Every control calls change(mutate, redraw): mutate edits the state, and
// redraw (adding or removing a row, a measure that needs a property) rebuilds the controls.
import { api } from "../api.js";
import { eventInput, metricInput, propInput } from "../catalog.js";
import { browserZone, rangePicker } from "../range.js";
import { el, field, select } from "../ui.js";
import { aggs, intervals, isMetric, kinds, letter, measures, needsProp, ops, scopes, views } from "./query.js";

const DEBOUNCE_MS = 400;

/** A text input that reports its value a moment after the typing stops (and at once on Enter or leaving it). */
function debouncedInput(value, onchange, props = {}) {
  let timer = null;
  const input = el("input", { type: "text", value: value ?? "", autocomplete: "off", spellcheck: false, ...props });
  const report = () => {
    clearTimeout(timer);
    onchange(input.value);
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(report, DEBOUNCE_MS);
  });
  input.addEventListener("change", report);
  return input;
}

/** Marks a control with the API field it stands for, so that a 400 naming that field shows next to it. */
function at(fieldName, node) {
  node.dataset.field = fieldName;
  return node;
}

/** A labelled autocomplete picker (the label points at the picker's input). */
function labelled(label, picker) {
  const input = picker.querySelector("input");
  input.id ||= `f-${Math.random().toString(36).slice(2, 9)}`;
  return el("div", { className: "field" }, el("label", { htmlFor: input.id }, label), picker);
}

function filterRow(state, seriesIndex, filterIndex, change) {
  const filter = state.series[seriesIndex].filters[filterIndex];
  const events = [state.series[seriesIndex].event].filter(Boolean);
  const noValue = filter.op === "set" || filter.op === "notset";
  const name = `${letter(seriesIndex)} filter ${filterIndex + 1}`;
  const prop = propInput(filter.prop, filter.on === "event" || !filter.on ? events : [], (value) => change((s) => { s.series[seriesIndex].filters[filterIndex].prop = value; }), "property");
  prop.querySelector("input").setAttribute("aria-label", `${name}: property`);
  const op = select(ops, filter.op || "eq", (value) => change((s) => { s.series[seriesIndex].filters[filterIndex].op = value; }, true));
  op.setAttribute("aria-label", `${name}: operator`);
  const scope = select(scopes, filter.on || "event", (value) => change((s) => { s.series[seriesIndex].filters[filterIndex].on = value; }));
  scope.setAttribute("aria-label", `${name}: property of`);
  const value = noValue ? null : debouncedInput(filter.value, (text) => change((s) => { s.series[seriesIndex].filters[filterIndex].value = text; }),
    { placeholder: filter.op === "in" ? "a, b, c" : "value", "aria-label": `${name}: value` });
  return at(`series[${seriesIndex}].filters[${filterIndex}]`, el("div", { className: "filter-row" },
    el("span", { className: "muted" }, "where"), prop, op, value, scope,
    el("button", { type: "button", className: "link", "aria-label": `Remove ${name}`, onclick: () => change((s) => { s.series[seriesIndex].filters.splice(filterIndex, 1); }, true) }, "remove")));
}

/** An imported metric instead of an event: its name (from the catalog's metrics) and how its buckets aggregate. */
function metricParts(series, index, change) {
  const picker = metricInput(series.metric, (value) => change((s) => { s.series[index].metric = value; }));
  const input = picker.querySelector("input");
  input.setAttribute("aria-label", `Series ${letter(index)}: metric`);
  input.dataset.series = letter(index);
  const agg = select(aggs, series.agg || "sum", (value) => change((s) => { s.series[index].agg = value; }));
  agg.setAttribute("aria-label", `Series ${letter(index)}: aggregation`);
  return [at(`series[${index}].metric`, picker), at(`series[${index}].agg`, agg)];
}

function seriesRow(state, index, change) {
  const series = state.series[index];
  const kind = select(kinds, isMetric(series) ? "metric" : "event", (value) => change((s) => {
    s.series[index] = value === "metric" ? { event: "", filters: [], metric: "", agg: "sum" } : { event: "", filters: [] };
  }, true));
  kind.setAttribute("aria-label", `Series ${letter(index)}: kind`);
  let parts;
  if (isMetric(series)) {
    parts = metricParts(series, index, change);
  } else {
    const picker = eventInput(series.event, (value) => change((s) => { s.series[index].event = value; }), { allowAny: true });
    const input = picker.querySelector("input");
    input.setAttribute("aria-label", `Series ${letter(index)}: event`);
    input.dataset.series = letter(index);
    parts = [at(`series[${index}].event`, picker),
      el("button", { type: "button", className: "secondary", "aria-label": `Add a filter to series ${letter(index)}`, onclick: () => change((s) => { s.series[index].filters.push({ prop: "", op: "eq", value: "", on: "event" }); }, true) }, "Add filter")];
  }

  return at(`series[${index}]`, el("li", { className: "series-row" },
    el("div", { className: "series-head" },
      el("span", { className: "letter", "aria-hidden": "true" }, letter(index)),
      kind,
      ...parts,
      state.series.length > 1
        ? el("button", { type: "button", className: "link", "aria-label": `Remove series ${letter(index)}`, onclick: () => change((s) => { s.series.splice(index, 1); }, true) }, "remove")
        : null),
    series.filters.length ? el("div", { className: "filters" }, series.filters.map((_, filterIndex) => filterRow(state, index, filterIndex, change))) : null));
}

/** Saved segments for the segment picker (fetched once per page load). */
let segments = null;
function savedSegments() {
  segments ??= api.get("/api/segments").then((answer) => answer?.segments ?? []).catch(() => {
    segments = null;
    return [];
  });
  return segments;
}

export function renderControls(state, change) {
  const events = state.series.map((series) => series.event).filter(Boolean);
  const measureSelect = select(measures, state.measure, (value) => change((s) => { s.measure = value; }, true));
  measureSelect.id = "insight-measure";
  const measure = at("measure", field("Measure", measureSelect));
  const prop = needsProp(state.measure)
    ? at("prop", labelled("Of property", propInput(state.prop, events, (value) => change((s) => { s.prop = value; }), "numeric property")))
    : null;

  const segmentSelect = select([["", "Everyone"]], state.segment, (value) => change((s) => { s.segment = value; }));
  savedSegments().then((list) => {
    segmentSelect.append(...list.map((segment) => el("option", { value: segment.id, selected: segment.id === state.segment }, segment.name || segment.id)));
    if (state.segment && !list.some((segment) => segment.id === state.segment)) {
      segmentSelect.append(el("option", { value: state.segment, selected: true }, state.segment));
    }
  });

  const zone = debouncedInput(state.tz || browserZone(), (value) => change((s) => { s.tz = value.trim() === browserZone() ? "" : value.trim(); }), { id: "insight-tz" });
  const breakdownProp = propInput(state.breakdown.prop, state.breakdown.on === "event" ? events : [], (value) => change((s) => { s.breakdown.prop = value; }), "none");
  const limit = debouncedInput(String(state.breakdown.limit ?? 10), (value) => change((s) => { s.breakdown.limit = Number.parseInt(value, 10) || 10; }), { type: "number", min: "1", max: "100", inputMode: "numeric" });
  const formula = debouncedInput(state.formula, (value) => change((s) => { s.formula = value; }), { placeholder: "e.g. B / A * 100", id: "insight-formula" });
  const compare = el("input", { type: "checkbox", id: "insight-compare", checked: state.compare, onchange: (event) => change((s) => { s.compare = event.target.checked; }) });

  return el("div", { className: "insight-controls panel" },
    el("h2", {}, "Events and metrics"),
    el("ol", { className: "series-list" }, state.series.map((_, index) => seriesRow(state, index, change))),
    el("div", { className: "toolbar" },
      state.series.length < 10
        ? el("button", { type: "button", className: "secondary", id: "add-series", onclick: () => change((s) => { s.series.push({ event: "", filters: [] }); }, true) }, `Add series ${letter(state.series.length)}`)
        : null),
    el("div", { className: "control-row" },
      measure,
      prop,
      at("from", el("span", {}, rangePicker(state.range, (range) => change((s) => { s.range = range; }, true)))),
      at("interval", field("Interval", select(intervals, state.interval, (value) => change((s) => { s.interval = value; })))),
      at("tz", field("Time zone", zone))),
    el("div", { className: "control-row" },
      at("breakdown", labelled("Breakdown by", breakdownProp)),
      at("breakdown.on", field("Breakdown property of", select(scopes, state.breakdown.on, (value) => change((s) => { s.breakdown.on = value; }, true)))),
      at("breakdown.limit", field("Top values", limit)),
      at("segment", field("Segment", segmentSelect)),
      at("formula", field("Formula", formula, "letters of the series")),
      el("div", { className: "field checkbox" }, el("label", { htmlFor: "insight-compare" }, compare, " Compare to the previous period")),
      field("View", select(views, state.view, (value) => change((s) => { s.view = value; })))));
}
