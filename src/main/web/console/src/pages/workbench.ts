/**
 * The doctor's and nurse's workbench: the consultations (topics) of their sessions by state with counts,
 * unread badges, and the chosen one's conversation, which a clinician can end.
 */
import type { Context, Page } from "../app.js";
import { conversation, type ConversationView } from "../conversation.js";
import { debounced, h, replace, toast, when } from "../dom.js";

interface TopicView { id: string; sessionId: string; state: string; description?: string; openedBy: string; openedAt: string; replied: boolean }
interface Counts { unreplied: number; inProgress: number; ended: number }

const STATES: [string, string, keyof Counts][] = [
  ["unreplied", "Waiting for a reply", "unreplied"], ["in_progress", "In progress", "inProgress"], ["ended", "Ended", "ended"],
];

function render(context: Context, root: HTMLElement): () => void {
  let state = "unreplied";
  let chosen: TopicView | undefined;
  let current: ConversationView | undefined;
  const tabs = h("div", { class: "toolbar", role: "tablist", "aria-label": "Consultations by state" });
  const list = h("div", { class: "cards", "aria-label": "Consultations" });
  const detail = h("div", {}, h("p", { class: "muted" }, "Choose a consultation."));
  root.append(tabs, h("div", { class: "split" }, list, detail));

  async function load(): Promise<void> {
    const [counts, page, unread] = await Promise.all([
      context.client.api<Counts>("/api/v1/topics/counts"),
      context.client.api<{ items: TopicView[] }>(`/api/v1/topics?state=${state}&limit=50`),
      context.client.api<{ sessions: { sessionId: string; unread: number }[] }>("/api/v1/me/unread"),
    ]);
    replace(tabs, ...STATES.map(([value, label, key]) => h("button", {
      class: value === state ? "button" : "button secondary", type: "button", role: "tab", "aria-selected": String(value === state),
      "data-state": value, onclick: () => { state = value; void load(); },
    }, `${label} `, h("span", { class: "badge", "data-count": value }, counts[key]))));
    const unreadBySession = new Map(unread.sessions.map((s) => [s.sessionId, s.unread]));
    replace(list, ...page.items.map((topic) => {
      const count = unreadBySession.get(topic.sessionId) ?? 0;
      return h("button", { class: "list-item", type: "button", "aria-pressed": String(topic.id === chosen?.id), "data-topic": topic.id,
        onclick: () => open(topic) },
      h("div", { class: "row spread" }, h("strong", {}, topic.description ?? "Consultation"),
        count > 0 ? h("span", { class: "badge count", "data-unread": count }, count) : null),
      h("div", { class: "muted" }, `${topic.openedBy} · ${when(topic.openedAt)}`));
    }));
    if (page.items.length === 0) {
      list.append(h("p", { class: "muted" }, "None."));
    }
  }

  function open(topic: TopicView): void {
    chosen = topic;
    current?.dispose();
    const end = h("button", { class: "button secondary", type: "button", onclick: () => void finish(topic) }, "End consultation");
    current = conversation(context, topic.sessionId, topic.state === "ended" ? [] : [end]);
    replace(detail, h("h2", {}, topic.description ?? "Consultation"), current.element);
    void load();
  }

  async function finish(topic: TopicView): Promise<void> {
    try {
      await context.client.api(`/api/v1/sessions/${encodeURIComponent(topic.sessionId)}/topics/${encodeURIComponent(topic.id)}/end`,
        { method: "POST" });
      toast("Consultation ended.");
      await load();
    } catch (error) {
      toast(`Not ended: ${(error as Error).message}`, true);
    }
  }

  const reload = debounced(load, 300);
  const offFrame = context.client.on("frame", (frame) => (frame.type === "topic" || frame.type === "message") && reload.run());
  void load();
  return () => {
    offFrame();
    current?.dispose();
    reload.cancel();
  };
}

export const workbenchPage: Page = { id: "workbench", title: "Workbench", roles: ["doctor", "nurse"], render };
