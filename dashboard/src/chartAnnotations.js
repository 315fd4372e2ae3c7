// Annotations on time charts: a vertical marker per annotation (its text on hover, and listed under the chart for
// screen readers), and a small form to add one at the point a person clicks, or at a date chosen from the keyboard. Fetched once per view: the list is kept
// while the page's path stays the same, and an added annotation joins it.
import { addAnnotation, listAnnotations } from "./api.js";
import { el, errorBox, field } from "./ui.js";

const cache = new Map();

function viewAnnotations(scope) {
  const key = scope ?? "project";
  const kept = cache.get(key);
  if (kept && kept.path === location.pathname) {
    return kept.list;
  }

  const list = listAnnotations(scope).catch(() => []);
  cache.set(key, { path: location.pathname, list });
  return list;
}

/** The bucket an instant falls in: the last bucket starting at or before it, or null outside the chart's range. */
function bucketOf(times, t) {
  const at = Date.parse(t);
  const starts = times.map((time) => Date.parse(time));
  const step = starts.length > 1 ? starts[starts.length - 1] - starts[starts.length - 2] : 86_400_000;
  if (!starts.length || at < starts[0] || at >= starts[starts.length - 1] + step) {
    return null;
  }

  return starts.findLastIndex((start) => start <= at);
}

function markers(annotations, times) {
  const byBucket = new Map();
  for (const annotation of annotations) {
    const index = bucketOf(times, annotation.t);
    if (index !== null) {
      byBucket.set(index, [...(byBucket.get(index) ?? []), annotation.text]);
    }
  }

  return Object.fromEntries([...byBucket].map(([index, texts]) => [`annotation-${index}`, {
    type: "line",
    scaleID: "x",
    value: index,
    borderColor: "#6b6b6b",
    borderWidth: 2,
    borderDash: [4, 3],
    label: { display: false, content: texts, position: "start", backgroundColor: "rgba(40,40,40,0.85)", font: { size: 11 } },
    enter: ({ element }) => { element.label.options.display = true; return true; },
    leave: ({ element }) => { element.label.options.display = false; return true; },
  }]));
}

function shown(annotations, times) {
  return annotations.filter((annotation) => bucketOf(times, annotation.t) !== null);
}

/**
 * Puts the view's annotations on a chart and lets a click on a point add one. `times` are the buckets' start instants,
 * one per label; `scope` is a dashboard's (`dashboard:{id}`) on a dashboard page, else the project's.
 */
export function annotate(instance, box, { times, labels, scope }) {
  const list = el("ul", { className: "chart-annotations", "aria-label": "Annotations" });
  box.append(list);
  let annotations = [];

  function draw() {
    instance.options.plugins.annotation = { annotations: markers(annotations, times) };
    instance.update();
    list.replaceChildren(...shown(annotations, times).map((annotation) =>
      el("li", { title: annotation.t }, `${labels[bucketOf(times, annotation.t)]}: ${annotation.text}`)));
  }

  viewAnnotations(scope).then((found) => {
    annotations = found;
    if (instance.canvas) {
      draw();
    }
  });

  instance.options.onClick = (event, elements) => {
    const index = elements[0]?.index ?? instance.scales.x.getValueForPixel(event.x);
    if (index === undefined || index === null || !times[index]) {
      return;
    }

    openForm(index);
  };

  // The same form without a mouse: a button in the tab order, and the date picked from the chart's buckets.
  box.append(el("button", { type: "button", className: "secondary annotate-button", onclick: () => openForm(null) }, "Annotate a date"));

  /** The form for the bucket `at`, or with a choice of bucket (the newest selected) when `at` is null. */
  function openForm(at) {
    const date = at === null
      ? el("select", {}, labels.map((label, bucket) => el("option", { value: String(bucket), selected: bucket === labels.length - 1 }, label)))
      : null;
    const text = el("input", { type: "text", maxLength: 500, required: true });
    const where = scope ? el("select", {}, el("option", { value: "project" }, "Every chart"), el("option", { value: scope }, "This dashboard")) : null;
    const status = el("div", {});
    const form = el("form", {
      className: "annotation-form",
      "aria-label": "New annotation",
      onsubmit: async (submit) => {
        submit.preventDefault();
        try {
          const index = date ? Number(date.value) : at;
          const added = await addAnnotation({ t: times[index], text: text.value, scope: where?.value ?? "project" });
          annotations = [...annotations, added];
          viewAnnotations(scope).then((kept) => kept.push(added));
          form.remove();
          draw();
        } catch (error) {
          status.replaceChildren(errorBox(error));
        }
      },
    },
    date ? field("Date", date) : el("p", {}, `Annotate ${labels[at]}`),
    field("Annotation text", text),
    where ? field("Show on", where) : null,
    el("button", { type: "submit" }, "Add annotation"),
    el("button", { type: "button", onclick: () => form.remove() }, "Cancel"),
    status);
    box.querySelector(".annotation-form")?.remove();
    box.append(form);
    (date ?? text).focus();
  }
}
