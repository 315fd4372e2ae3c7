// "Copy as API query": the exact request body a view sends, shown and copyable, so that the same numbers can be asked
// for with curl (or saved as a dashboard tile).
import { copyButton, el } from "./ui.js";

export function queryBox(id, path, query) {
  const text = JSON.stringify(query, null, 2);
  return el("details", { className: "api-query" },
    el("summary", {}, "API query"),
    el("p", { className: "muted" }, "POST ", el("code", {}, path), " with this body:"),
    el("pre", {}, el("code", { id }, text)));
}

export function copyQueryButton(query) {
  return copyButton("Copy as API query", () => JSON.stringify(query, null, 2));
}

/** "Computed at …, from a snapshot" from an answer's meta. */
export function computedLine(meta) {
  if (!meta) {
    return null;
  }

  const when = meta.computedAt ? new Date(meta.computedAt).toLocaleString() : "just now";
  const source = meta.source === "snapshot" ? "from a snapshot" : meta.source === "raw" ? "from the raw events" : `from ${meta.source}`;
  return el("p", { className: "muted computed", dataset: { source: meta.source ?? "" } }, `Computed at ${when}, ${source}`, meta.reason && meta.source === "snapshot" ? ` (${meta.reason})` : "", ".");
}
