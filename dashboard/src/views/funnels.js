import { el } from "../ui.js";

export function renderFunnels(container) {
  container.append(el("h1", {}, "Funnels"), el("p", {}, "Being built."));
}
