import { el } from "../ui.js";

export function renderRetention(container) {
  container.append(el("h1", {}, "Retention"), el("p", {}, "Being built."));
}
