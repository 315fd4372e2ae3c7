// Getting started: the ingest URL and copy-paste snippets (curl and the browser _om snippet), shown on the home page
// until the first event arrives, and always at /start.
import { api } from "../api.js";
import { copyButton, el } from "../ui.js";

/** Where the logging API answers: this origin on the local host; the ingest app's URL in Azure (from /api/settings when served). */
async function ingestUrl() {
  try {
    const settings = await api.get("/api/settings");
    return settings?.ingestUrl || window.location.origin;
  } catch {
    return window.location.origin;
  }
}

export async function renderStart(container) {
  const origin = await ingestUrl();
  const curl = `curl -X POST "${origin}/v1/events" -H "Content-Type: application/json" -d '{"sessionId":"s1","events":[{"name":"signup"}]}'`;
  const snippet = `<script>
  window._om = window._om || [];
  window.openMetricUrl = "${origin}";
  _om.push(['event', 'page viewed', { path: location.pathname }]);
</script>
<script async src="${origin}/apis/javascript/client.js"></script>`;
  const status = el("strong", { id: "status" }, "being checked…");
  container.append(el("section", { className: "start" },
    el("h1", {}, "Send your first event"),
    el("p", {}, "No event has arrived in the last 30 days. As soon as one does, this page shows your dashboard. The logging API at ", el("code", { id: "ingest-url" }, origin), " is ", status, "."),
    el("h2", {}, "From a terminal"),
    el("pre", {}, el("code", { id: "curl" }, curl)),
    copyButton("Copy the curl command", curl),
    el("h2", {}, "From a web page"),
    el("p", {}, "Paste this into the <head> of your pages:"),
    el("pre", {}, el("code", { id: "snippet" }, snippet)),
    copyButton("Copy the snippet", snippet),
    el("p", {}, "Then, anywhere in the page: ", el("code", {}, "_om.push(['setUserId', 'user-42'])"), ", ", el("code", {}, "_om.push(['event', 'signup', { plan: 'pro' }])"), ".")));
  try {
    const response = await fetch(`${origin}/v1/ping`);
    const text = await response.text();
    status.textContent = text === "pong" ? "up" : `answering "${text}"`;
    status.className = text === "pong" ? "up" : "down";
  } catch {
    status.textContent = "not reachable from this page";
    status.className = "down";
  }
}
