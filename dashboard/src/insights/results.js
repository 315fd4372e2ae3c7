// The answer of a trends query drawn three ways (line, bar, big numbers), with one table row per line and the CSV
// of the same rows. The previous period, when asked, is drawn dashed and listed as extra "(previous)" lines.
import { chart, colorOf } from "../charts.js";
import { el, formatNumber, table } from "../ui.js";

/** A bucket's start as a short label for the interval (the answer's t carries the query zone's offset). */
export function bucketLabel(t, interval) {
  const date = t.slice(0, 10);
  switch (interval) {
    case "minute":
    case "hour": return `${date} ${t.slice(11, 16)}`;
    case "month": return t.slice(0, 7);
    case "total": return "Total";
    default: return date;
  }
}

/** The lines to show: the answer's, then the previous period's with "(previous)". */
export function linesOf(answer, previous) {
  const lines = answer.series.map((line) => ({ ...line, previous: false }));
  if (previous) {
    lines.push(...previous.series.map((line) => ({ ...line, label: `${line.label} (previous)`, previous: true })));
  }

  return lines;
}

function breakdownText(line, hasBreakdown) {
  if (!hasBreakdown) {
    return "";
  }

  return line.breakdownValue === null ? "(not set)" : String(line.breakdownValue);
}

function cell(value) {
  return typeof value === "number" ? value : "–";
}

/** Column titles and rows (label, breakdown value, each bucket, total) for the table and the CSV. */
export function rowsOf(answer, lines, hasBreakdown) {
  const first = answer.series[0];
  const buckets = (first?.points ?? []).map((point) => bucketLabel(point.t, answer.meta?.interval));
  const columns = ["Line", "Breakdown", ...buckets, "Total"];
  const rows = lines.map((line) => [line.label, breakdownText(line, hasBreakdown), ...buckets.map((_, index) => cell(line.points[index]?.v)), cell(line.total)]);
  return { columns, rows };
}

export function renderTable(answer, lines, hasBreakdown) {
  const { columns, rows } = rowsOf(answer, lines, hasBreakdown);
  const wrap = table(columns, rows, "One row per line: each bucket's value and the total over the range.");
  wrap.id = "insight-table";
  return wrap;
}

export function renderChart(answer, lines, type, signal) {
  const first = answer.series[0];
  const labels = (first?.points ?? []).map((point) => bucketLabel(point.t, answer.meta?.interval));
  const current = lines.filter((line) => !line.previous).length;
  const box = chart({
    type,
    labels,
    datasets: lines.map((line, index) => {
      const color = colorOf(line.previous ? index - current : index);
      return {
        label: line.label,
        data: labels.map((_, at) => line.points[at]?.v ?? null),
        color,
        dash: line.previous ? [6, 4] : undefined,
        background: line.previous && type === "bar" ? `${color}66` : undefined,
      };
    }),
    signal,
    label: `Trend of ${lines.map((line) => line.label).join(", ")}`,
    times: (first?.points ?? []).map((point) => point.t),
  });
  box.id = "insight-chart";
  return box;
}

export function renderNumbers(lines, hasBreakdown) {
  return el("div", { className: "figures", id: "insight-numbers" }, lines.map((line) => el("div", { className: "big-number" },
    el("span", { dataset: typeof line.total === "number" ? { value: String(line.total) } : {} }, formatNumber(line.total)),
    el("small", {}, hasBreakdown ? `${line.label}: ${breakdownText(line, true)}` : line.label))));
}
