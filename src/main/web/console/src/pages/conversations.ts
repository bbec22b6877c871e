/** Every session of the user, with unread badges, and the chosen one's conversation beside the list. */
import type { Context, Page } from "../app.js";
import { conversation, type ConversationView } from "../conversation.js";
import { debounced, h, replace, when } from "../dom.js";

interface SessionView { id: string; name?: string; type: string; unread: number; lastMessageAt?: string; lastMessagePreview?: string; status: string }

/** A session list that reloads itself when a message arrives; `open` is called with the chosen session. */
export function sessionList(context: Context, query: string, open: (session: SessionView) => void): { element: HTMLElement; dispose(): void; selected(): string | undefined } {
  const element = h("div", { class: "cards", "aria-label": "Sessions" });
  let chosen: string | undefined;

  async function load(): Promise<void> {
    const page = await context.client.api<{ items: SessionView[] }>(`/api/v1/sessions?limit=50${query}`);
    replace(element, ...page.items.map((session) => h("button", {
      class: "list-item", type: "button", "aria-pressed": String(session.id === chosen), "data-session": session.id,
      onclick: () => {
        chosen = session.id;
        open(session);
        void load();
      },
    }, h("div", { class: "row spread" }, h("strong", {}, session.name ?? session.type),
      session.unread > 0 ? h("span", { class: "badge count", "data-unread": session.unread }, session.unread) : null),
    h("div", { class: "muted" }, `${session.lastMessagePreview ?? ""} ${when(session.lastMessageAt)}`))));
    if (page.items.length === 0) {
      element.append(h("p", { class: "muted" }, "No conversations."));
    }
  }

  const reload = debounced(load, 300);
  // A new message changes the list; the user's own read receipt (from any device) changes its badges.
  const off = context.client.on("frame", (frame) =>
    (frame.type === "message" || (frame.type === "read" && frame.userId === context.me.userId)) && reload.run());
  void load();
  return { element, dispose: () => { off(); reload.cancel(); }, selected: () => chosen };
}

function render(context: Context, root: HTMLElement): () => void {
  const detail = h("div", {}, h("p", { class: "muted" }, "Choose a conversation."));
  let current: ConversationView | undefined;
  const sessions = sessionList(context, "", (session) => {
    current?.dispose();
    current = conversation(context, session.id);
    replace(detail, h("h2", {}, session.name ?? session.type), current.element);
  });
  root.append(h("div", { class: "split" }, sessions.element, detail));
  return () => {
    sessions.dispose();
    current?.dispose();
  };
}

export const conversationsPage: Page = { id: "conversations", title: "Conversations", roles: [], render };
