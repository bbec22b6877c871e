/** Notification settings: per-type toggles with sound and popup, quiet hours with a time picker, room subscriptions. */
import type { Context, Page } from "../app.js";
import { h, replace, toast } from "../dom.js";

interface TypeSetting { type: string; enabled: boolean; sound: boolean; popup: boolean }
interface QuietHours { start: string; end: string; timeZone: string; weekdays?: string[] }
interface Settings { types: TypeSetting[]; quietHours?: QuietHours | null }

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

function render(context: Context, root: HTMLElement): void {
  const types = h("tbody");
  const quiet = h("fieldset", { class: "card" });
  const rooms = h("ul", { id: "rooms" });
  const roomInput = h("input", { type: "text", id: "room", "aria-label": "Room", placeholder: "e.g. dept:cardiology" });
  root.append(
    h("h2", {}, "Notification types"),
    h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "Type"), h("th", {}, "On"), h("th", {}, "Sound"), h("th", {}, "Popup"))), types),
    h("h2", {}, "Quiet hours"), quiet,
    h("div", { class: "toolbar" }, h("button", { class: "button", type: "button", id: "save-settings", onclick: () => void save() }, "Save settings")),
    h("h2", {}, "Room subscriptions"), rooms,
    h("div", { class: "toolbar" }, roomInput, h("button", { class: "button secondary", type: "button", onclick: () => void subscribe() }, "Subscribe")));

  let settings: Settings;

  async function load(): Promise<void> {
    settings = await context.client.api<Settings>("/api/v1/me/notification-settings");
    replace(types, ...settings.types.map((setting) => h("tr", { "data-type": setting.type }, h("td", {}, setting.type),
      ...(["enabled", "sound", "popup"] as const).map((field) => h("td", {}, h("input", {
        type: "checkbox", "aria-label": `${setting.type} ${field}`, "data-field": field, checked: setting[field],
        onchange: (event: Event) => (setting[field] = (event.target as HTMLInputElement).checked),
      }))))));
    const hours = settings.quietHours;
    replace(quiet,
      h("label", { class: "row" }, h("input", { type: "checkbox", id: "quiet-on", checked: Boolean(hours) }), "Quiet hours on"),
      h("div", { class: "row" },
        h("label", { class: "row" }, "From", h("input", { type: "time", id: "quiet-start", value: hours?.start ?? "22:00" })),
        h("label", { class: "row" }, "to", h("input", { type: "time", id: "quiet-end", value: hours?.end ?? "07:00" })),
        h("label", { class: "row" }, "Time zone", h("input", { type: "text", id: "quiet-zone",
          value: hours?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone }))),
      h("div", { class: "row" }, ...WEEKDAYS.map((day) => h("label", { class: "row" },
        h("input", { type: "checkbox", "data-weekday": day, checked: !hours?.weekdays || hours.weekdays.includes(day) }), day))));
    await loadRooms();
  }

  async function loadRooms(): Promise<void> {
    const subscribed = await context.client.api<{ rooms: string[] }>("/api/v1/me/subscriptions");
    replace(rooms, ...subscribed.rooms.map((room) => h("li", { class: "row" }, room,
      h("button", { class: "link", type: "button", onclick: () => void unsubscribe(room) }, "Unsubscribe"))));
    if (subscribed.rooms.length === 0) {
      rooms.append(h("li", { class: "muted" }, "No rooms."));
    }
  }

  async function save(): Promise<void> {
    const on = (quiet.querySelector("#quiet-on") as HTMLInputElement).checked;
    const value = (id: string) => (quiet.querySelector(id) as HTMLInputElement).value;
    const weekdays = [...quiet.querySelectorAll<HTMLInputElement>("[data-weekday]")].filter((box) => box.checked)
      .map((box) => box.dataset.weekday!);
    try {
      await context.client.api("/api/v1/me/notification-settings", {
        method: "PUT",
        body: { types: settings.types, quietHours: on ? { start: value("#quiet-start"), end: value("#quiet-end"),
          timeZone: value("#quiet-zone"), ...(weekdays.length < 7 ? { weekdays } : {}) } : null },
      });
      toast("Settings saved.");
    } catch (error) {
      toast(`Not saved: ${(error as Error).message}`, true);
    }
  }

  async function subscribe(): Promise<void> {
    const room = roomInput.value; // rooms compare exactly: sent as typed
    if (room === "") {
      return;
    }
    const result = await context.client.api<{ refused: { room: string; message: string }[] }>("/api/v1/me/subscriptions",
      { body: { rooms: [room] } });
    if (result.refused.length > 0) {
      toast(`Refused: ${result.refused[0].message}`, true);
    }
    roomInput.value = "";
    await loadRooms();
  }

  async function unsubscribe(room: string): Promise<void> {
    await context.client.api(`/api/v1/me/subscriptions?room=${encodeURIComponent(room)}`, { method: "DELETE" });
    await loadRooms();
  }

  void load();
}

export const settingsPage: Page = { id: "settings", title: "Settings", roles: [], render };
