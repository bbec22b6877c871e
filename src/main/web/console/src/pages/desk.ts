/**
 * The agent desk: the agent's status, each desk's waiting queue live (claim one, or take the next), the rooms
 * the agent holds, and the chosen room's conversation with finish, release and transfer.
 */
import type { Context, Page } from "../app.js";
import { conversation, type ConversationView } from "../conversation.js";
import { debounced, h, replace, toast, when } from "../dom.js";

interface AgentView { agentId: string; status: string; desks: { deskId: string; held: number; capacity: number }[] }
interface QueuePage { deskId: string; waiting: number; oldestWaitSeconds?: number; items: { sessionId: string; customerId: string; customerName?: string; waitingSince: string }[] }
interface RoomView { sessionId: string; deskId: string; customerId: string; state: string; awaitingReply: boolean }

function render(context: Context, root: HTMLElement): () => void {
  const status = h("select", { id: "agent-status", "aria-label": "My status", onchange: () => void setStatus() },
    ...["online", "away", "offline"].map((value) => h("option", { value }, value)));
  const queues = h("div", { class: "cards", id: "queues" });
  const rooms = h("div", { class: "cards", id: "my-rooms", "aria-label": "My rooms" });
  const detail = h("div", {}, h("p", { class: "muted" }, "Claim a room or choose one you hold."));
  let current: ConversationView | undefined;
  root.append(h("div", { class: "toolbar" }, h("label", { class: "row" }, "My status", status)),
    h("div", { class: "split" }, h("div", {}, h("h2", {}, "Waiting"), queues, h("h2", {}, "My rooms"), rooms), detail));

  async function load(): Promise<void> {
    const me = await context.client.api<AgentView>("/api/v1/support/agents/me");
    status.value = me.status;
    const pages = await Promise.all(me.desks.map((desk) =>
      context.client.api<QueuePage>(`/api/v1/support/queue?deskId=${encodeURIComponent(desk.deskId)}&limit=50`)));
    replace(queues, ...pages.map((page, index) => h("section", { class: "card", "data-desk": page.deskId },
      h("div", { class: "row spread" }, h("strong", {}, page.deskId),
        h("span", { class: "muted" }, `${me.desks[index].held}/${me.desks[index].capacity} held`),
        h("span", { class: "badge count", "data-waiting": page.waiting }, `${page.waiting} waiting`),
        h("button", { class: "button", type: "button", disabled: page.waiting === 0, onclick: () => void takeNext(page.deskId) }, "Take next")),
      h("ul", {}, ...page.items.map((item) => h("li", { class: "row spread", "data-room": item.sessionId },
        `${item.customerName ?? item.customerId} · waiting since ${when(item.waitingSince)}`,
        h("button", { class: "button secondary", type: "button", onclick: () => void claim(item.sessionId) }, "Claim")))))));
    if (pages.length === 0) {
      queues.append(h("p", { class: "muted" }, "You work at no desk."));
    }
    const held = await context.client.api<{ items: RoomView[] }>("/api/v1/support/agents/me/rooms");
    replace(rooms, ...held.items.map((room) => h("button", { class: "list-item", type: "button", "data-room": room.sessionId,
      onclick: () => open(room) }, h("div", { class: "row spread" }, h("strong", {}, room.customerId),
      room.awaitingReply ? h("span", { class: "badge high" }, "awaiting reply") : null), h("div", { class: "muted" }, room.deskId))));
    if (held.items.length === 0) {
      rooms.append(h("p", { class: "muted" }, "None."));
    }
  }

  async function setStatus(): Promise<void> {
    await context.client.api("/api/v1/support/agents/me", { method: "PUT", body: { status: status.value } });
    await load();
  }

  async function claim(sessionId: string): Promise<void> {
    try {
      await context.client.claim(sessionId);
      await load();
      open({ sessionId, deskId: "", customerId: "", state: "claimed", awaitingReply: false });
    } catch (error) {
      toast(`Not claimed: ${(error as Error).message}`, true);
      await load();
    }
  }

  async function takeNext(deskId: string): Promise<void> {
    try {
      const room = await context.client.api<RoomView | null>("/api/v1/support/queue/claim", { body: { deskId } });
      await load();
      if (room) {
        open(room);
      }
    } catch (error) {
      toast(`Not claimed: ${(error as Error).message}`, true);
    }
  }

  function open(room: RoomView): void {
    current?.dispose();
    const transferTo = h("input", { type: "text", "aria-label": "Transfer to agent", placeholder: "agent id" });
    const act = (label: string, action: () => Promise<unknown>, style = "secondary") => h("button", {
      class: `button ${style}`, type: "button",
      onclick: () => void action().then(() => { replace(detail, h("p", { class: "muted" }, `${label}: done.`)); void load(); })
        .catch((error) => toast(`${label} failed: ${error.message}`, true)),
    }, label);
    const base = `/api/v1/support/rooms/${encodeURIComponent(room.sessionId)}`;
    current = conversation(context, room.sessionId, [
      act("Finish", () => context.client.finish(room.sessionId), "danger"),
      act("Release", () => context.client.api(`${base}/release`, { method: "POST" })),
      transferTo,
      act("Transfer", () => context.client.api(`${base}/transfer`, { body: { agentId: transferTo.value } })),
    ]);
    replace(detail, h("h2", {}, room.customerId || "Room"), current.element);
  }

  const refresh = () => load().catch((error) => replace(queues, h("p", { class: "muted" }, error.message)));
  const reload = debounced(refresh, 200);
  const offFrame = context.client.on("frame", (frame) => frame.type === "queue" && reload.run());
  const offState = context.client.on("state", (state) => state === "live" && reload.run());
  void refresh();
  return () => {
    offFrame();
    offState();
    current?.dispose();
    reload.cancel();
  };
}

export const deskPage: Page = { id: "desk", title: "Agent desk", roles: ["agent"], render };
