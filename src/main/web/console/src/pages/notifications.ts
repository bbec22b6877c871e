/**
 * The notification center: live cards with priority badges, filters, mark read and archive, history paging;
 * a notification waiting for the user's acknowledgement stands out with an Acknowledge button.
 */
import type { Notification } from "@careline/client";
import type { Context, Page } from "../app.js";
import { h, openPanel, replace, toast, when } from "../dom.js";

interface NotificationView {
  id: string; type: string; title: string; body: string; priority: string; status?: string; createdAt: string;
  senderId: string; silent?: boolean; metadata?: Record<string, unknown>; requiresAck?: boolean; acknowledgedAt?: string;
}

interface Filters { type: string; status: string; priority: string }

function render(context: Context, root: HTMLElement): () => void {
  const filters: Filters = { type: "", status: "", priority: "" };
  const selected = new Set<string>();
  const list = h("div", { class: "cards", id: "notification-list", "aria-live": "polite" });
  const more = h("button", { class: "button secondary", type: "button", hidden: true }, "Load older");
  let cursor: string | undefined;

  const select = (name: keyof Filters, label: string, options: string[]) => h("label", { class: "row" }, label,
    h("select", { name, onchange: (event: Event) => { filters[name] = (event.target as HTMLSelectElement).value; void load(); } },
      h("option", { value: "" }, "all"), ...options.map((o) => h("option", { value: o }, o))));
  const typeSelect = select("type", "Type", []);
  const toolbar = h("div", { class: "toolbar" }, typeSelect,
    select("status", "Status", ["unread", "read", "archived"]),
    select("priority", "Priority", ["urgent", "high", "normal", "low"]),
    h("button", { class: "button", type: "button", onclick: () => void change([...selected], "read") }, "Mark selected read"),
    h("button", { class: "button secondary", type: "button", onclick: () => void change([...selected], "archived") }, "Archive selected"),
    h("button", { class: "button secondary", type: "button", onclick: () => void readAll() }, "Mark all read"));
  root.append(toolbar, list, more);

  void context.client.api<{ code: string }[]>("/api/v1/notification-types").then((types) => {
    const element = typeSelect.querySelector("select")!;
    for (const type of types) {
      element.append(h("option", { value: type.code }, type.code));
    }
  });

  function card(n: NotificationView): HTMLElement {
    const box = h("input", { type: "checkbox", "aria-label": "Select", checked: selected.has(n.id),
      onclick: (event: Event) => event.stopPropagation(),
      onchange: (event: Event) => (event.target as HTMLInputElement).checked ? selected.add(n.id) : selected.delete(n.id) });
    const unread = n.status === undefined || n.status === "unread";
    const awaitingAck = n.requiresAck === true && !n.acknowledgedAt && n.status !== "acknowledged";
    const ack = awaitingAck ? h("button", { class: "button", type: "button", "data-ack": n.id,
      onclick: (event: Event) => { event.stopPropagation(); void acknowledge(n.id); } }, "Acknowledge") : null;
    return h("article", {
      class: `card notification${unread ? " unread" : ""}${n.priority === "urgent" ? " urgent" : ""}${awaitingAck ? " awaiting-ack" : ""}`,
      tabindex: 0, "data-id": n.id, "data-status": n.status ?? "unread",
      onclick: () => details(n),
      onkeydown: (event: Event) => (event as KeyboardEvent).key === "Enter" && details(n),
    }, box, h("div", {}, h("span", { class: `badge ${n.priority}` }, n.priority), " ",
      h("span", { class: "title" }, n.title), " ", h("span", { class: "muted" }, n.type)),
    h("time", { class: "muted", datetime: n.createdAt }, when(n.createdAt)), h("div", { class: "body" }, n.body), ack);
  }

  async function acknowledge(id: string): Promise<void> {
    await context.client.api(`/api/v1/notifications/${encodeURIComponent(id)}/ack`, { method: "POST", body: {} });
    context.refreshBadges();
    await load();
  }

  function details(n: NotificationView): void {
    openPanel(n.title, h("p", {}, h("span", { class: `badge ${n.priority}` }, n.priority), " ", n.type),
      h("p", {}, n.body), h("p", { class: "muted" }, `From ${n.senderId} · ${when(n.createdAt)}${n.silent ? " · silent" : ""}`),
      h("div", { class: "row" },
        h("button", { class: "button", type: "button", onclick: () => void change([n.id], "read") }, "Mark read"),
        h("button", { class: "button secondary", type: "button", onclick: () => void change([n.id], "archived") }, "Archive")));
  }

  async function load(append = false): Promise<void> {
    const query = new URLSearchParams({ limit: "20" });
    for (const [name, value] of Object.entries(filters)) {
      if (value) {
        query.set(name, value);
      }
    }
    if (append && cursor) {
      query.set("cursor", cursor);
    }
    const page = await context.client.api<{ items: NotificationView[]; nextCursor?: string }>(`/api/v1/notifications?${query}`);
    cursor = page.nextCursor;
    more.hidden = !cursor;
    if (!append) {
      replace(list);
      selected.clear();
    }
    list.append(...page.items.map(card));
    if (!append && page.items.length === 0) {
      list.append(h("p", { class: "muted", "data-empty": true }, "No notifications."));
    }
  }

  async function change(ids: string[], status: "read" | "archived"): Promise<void> {
    if (ids.length === 0) {
      toast("Select notifications first.");
      return;
    }
    await context.client.api("/api/v1/notifications/status", { body: { ids, status } });
    context.refreshBadges();
    await load();
  }

  async function readAll(): Promise<void> {
    await context.client.api("/api/v1/notifications/read-all", { body: {} });
    context.refreshBadges();
    await load();
  }

  more.addEventListener("click", () => void load(true));
  const live = (n: Notification) => {
    const view: NotificationView = { ...n, type: n.notificationType, status: "unread" };
    const matches = (!filters.type || filters.type === view.type) && (!filters.priority || filters.priority === view.priority)
      && (!filters.status || filters.status === "unread");
    if (matches && !list.querySelector(`[data-id="${CSS.escape(n.id)}"]`)) {
      list.querySelector("[data-empty]")?.remove();
      list.prepend(card(view));
    }
  };
  const offNotification = context.client.on("notification", live);
  const offFrame = context.client.on("frame", (frame) => frame.type === "notification_status" && void load());
  void load();
  return () => {
    offNotification();
    offFrame();
  };
}

export const notificationsPage: Page = { id: "notifications", title: "Notifications", roles: [], render };
