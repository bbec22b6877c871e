/** Connection admin: who is connected on every node, force disconnect, the audit log, and the push outbox. */
import type { Context, Page } from "../app.js";
import { h, replace, toast, when } from "../dom.js";

interface Connection { connectionId: string; userId: string; role: string; clientType: string; node: string; connectedAt: string; lastActiveAt: string; userAgent: string }
interface Push { pushId: string; userId: string; channel: string; state: string; attempts: number; lastError?: string; createdAt: string }
interface Audit { auditId: string; actorId: string; action: string; targetUserId: string; connectionIds: string[]; reason?: string; createdAt: string }

function render(context: Context, root: HTMLElement): () => void {
  const filters: Record<string, string> = { userId: "", role: "", clientType: "", node: "" };
  const rows = h("tbody", { id: "connection-rows" });
  const total = h("span", { class: "muted", id: "connection-total" });
  const outboxCounts = h("div", { class: "row", id: "outbox-counts" });
  const dead = h("tbody", { id: "dead-pushes" });
  const audit = h("tbody", { id: "audit-rows" });
  const reason = h("input", { type: "text", id: "disconnect-reason", "aria-label": "Reason", placeholder: "Reason (audit log)" });
  const filter = (name: string, label: string) => h("input", { type: "text", "aria-label": label, placeholder: label, "data-filter": name,
    onchange: (event: Event) => { filters[name] = (event.target as HTMLInputElement).value; void loadConnections(); } });
  root.append(
    h("div", { class: "toolbar" }, filter("userId", "User id"), filter("role", "Role"), filter("clientType", "Client type"),
      filter("node", "Node"), reason, total),
    h("table", {}, h("thead", {}, h("tr", {}, ...["User", "Role", "Client", "Node", "Connected", "Last active", "User agent", ""]
      .map((label) => h("th", {}, label)))), rows),
    h("h2", {}, "Push outbox"), outboxCounts,
    h("table", {}, h("thead", {}, h("tr", {}, ...["Dead push", "User", "Channel", "Attempts", "Last error", ""].map((l) => h("th", {}, l)))), dead),
    h("h2", {}, "Audit log"),
    h("table", {}, h("thead", {}, h("tr", {}, ...["When", "Admin", "Action", "User", "Devices", "Reason"].map((l) => h("th", {}, l)))), audit));

  async function loadConnections(): Promise<void> {
    const query = new URLSearchParams({ limit: "100" });
    for (const [name, value] of Object.entries(filters)) {
      if (value) {
        query.set(name, value);
      }
    }
    const list = await context.client.api<{ items: Connection[]; total: number }>(`/api/v1/admin/connections?${query}`);
    total.textContent = `${list.total} connections`;
    replace(rows, ...list.items.map((c) => h("tr", { "data-connection": c.connectionId, "data-user": c.userId },
      h("td", {}, c.userId, c.connectionId === context.client.connectionId ? h("span", { class: "muted" }, " (this tab)") : null),
      h("td", {}, c.role), h("td", {}, c.clientType), h("td", {}, c.node), h("td", {}, when(c.connectedAt)), h("td", {}, when(c.lastActiveAt)),
      h("td", { class: "muted hide-mobile" }, c.userAgent.slice(0, 60)),
      h("td", { class: "row" },
        h("button", { class: "button danger", type: "button", "data-disconnect": c.connectionId,
          onclick: () => void disconnect(c.userId, c.connectionId) }, "Disconnect"),
        h("button", { class: "button secondary", type: "button", onclick: () => void disconnect(c.userId) }, "All devices")))));
  }

  async function loadOutbox(): Promise<void> {
    const [figures, page] = await Promise.all([
      context.client.api<{ outbox: Record<string, number> }>("/api/v1/admin/figures"),
      context.client.api<{ items: Push[] }>("/api/v1/push/outbox?state=dead&limit=50"),
    ]);
    replace(outboxCounts, ...Object.entries(figures.outbox).map(([state, count]) =>
      h("span", { class: `badge${state === "dead" && count > 0 ? " urgent" : ""}`, "data-outbox": state }, `${state} ${count}`)));
    replace(dead, ...page.items.map((push) => h("tr", { "data-push": push.pushId }, h("td", {}, when(push.createdAt)),
      h("td", {}, push.userId), h("td", {}, push.channel), h("td", {}, push.attempts), h("td", { class: "muted" }, push.lastError ?? ""),
      h("td", {}, h("button", { class: "button secondary", type: "button", onclick: () => void resend(push.pushId) }, "Resend")))));
    if (page.items.length === 0) {
      dead.append(h("tr", {}, h("td", { colspan: 6, class: "muted" }, "No dead pushes.")));
    }
  }

  async function loadAudit(): Promise<void> {
    const page = await context.client.api<{ items: Audit[] }>("/api/v1/admin/audit?limit=20");
    replace(audit, ...page.items.map((entry) => h("tr", {}, h("td", {}, when(entry.createdAt)), h("td", {}, entry.actorId),
      h("td", {}, entry.action), h("td", {}, entry.targetUserId), h("td", {}, entry.connectionIds.length), h("td", {}, entry.reason ?? ""))));
  }

  async function disconnect(userId: string, connectionId?: string): Promise<void> {
    try {
      const body: Record<string, string> = { userId };
      if (connectionId) {
        body.connectionId = connectionId;
      }
      if (reason.value) {
        body.reason = reason.value;
      }
      const result = await context.client.api<{ connectionIds: string[] }>("/api/v1/admin/connections/disconnect", { body });
      toast(`Disconnecting ${result.connectionIds.length} device(s) of ${userId}.`);
    } catch (error) {
      toast(`Not disconnected: ${(error as Error).message}`, true);
    }
    await Promise.all([loadConnections(), loadAudit()]);
  }

  async function resend(pushId: string): Promise<void> {
    try {
      await context.client.api(`/api/v1/push/outbox/${encodeURIComponent(pushId)}/retry`, { method: "POST" });
      toast("Queued again.");
    } catch (error) {
      toast(`Not resent: ${(error as Error).message}`, true);
    }
    await loadOutbox();
  }

  const all = () => Promise.all([loadConnections(), loadOutbox(), loadAudit()]).catch(() => undefined);
  const timer = setInterval(() => void loadConnections().catch(() => undefined), 3000);
  void all();
  return () => clearInterval(timer);
}

export const connectionsPage: Page = { id: "connections", title: "Connections", roles: ["admin"], render };
