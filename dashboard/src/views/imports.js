// Import: upload another tool's export (or our own NDJSON/CSV), then follow its progress as the aggregate app works
// through it in chunks: rows read, rows per second, events accepted, the refused rows with their lines. The figures
// are GET /api/imports/{id}'s, polled every second until the import is done or failed; past imports are listed below.
import { api } from "../api.js";
import { el, errorBox, field, formatNumber, table } from "../ui.js";

const POLL_MS = 1000;
const FORMATS = [
  ["openmetrics", "OpenMetrics (our v1 events plus sessionId or userId)"],
  ["mixpanel", "Mixpanel export"],
  ["amplitude", "Amplitude export"],
  ["posthog", "PostHog export"],
];

export async function renderImports(container, _params, signal) {
  const file = el("input", { type: "file", id: "import-file", accept: ".json,.ndjson,.jsonl,.csv,.gz,application/json,text/csv", required: true });
  const format = el("select", { id: "import-format" }, FORMATS.map(([value, text]) => el("option", { value }, text)));
  const progress = el("section", { id: "import-progress", "aria-live": "polite" });
  const past = el("section", { id: "imports-list" });
  const form = el("form", {
    className: "import-form",
    onsubmit: async (event) => {
      event.preventDefault();
      const chosen = file.files?.[0];
      if (!chosen) {
        return;
      }

      progress.replaceChildren(el("p", { className: "muted" }, `Uploading ${chosen.name}…`));
      try {
        const accepted = await api.upload(`/api/imports?format=${encodeURIComponent(format.value)}`, chosen);
        await follow(accepted.id);
      } catch (error) {
        progress.replaceChildren(errorBox(error));
      }
    },
  },
  field("File", file, "NDJSON, a JSON array, or CSV with a header row; .gz is sent compressed. One upload takes up to the server's size setting (64 MiB by default): send larger files with the CLI, which sends them in parts."),
  field("Format", format),
  el("button", { type: "submit", id: "import-start" }, "Import"));

  container.append(el("h1", {}, "Import"),
    el("p", {}, "Historical events from a file: each row keeps its own time, so past days' figures include it. A row already imported (same insert id) counts once."),
    form, progress, el("h2", {}, "Past imports"), past);

  async function follow(id) {
    const started = Date.now();
    while (!signal.aborted) {
      const status = await api.get(`/api/imports/${id}`);
      if (signal.aborted) {
        return;
      }

      progress.replaceChildren(...figures(status, (Date.now() - started) / 1000));
      if (status.state === "done" || status.state === "failed") {
        await listPast();
        return;
      }

      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  async function listPast() {
    try {
      const { imports } = await api.get("/api/imports");
      past.replaceChildren(imports.length === 0
        ? el("p", { className: "muted" }, "No import yet.")
        : table(["Started", "Format", "State", "Rows read", "Events accepted", "Rows refused"],
          imports.map((i) => [new Date(i.createdAt).toLocaleString(), i.format, i.state, i.rowsRead, i.eventsAccepted, i.rowsRefused])));
    } catch (error) {
      past.replaceChildren(errorBox(error));
    }
  }

  await listPast();
}

/** The figures of one import; rows per second over the time since processing started (or since the upload, while it waits). */
function figures(status, secondsSinceUpload) {
  const from = status.startedAt ? new Date(status.startedAt).getTime() : null;
  const to = status.finishedAt ? new Date(status.finishedAt).getTime() : Date.now();
  const seconds = from === null ? secondsSinceUpload : Math.max((to - from) / 1000, 0.001);
  const perSecond = status.rowsRead === 0 ? 0 : Math.round(status.rowsRead / seconds);
  return [
    el("p", {}, "State: ", el("strong", { id: "import-state", dataset: { value: status.state } }, status.state),
      ` (${formatNumber(status.chunksDone)} of ${formatNumber(status.chunks)} chunks)`),
    status.error ? el("p", { className: "error", role: "alert", id: "import-error" }, status.error) : null,
    el("div", { className: "figures" },
      big("import-rows", status.rowsRead, "rows read"),
      big("import-rate", perSecond, "rows per second"),
      big("import-events", status.eventsAccepted, "events accepted"),
      big("import-refused-count", status.rowsRefused, "rows refused")),
    status.refused.length === 0 ? null : el("div", {},
      el("h2", {}, status.rowsRefused > status.refused.length ? `Refused rows (the first ${status.refused.length})` : "Refused rows"),
      el("ol", { className: "event-list", id: "import-refused" }, status.refused.map((row) =>
        el("li", { dataset: { line: String(row.line) } }, el("strong", {}, `line ${row.line}`), " ", row.reason)))),
  ];
}

function big(id, value, label) {
  return el("div", { className: "big-number" }, el("span", { id, dataset: { value: String(value) } }, formatNumber(value)), el("small", {}, label));
}
