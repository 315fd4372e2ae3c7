// How people's dates and properties read in lists: local date and time, and a few props as "key: value".
import { el } from "../ui.js";

export function when(iso) {
  return iso ? el("time", { dateTime: iso }, new Date(iso).toLocaleString()) : "–";
}

export function propText(value) {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The first few properties as small "key: value" chips; the rest counted. */
export function propChips(props, max = 3) {
  const entries = Object.entries(props ?? {});
  if (entries.length === 0) {
    return el("span", { className: "muted" }, "–");
  }

  return el("span", { className: "props" },
    entries.slice(0, max).map(([key, value]) => el("code", {}, `${key}: ${propText(value)}`)),
    entries.length > max ? el("span", { className: "muted" }, ` +${entries.length - max}`) : null);
}
