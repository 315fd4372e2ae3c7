// The Insights state (what the address keeps in ?q=) and the trends request it stands for. The state keeps the
// person's choices (a preset like "last 7 days" stays relative); the body is what POST /api/query/trends receives.
import { addDays, browserZone, datesOf } from "../range.js";

export const measures = [
  ["count", "Total events"], ["uniques", "Unique users"], ["active", "Active users"],
  ["sum", "Sum of a property"], ["avg", "Average of a property"], ["min", "Minimum of a property"], ["max", "Maximum of a property"],
];

/** What a series is: an event (counted by the measure) or an imported metric (aggregated by its own agg). */
export const kinds = [["event", "Event"], ["metric", "Metric"]];

export const aggs = [["sum", "Sum"], ["avg", "Average"], ["min", "Minimum"], ["max", "Maximum"], ["last", "Last value"]];

export const intervals = [["minute", "Minute"], ["hour", "Hour"], ["day", "Day"], ["week", "Week"], ["month", "Month"], ["total", "Total"]];

export const ops = [
  ["eq", "equals"], ["neq", "does not equal"], ["contains", "contains"], ["gt", "greater than"], ["lt", "less than"],
  ["in", "is one of"], ["set", "is set"], ["notset", "is not set"],
];

export const scopes = [["event", "on the event"], ["user", "on the user"], ["session", "on the session"]];

export const views = [["line", "Line"], ["bar", "Bar"], ["number", "Big number"]];

export const fallbackState = {
  series: [{ event: "", filters: [] }],
  measure: "count",
  prop: "",
  range: { preset: "7d", from: "", to: "" },
  interval: "day",
  tz: "",
  breakdown: { prop: "", on: "event", limit: 10 },
  segment: "",
  compare: false,
  formula: "",
  view: "line",
};

/** The state from the address, completed with the defaults (a link may carry only {series: [{event}]}). */
export function normalize(state) {
  const merged = { ...structuredClone(fallbackState), ...state };
  merged.series = (Array.isArray(merged.series) && merged.series.length ? merged.series : fallbackState.series)
    .map((series) => (typeof series?.metric === "string"
      ? { event: "", filters: [], metric: series.metric, agg: series.agg || "sum" }
      : { event: series?.event ?? "", filters: Array.isArray(series?.filters) ? series.filters : [] }));
  merged.range = { ...fallbackState.range, ...merged.range };
  merged.breakdown = { ...fallbackState.breakdown, ...merged.breakdown };
  return merged;
}

export function needsProp(measure) {
  return ["sum", "avg", "min", "max"].includes(measure);
}

export function zoneOf(state) {
  return state.tz || browserZone();
}

export function letter(index) {
  return String.fromCharCode(65 + index);
}

function filterBody(filter) {
  const out = { prop: filter.prop, op: filter.op || "eq", on: filter.on || "event" };
  if (out.op === "set" || out.op === "notset") {
    return out;
  }

  const text = String(filter.value ?? "");
  if (out.op === "in") {
    out.value = text.split(",").map((part) => part.trim()).filter(Boolean);
  } else if ((out.op === "gt" || out.op === "lt") && text.trim() !== "" && Number.isFinite(Number(text))) {
    out.value = Number(text);
  } else {
    out.value = text;
  }

  return out;
}

export function isMetric(series) {
  return typeof series.metric === "string";
}

function seriesBody(item) {
  return isMetric(item)
    ? { metric: item.metric.trim(), agg: item.agg || "sum" }
    : { event: item.event.trim(), filters: item.filters.filter((filter) => filter.prop).map(filterBody) };
}

/** The trends body for the state (null while no series has an event or a metric yet). */
export function queryOf(state, { from, to } = {}) {
  const series = state.series.filter((item) => (isMetric(item) ? item.metric : item.event).trim() !== "");
  if (series.length === 0) {
    return null;
  }

  const zone = zoneOf(state);
  const dates = datesOf(state.range, zone);
  const body = {
    series: series.map(seriesBody),
    measure: state.measure,
    interval: state.interval,
    from: from ?? dates.from,
    to: to ?? dates.to,
    tz: zone,
  };
  if (needsProp(state.measure)) {
    body.prop = state.prop || null;
  }

  if (state.breakdown.prop) {
    body.breakdown = { prop: state.breakdown.prop, on: state.breakdown.on || "event", limit: Number(state.breakdown.limit) || 10 };
  }

  if (state.segment) {
    body.segment = state.segment;
  }

  if (state.formula.trim()) {
    body.formula = state.formula.trim();
  }

  return body;
}

function daysBetween(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

/** The same query over the preceding range of equal length (for "compare to the previous period"). */
export function previousOf(body) {
  const days = daysBetween(body.from, body.to);
  return { ...body, from: addDays(body.from, -days), to: body.from };
}

/** The state that shows a trends body (for tiles saved without their state). */
export function stateOf(body) {
  return normalize({
    series: body.series.map((item) => (typeof item.metric === "string" ? { metric: item.metric, agg: item.agg ?? "sum" } : {
      event: item.event,
      filters: (item.filters ?? []).map((filter) => ({ ...filter, value: Array.isArray(filter.value) ? filter.value.join(", ") : filter.value ?? "" })),
    })),
    measure: body.measure ?? "count",
    prop: body.prop ?? "",
    range: { preset: "custom", from: body.from, to: addDays(body.to, -1) },
    interval: body.interval ?? "day",
    tz: body.tz ?? "",
    breakdown: body.breakdown ?? fallbackState.breakdown,
    segment: typeof body.segment === "string" ? body.segment : "",
    formula: body.formula ?? "",
  });
}

export function curlOf(body) {
  return `curl -s ${window.location.origin}/api/query/trends -H "x-openmetrics-key: $KEY" -H "content-type: application/json" -d '${JSON.stringify(body).replaceAll("'", "'\\''")}'`;
}

export function sourceText(meta) {
  switch (meta?.source) {
    case "preaggregate": return "from pre-aggregates";
    case "raw": return "from raw events";
    case "snapshot": return "from a snapshot";
    case "metricPoints": return "from imported metric points";
    case "preaggregate+metricPoints": return "from pre-aggregates and imported metric points";
    case "raw+metricPoints": return "from raw events and imported metric points";
    default: return meta?.source ? `from ${meta.source}` : "";
  }
}
