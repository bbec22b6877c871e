/**
 * One session's conversation: the latest messages and every new one live, typed rendering (recalled and
 * edited messages shown as such), read receipts under one's own messages (in group sessions, how many read
 * it and who, on a click), typing, and a composer that sends through the SDK (retried until acknowledged).
 */
import type { Message } from "@careline/client";
import type { Context } from "./app.js";
import { h, openPanel, replace, toast, when } from "./dom.js";
import { isSystem, renderContent, renderRemoved } from "./messages.js";

/** What the conversation shows of a message, from history (REST) or from the SDK's store. */
interface Shown {
  seq: number; senderId: string; msgType: string; content?: Record<string, unknown>; createdAt: string;
  revision?: number; recalled?: boolean; purged?: boolean;
}

interface MessageView extends Omit<Shown, "msgType"> { type: string; topicId?: string }

interface ReadBy { readers: { userId: string; readAt?: string }[]; unread: string[] }

export interface ConversationView {
  element: HTMLElement;
  dispose(): void;
}

export function conversation(context: Context, sessionId: string, actions: HTMLElement[] = []): ConversationView {
  const { client, me } = context;
  const list = h("div", { class: "messages", "aria-live": "polite", "aria-label": "Messages" });
  const typing = h("div", { class: "typing" });
  const input = h("input", { type: "text", "aria-label": "Message", placeholder: "Write a message", maxlength: 4000 });
  const send = h("button", { class: "button", type: "submit" }, "Send");
  const composer = h("form", { class: "composer" }, input, send);
  const element = h("section", { class: "conversation card", "data-session": sessionId },
    actions.length > 0 ? h("div", { class: "row" }, ...actions) : null, list, typing, composer);
  const shown = new Map<number, HTMLElement>();
  const messagesShown = new Map<number, Shown>();
  /** The highest seq each other member has read. */
  const othersRead = new Map<string, number>();
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  let lastTyping = 0;

  /** In a group (more than one other member): how many read it; else whether the other member did. */
  function receipt(seq: number): string {
    const readers = [...othersRead.values()].filter((position) => position >= seq).length;
    if (othersRead.size > 1) {
      return `Read by ${readers}`;
    }
    return readers > 0 ? "Read" : "Sent";
  }

  async function showReaders(seq: number): Promise<void> {
    const reads = await client.api<ReadBy>(`/api/v1/sessions/${encodeURIComponent(sessionId)}/messages/${seq}/reads`);
    openPanel(`Read by ${reads.readers.length}`,
      h("ul", { class: "readers" }, ...reads.readers.map((reader) =>
        h("li", {}, reader.readAt ? `${reader.userId} · ${when(reader.readAt)}` : reader.userId))),
      reads.unread.length > 0 ? h("p", { class: "muted" }, `Not yet: ${reads.unread.join(", ")}`) : null);
  }

  function bubbleOf(message: Shown): HTMLElement {
    const mine = message.senderId === me.userId;
    const removed = message.recalled || message.purged;
    const body = removed ? renderRemoved(message) : renderContent(message.msgType, message.content ?? {});
    if (isSystem(message.msgType)) {
      return h("div", { class: "system", "data-seq": message.seq }, body);
    }
    const mark = mine && !removed ? h("span", { class: "receipt", "data-receipt": message.seq }, ` · ${receipt(message.seq)}`) : null;
    if (mark && othersRead.size > 1) {
      mark.addEventListener("click", () => void showReaders(message.seq).catch((error) => toast(error.message, true)));
    }
    return h("div", { class: `bubble${mine ? " mine" : ""}${removed ? " removed" : ""}`, "data-seq": message.seq }, body,
      h("div", { class: "meta" }, `${mine ? "" : message.senderId + " · "}${when(message.createdAt)}`,
        message.revision && !removed ? h("span", { class: "edited" }, " · edited") : null, mark));
  }

  function show(message: Shown): void {
    if (shown.has(message.seq)) {
      return;
    }
    const bubble = bubbleOf(message);
    const after = [...shown.keys()].filter((seq) => seq > message.seq).sort((a, b) => a - b)[0];
    list.insertBefore(bubble, after === undefined ? null : shown.get(after)!);
    shown.set(message.seq, bubble);
    messagesShown.set(message.seq, message);
    list.scrollTop = list.scrollHeight;
  }

  /** A message recalled or edited while shown: its bubble is drawn again from the change. */
  function redraw(seq: number, change: (message: Shown) => Shown): void {
    const old = shown.get(seq);
    const message = messagesShown.get(seq);
    if (old && message) {
      const changed = change(message);
      const bubble = bubbleOf(changed);
      old.replaceWith(bubble);
      shown.set(seq, bubble);
      messagesShown.set(seq, changed);
    }
  }

  function refreshReceipts(): void {
    for (const mark of list.querySelectorAll<HTMLElement>("[data-receipt]")) {
      mark.textContent = ` · ${receipt(Number(mark.dataset.receipt))}`;
    }
  }

  function markRead(): void {
    const last = Math.max(0, ...shown.keys());
    if (last > 0 && document.visibilityState === "visible" && client.state === "live") {
      client.read(sessionId, last);
    }
  }

  async function load(): Promise<void> {
    const [session, participants] = await Promise.all([
      client.api<{ lastSeq: number }>(`/api/v1/sessions/${encodeURIComponent(sessionId)}`),
      client.api<{ userId: string; lastReadSeq: number }[]>(`/api/v1/sessions/${encodeURIComponent(sessionId)}/participants`),
    ]);
    for (const participant of participants) {
      if (participant.userId !== me.userId) {
        othersRead.set(participant.userId, participant.lastReadSeq);
      }
    }
    const page = await client.api<{ items: MessageView[] }>(
      `/api/v1/sessions/${encodeURIComponent(sessionId)}/messages?beforeSeq=${session.lastSeq + 1}&limit=50`);
    replace(list);
    shown.clear();
    messagesShown.clear();
    for (const message of page.items) {
      show({ ...message, msgType: message.type });
    }
    for (const message of client.messages(sessionId)) {
      show(message);
    }
    markRead();
  }

  const offMessage = client.on("message", (message: Message) => {
    if (message.sessionId === sessionId) {
      show(message);
      if (message.senderId !== me.userId) {
        typing.textContent = "";
        markRead();
      }
    }
  });
  const offFrame = client.on("frame", (frame) => {
    if (frame.type === "message_recalled" && frame.sessionId === sessionId) {
      redraw(frame.seq, ({ content: _content, ...message }) => ({ ...message, recalled: true }));
    } else if (frame.type === "message_updated" && frame.sessionId === sessionId) {
      redraw(frame.seq, (message) => ({ ...message, content: frame.content, revision: frame.revision }));
    } else if (frame.type === "read" && frame.sessionId === sessionId && frame.userId !== me.userId) {
      othersRead.set(frame.userId, Math.max(frame.seq, othersRead.get(frame.userId) ?? 0));
      refreshReceipts();
    } else if (frame.type === "typing" && frame.sessionId === sessionId && frame.userId !== me.userId) {
      typing.textContent = `${frame.userId} is typing…`;
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => (typing.textContent = ""), 4000);
    }
  });
  const offState = client.on("state", (state) => state === "live" && void load());

  input.addEventListener("input", () => {
    if (Date.now() - lastTyping > 2000 && client.state === "live") {
      lastTyping = Date.now();
      client.typing(sessionId);
    }
  });
  composer.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value;
    if (text.trim() === "") {
      return;
    }
    input.value = "";
    client.send(sessionId, "text", { text }).then((ack) => show({ seq: ack.seq, senderId: me.userId, msgType: "text",
      content: { text }, createdAt: ack.createdAt })).catch((error) => toast(`Not sent: ${error.message}`, true));
  });
  void load().catch((error) => toast(`The conversation could not be loaded: ${error.message}`, true));
  return {
    element,
    dispose() {
      offMessage();
      offFrame();
      offState();
      clearTimeout(typingTimer);
    },
  };
}
