// Small pieces the query forms share: an accessible name for a catalog picker's input, and the note a saved
// definition ({id} alone) shows instead of a form.
import { el } from "./ui.js";

/** A body that is only {id} is a saved funnel or retention: its snapshot is shown, there is nothing to edit here. */
export function savedNote(kind, id) {
  return el("p", { className: "panel" }, `Saved ${kind} `, el("code", {}, id), ": the numbers are its latest snapshot.");
}

/** Gives an event or property picker's input an accessible name. */
export function labelled(label, picker) {
  picker.querySelector("input")?.setAttribute("aria-label", label);
  return picker;
}
