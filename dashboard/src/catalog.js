// The catalog (/api/catalog): event names with counts and last seen, property keys per event, and the imported
// metrics' names, for the pickers' autocompletion. Fetched once per page load and shared by every view.
import { api } from "./api.js";
import { el } from "./ui.js";

let pending = null;

export function catalog() {
  pending ??= api.get("/api/catalog").catch((error) => {
    pending = null;
    throw error;
  });
  return pending;
}

/** A text input that suggests the catalog's event names (a native datalist: keyboard and screen readers work as usual). */
export function eventInput(value, onchange, { allowAny = false, placeholder = "event name" } = {}) {
  const listId = `events-${Math.random().toString(36).slice(2, 9)}`;
  const list = el("datalist", { id: listId });
  const input = el("input", { type: "text", value: value ?? "", placeholder, autocomplete: "off", spellcheck: false, className: "event-input" });
  input.setAttribute("list", listId);
  input.addEventListener("change", () => onchange(input.value.trim()));
  catalog().then((known) => {
    const names = known.events.map((event) => event.event);
    list.replaceChildren(...(allowAny ? ["*", ...names] : names).map((name) => el("option", { value: name })));
  }).catch(() => {});
  return el("span", { className: "event-picker" }, input, list);
}

/** A text input that suggests the imported metrics' names (the catalog's "metrics"). */
export function metricInput(value, onchange, { placeholder = "metric name" } = {}) {
  const listId = `metrics-${Math.random().toString(36).slice(2, 9)}`;
  const list = el("datalist", { id: listId });
  const input = el("input", { type: "text", value: value ?? "", placeholder, autocomplete: "off", spellcheck: false, className: "event-input" });
  input.setAttribute("list", listId);
  input.addEventListener("change", () => onchange(input.value.trim()));
  catalog().then((known) => {
    list.replaceChildren(...(known.metrics ?? []).map((name) => el("option", { value: name })));
  }).catch(() => {});
  return el("span", { className: "event-picker" }, input, list);
}

/** A text input that suggests the property keys seen on the given events (all events when none). */
export function propInput(value, events, onchange, placeholder = "property") {
  const listId = `props-${Math.random().toString(36).slice(2, 9)}`;
  const list = el("datalist", { id: listId });
  const input = el("input", { type: "text", value: value ?? "", placeholder, autocomplete: "off", spellcheck: false });
  input.setAttribute("list", listId);
  input.addEventListener("change", () => onchange(input.value.trim()));
  catalog().then((known) => {
    const keys = new Set(known.events.filter((event) => !events?.length || events.includes(event.event)).flatMap((event) => event.props ?? []));
    list.replaceChildren(...[...keys].sort().map((key) => el("option", { value: key })));
  }).catch(() => {});
  return el("span", { className: "prop-picker" }, input, list);
}
