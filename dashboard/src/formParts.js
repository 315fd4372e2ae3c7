// Small pieces the query forms share: an accessible name for a catalog picker's input, and the note a saved
// definition ({id} alone) shows instead of a form.
import { el } from "./ui.js";

/** A body that is only {id} is a saved funnel or retention: its snapshot is shown, there is nothing to edit here. */
export function savedNote(kind, id) {
  return el("p", { className: "panel" }, `Saved ${kind} `, el("code", {}, id), ": the numbers are its latest snapshot.");
}

/** Gives an event or property picker's input an accessible name. */
export function labelled(label, picker, id) {
  const input = picker.querySelector("input");
  input?.setAttribute("aria-label", label);
  if (input && id) {
    input.id = id;
  }

  return picker;
}

/** Redraws a form and puts the focus back on the control (by id) that had it, so a keyboard user keeps their place. */
export function redraw(slot, form) {
  const focused = slot.contains(document.activeElement) ? document.activeElement.id : "";
  slot.replaceChildren(form);
  if (focused) {
    document.getElementById(focused)?.focus();
  }
}
