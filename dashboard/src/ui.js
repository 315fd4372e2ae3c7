// Small DOM helpers shared by the views: building elements, loading and error states in plain words, tables, user
// links, copy buttons and downloads. No framework: each view redraws its part when its state changes.

/** el("div", {className: "x", onclick: f}, child, "text", …): an element with properties and children. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }

    if (name.startsWith("on") && typeof value === "function") {
      node.addEventListener(name.slice(2), value);
    } else if (name === "dataset") {
      Object.assign(node.dataset, value);
    } else if (name in node && !name.includes("-")) {
      node[name] = value;
    } else {
      node.setAttribute(name, value === true ? "" : value);
    }
  }

  node.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

/** Shows "Loading…" in a slot while a promise runs, then what render(result) returns, or the error in plain words. */
export async function load(slot, promise, render, signal) {
  slot.replaceChildren(el("p", { className: "loading", role: "status" }, "Loading…"));
  slot.setAttribute("aria-busy", "true");
  try {
    const result = await promise;
    if (signal?.aborted) {
      return undefined;
    }

    slot.replaceChildren(...[render(result)].flat().filter(Boolean));
    return result;
  } catch (error) {
    if (!signal?.aborted) {
      slot.replaceChildren(errorBox(error));
    }

    return undefined;
  } finally {
    slot.removeAttribute("aria-busy");
  }
}

export function errorBox(error) {
  return el("p", { className: "error", role: "alert" }, error?.message ?? String(error));
}

/** A link to a user's profile: every user id in the app goes through here. */
export function userLink(userId) {
  return el("a", { href: `/people/${encodeURIComponent(userId)}`, className: "user", dataset: { user: userId } }, userId);
}

/** A table from column titles and rows of cells (strings, numbers or nodes); numbers are formatted and right-aligned. */
export function table(columns, rows, caption) {
  return el("div", { className: "table-wrap" },
    el("table", {},
      caption ? el("caption", {}, caption) : null,
      el("thead", {}, el("tr", {}, columns.map((title) => el("th", { scope: "col" }, title)))),
      el("tbody", {}, rows.map((row) => el("tr", {}, row.map((cell) => typeof cell === "number"
        ? el("td", { className: "num", dataset: { value: String(cell) } }, formatNumber(cell))
        : el("td", {}, cell ?? "")))))));
}

export function formatNumber(value) {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return "–";
  }

  return Number.isInteger(value) ? value.toLocaleString("en-US") : value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

export function formatDuration(seconds) {
  if (seconds === null || seconds === undefined) {
    return "–";
  }

  if (seconds < 60) {
    return `${Math.round(seconds)} s`;
  }

  if (seconds < 3600) {
    return `${Math.round(seconds / 60)} min`;
  }

  if (seconds < 86400) {
    return `${(seconds / 3600).toFixed(1)} h`;
  }

  return `${(seconds / 86400).toFixed(1)} days`;
}

/** A button that copies text and says so. */
export function copyButton(label, text) {
  const button = el("button", { type: "button", className: "secondary" }, label);
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(typeof text === "function" ? text() : text);
      button.textContent = "Copied";
    } catch {
      button.textContent = "Copy failed: select the text instead";
    }

    setTimeout(() => { button.textContent = label; }, 2000);
  });
  return button;
}

/** Offers rows as a CSV file download. */
export function downloadCsv(filename, columns, rows) {
  const quote = (value) => {
    const text = value === null || value === undefined ? "" : String(value);
    return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const csv = [columns, ...rows].map((row) => row.map(quote).join(",")).join("\n") + "\n";
  const link = el("a", { href: URL.createObjectURL(new Blob([csv], { type: "text/csv" })), download: filename });
  document.body.append(link);
  link.click();
  link.remove();
}

/** A labelled form control. */
export function field(label, control, hint) {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  return el("div", { className: "field" }, el("label", { htmlFor: id }, label), control, hint ? el("small", {}, hint) : null);
}

export function select(options, value, onchange) {
  return el("select", { onchange: (event) => onchange(event.target.value) },
    options.map(([optionValue, text]) => el("option", { value: optionValue, selected: optionValue === value }, text)));
}
