// Saving a view to a dashboard: addTile(tile) asks which dashboard (an existing one or a new name) in a small dialog,
// appends the tile {kind: "insight" | "funnel" | "retention", title, query} and saves the dashboard. Any view can
// call it; it resolves to the saved dashboard, or null when the person cancels.
import { api } from "./api.js";
import { el, errorBox } from "./ui.js";

const NEW = "";

/** Appends a tile to a dashboard (the whole dashboard is PUT back, as the API stores whole items). */
export async function appendTile(id, tile) {
  const dashboard = await api.get(`/api/dashboards/${encodeURIComponent(id)}`);
  return saveDashboard({ ...dashboard, tiles: [...(dashboard.tiles ?? []), tile] });
}

/** PUTs a dashboard without the fields the server sets itself. */
export function saveDashboard(dashboard) {
  const { id, createdAt: _created, updatedAt: _updated, ...rest } = dashboard;
  return api.put(`/api/dashboards/${encodeURIComponent(id)}`, rest);
}

export function addTile(tile) {
  return new Promise((resolve) => {
    const choice = el("select", { id: "tile-dashboard" }, el("option", { value: NEW }, "A new dashboard…"));
    const name = el("input", { type: "text", id: "tile-new-name", autocomplete: "off", placeholder: "Dashboard name", required: true });
    const title = el("input", { type: "text", id: "tile-title", autocomplete: "off", value: tile.title ?? "" });
    const nameField = el("div", { className: "field" }, el("label", { htmlFor: "tile-new-name" }, "New dashboard name"), name);
    const message = el("div", { role: "alert" });
    const saveButton = el("button", { type: "submit", id: "tile-save" }, "Save");
    const dialog = el("dialog", { className: "tile-dialog", "aria-labelledby": "tile-dialog-title" });
    let result = null;

    const form = el("form", {
      method: "dialog",
      onsubmit: async (event) => {
        event.preventDefault();
        message.replaceChildren();
        const finalTile = { ...tile, title: title.value.trim() || tile.title || "Untitled" };
        saveButton.disabled = true;
        try {
          if (choice.value === NEW) {
            if (!name.value.trim()) {
              message.replaceChildren(errorBox(new Error("Give the new dashboard a name.")));
              name.focus();
              return;
            }

            result = await api.post("/api/dashboards", { name: name.value.trim(), tiles: [finalTile] });
          } else {
            result = await appendTile(choice.value, finalTile);
          }

          dialog.close();
        } catch (error) {
          message.replaceChildren(errorBox(error));
        } finally {
          saveButton.disabled = false;
        }
      },
    },
    el("h2", { id: "tile-dialog-title" }, "Save to a dashboard"),
    el("div", { className: "field" }, el("label", { htmlFor: "tile-title" }, "Tile title"), title),
    el("div", { className: "field" }, el("label", { htmlFor: "tile-dashboard" }, "Dashboard"), choice),
    nameField,
    message,
    el("div", { className: "toolbar" }, saveButton, el("button", { type: "button", className: "secondary", onclick: () => dialog.close() }, "Cancel")));

    choice.addEventListener("change", () => {
      nameField.hidden = choice.value !== NEW;
      name.required = choice.value === NEW;
    });
    dialog.append(form);
    dialog.addEventListener("close", () => {
      dialog.remove();
      resolve(result);
    });
    document.body.append(dialog);
    dialog.showModal();
    name.focus();

    api.get("/api/dashboards").then((answer) => {
      const list = answer?.dashboards ?? [];
      choice.append(...list.map((dashboard) => el("option", { value: dashboard.id }, dashboard.name)));
    }).catch((error) => message.replaceChildren(errorBox(error)));
  });
}

/** A "Save to dashboard" button for a funnel or retention view: saves {kind, title, query} through addTile. */
export function saveTileButton(kind, title, query) {
  const button = el("button", { type: "button", className: "secondary save-tile" }, "Save to dashboard");
  button.addEventListener("click", async () => {
    const saved = await addTile({ kind, title: title(), query });
    if (saved) {
      button.textContent = `Saved to ${saved.name}`;
    }
  });
  return button;
}
