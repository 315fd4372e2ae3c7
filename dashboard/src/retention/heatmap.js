// The cohort table as a heat map: one row per cohort (start, size, then period 0..N-1 as a percentage of the size,
// the count in the title), the weighted average below. A period not finished yet is hatched and italic; a period not
// begun has no cell content. Cells carry data-value: counts in the rows, percentages in the average row.
import { el, formatNumber } from "../ui.js";

const percent = (value) => `${formatNumber(Math.round(value * 10) / 10)}%`;

export function cohortLabel(start, period) {
  const date = String(start).slice(0, period === "month" ? 7 : 10);
  return period === "week" ? `week of ${date}` : date;
}

/** Background for a percentage: the accent colour, stronger as more users came back (set through element.style). */
function shade(cell, pct) {
  const alpha = 0.06 + (Math.max(0, Math.min(100, pct)) / 100) * 0.84;
  cell.style.backgroundColor = `rgba(53, 89, 224, ${alpha.toFixed(3)})`;
  if (alpha > 0.5) {
    cell.classList.add("dark");
  }
}

export function heatmap(answer, query) {
  const periods = query.periods ?? Math.max(0, ...answer.cohorts.map((cohort) => cohort.values.length));
  const unit = query.period ?? "week";
  const headers = ["Cohort", "Users", ...Array.from({ length: periods }, (_, k) => `${unit[0].toUpperCase()}${unit.slice(1)} ${k}`)];
  const rows = answer.cohorts.map((cohort) => el("tr", {},
    el("th", { scope: "row" }, cohortLabel(cohort.start, unit)),
    el("td", { className: "num size", dataset: { value: String(cohort.size) } }, formatNumber(cohort.size)),
    Array.from({ length: periods }, (_, k) => {
      if (k >= cohort.values.length) {
        return el("td", { className: "absent", title: "This period has not begun." }, "");
      }

      const value = cohort.values[k];
      const pct = cohort.percentages?.[k] ?? (cohort.size ? (value * 100) / cohort.size : 0);
      const incomplete = k >= cohort.completePeriods;
      const cell = el("td", {
        className: `num heat${incomplete ? " incomplete" : ""}`,
        dataset: { value: String(value), period: String(k) },
        title: `${formatNumber(value)} of ${formatNumber(cohort.size)} users${incomplete ? " so far (still in progress)" : ""}`,
      }, cohort.size ? percent(pct) : "–");
      shade(cell, cohort.size ? pct : 0);
      return cell;
    })));
  const average = el("tr", { className: "average" },
    el("th", { scope: "row" }, "Average"),
    el("td", { className: "nil" }, ""),
    Array.from({ length: periods }, (_, k) => {
      const value = answer.average?.[k];
      if (value === null || value === undefined) {
        return el("td", { className: "nil", title: "No cohort has finished this period yet." }, "–");
      }

      const cell = el("td", { className: "num heat", dataset: { value: String(value), period: String(k) }, title: "weighted by cohort size" }, percent(value));
      shade(cell, value);
      return cell;
    }));
  return el("div", { className: "table-wrap" },
    el("table", { id: "retention-table", className: "heatmap" },
      el("caption", {}, "Share of each cohort that came back in each period."),
      el("thead", {}, el("tr", {}, headers.map((title) => el("th", { scope: "col" }, title)))),
      el("tbody", {}, rows),
      el("tfoot", {}, average)));
}

export function legend() {
  return el("p", { className: "heat-legend muted" },
    el("span", { className: "swatch low", "aria-hidden": "true" }), "few came back ",
    el("span", { className: "swatch high", "aria-hidden": "true" }), "many came back ",
    el("span", { className: "swatch incomplete-sample", "aria-hidden": "true" }), el("em", {}, "still in progress"), " (the period has not ended: the number can still grow)");
}
