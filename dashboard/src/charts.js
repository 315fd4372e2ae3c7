// Charts through Chart.js (bundled from npm at build time; nothing loads from a CDN). Only the pieces used are
// registered, which keeps the bundle small. Each chart gets its data as numbers, never as drawing instructions.
import {
  BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
} from "chart.js";
import annotationPlugin from "chartjs-plugin-annotation";
import { annotate } from "./chartAnnotations.js";
import { el } from "./ui.js";

Chart.register(BarController, BarElement, CategoryScale, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, annotationPlugin);

const palette = ["#3559e0", "#e0663a", "#1f9d6b", "#b8399b", "#d4a72c", "#2aa0c4", "#7a5cd6", "#c2413b", "#5f8f2e", "#8a6d3b", "#888888"];

export function colorOf(index) {
  return palette[index % palette.length];
}

/**
 * A line or bar chart: labels along the x axis and one dataset per line. Returns the element to place; the chart is
 * destroyed when the signal aborts (the person left the view). A time chart passes `times`, the start instant of each
 * label's bucket: it then shows the annotations (a dashboard's too with `annotationScope`) and a click adds one.
 */
export function chart({ type = "line", labels, datasets, stacked = false, horizontal = false, percent = false, signal, label, times, annotationScope }) {
  const canvas = el("canvas", { role: "img", "aria-label": label ?? "chart" });
  const box = el("div", { className: "chart" }, canvas);
  const instance = new Chart(canvas, {
    type,
    data: {
      labels,
      datasets: datasets.map((set, index) => ({
        label: set.label,
        data: set.data,
        borderColor: set.color ?? colorOf(index),
        backgroundColor: set.background ?? (type === "bar" ? set.color ?? colorOf(index) : "transparent"),
        borderWidth: 2,
        pointRadius: labels.length > 60 ? 0 : 3,
        tension: 0, // straight segments: a curve would draw values between buckets that no bucket has
        stack: set.stack,
        borderDash: set.dash,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: horizontal ? "y" : "x",
      interaction: { mode: "index", intersect: false },
      plugins: { legend: { display: datasets.length > 1, position: "bottom" } },
      scales: {
        x: { stacked, ticks: { maxRotation: 0, autoSkip: true } },
        y: { stacked, beginAtZero: true, ticks: percent ? { callback: (value) => `${value}%` } : { precision: 0 } },
      },
    },
  });
  if (times?.length) {
    annotate(instance, box, { times, labels, scope: annotationScope });
  }

  signal?.addEventListener("abort", () => instance.destroy());
  return box;
}
