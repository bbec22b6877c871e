/**
 * @careline/client: a Careline connection that loses nothing. It connects with a token (refreshed before it
 * expires and after 4001), waits for `welcome`, syncs from what its store holds, reconnects with jittered
 * backoff (never on 4500–4999), retries sends until they are acknowledged, and keeps every session's
 * messages in seq order and the notifications in nseq order, without duplicates and with gaps filled by sync.
 * Recalls and edits replace the messages held, live and, after a reconnect, from the last change seen.
 */
import type {
  AckFrame, ClientFrame, ErrorFrame, MessageFrame, MessageRecalledFrame, MessageUpdatedFrame, NotificationFrame,
  ServerFrame, SyncedFrame, WelcomeFrame,
} from "./frames.js";
import { RETRYABLE_CODES, mayReconnect } from "./frames.js";
import { OrderedStream } from "./store.js";

export * from "./frames.js";
export { OrderedStream } from "./store.js";

/** What `new WebSocket(url, protocols)` gives, in browsers and in Node.js (undici or `ws`). */
export interface WebSocketLike {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export type WebSocketFactory = (url: string, token: string) => WebSocketLike;

export type TokenProvider = () => string | Promise<string>;

export type ConnectionState = "idle" | "connecting" | "syncing" | "live" | "reconnecting" | "disconnected";

export interface CarelineOptions {
  /** The server, as http(s)://host[:port]; the WebSocket is its /ws. */
  url: string;
  /** A token, or a function that gives a fresh one (called before expiry and after 4001). */
  token: string | TokenProvider;
  /** Reported to administrators: web, ios, android, desktop or service. */
  clientType?: string;
  /**
   * How the token travels: "subprotocol" (browsers, which cannot set headers on the upgrade) or "header"
   * (Node.js, where `new WebSocket(url, {headers})` sets Authorization). Default: header outside browsers.
   */
  auth?: "subprotocol" | "header";
  /** Opens the socket; defaults to the global WebSocket. */
  webSocket?: WebSocketFactory;
  /** Reconnect backoff: the first delay and the ceiling, in ms (each delay is jittered to 50–100 %). */
  backoff?: { initialMs: number; maxMs: number };
  /** How long before a token's expiry to ask for the next one, in ms. */
  refreshAheadMs?: number;
  /**
   * Longest wait from opening the socket to `welcome`, in ms; then the attempt counts as failed and the
   * client reconnects (a handshake cut without a close, behind a proxy, would otherwise wait forever).
   */
  connectTimeoutMs?: number;
}

/** A message as the store holds it: the `message` frame without its type. */
export type Message = Omit<MessageFrame, "type">;

/** A notification as the store holds it: the `notification` frame without its type. */
export type Notification = Omit<NotificationFrame, "type">;

/** An error frame that failed a call; `code` is one of docs/errors.md. */
export class CarelineError extends Error {
  constructor(readonly code: string, message: string, readonly frame?: ErrorFrame) {
    super(message);
    this.name = "CarelineError";
  }
}

export interface ClosedEvent {
  code: number;
  reason: string;
  reconnecting: boolean;
}

interface EventMap {
  state: ConnectionState;
  welcome: WelcomeFrame;
  message: Message;
  /** A message held was recalled or edited: its new state (recalled ones without content). */
  messageChanged: Message;
  /** A notification not acknowledged yet, sent again by an escalation step: alert the user again. */
  reminder: Notification;
  notification: Notification;
  synced: SyncedFrame;
  closed: ClosedEvent;
  frame: ServerFrame;
}

type Listener<T> = (value: T) => void;

interface PendingSend {
  frame: ClientFrame & { type: "send" };
  resolve: (ack: AckFrame) => void;
  reject: (error: CarelineError) => void;
  attempts: number;
}

interface PendingCall {
  resolve: (frame: ServerFrame) => void;
  reject: (error: CarelineError) => void;
}

const OPEN = 1;
let counter = 0;

function randomId(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  return crypto?.randomUUID ? crypto.randomUUID() : `${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** A JWT's claims (its payload, not verified: the server verifies), or undefined when it cannot be read. */
export function tokenClaims(token: string): Record<string, unknown> | undefined {
  try {
    const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(atob(payload.padEnd(payload.length + ((4 - (payload.length % 4)) % 4), "=")));
  } catch {
    return undefined;
  }
}

/** Seconds since the epoch at which a JWT expires, or undefined when it cannot be read. */
export function tokenExpiry(token: string): number | undefined {
  const exp = tokenClaims(token)?.exp;
  return typeof exp === "number" ? exp : undefined;
}

function defaultFactory(auth: "subprotocol" | "header"): WebSocketFactory {
  return (url, token) => {
    const Socket = (globalThis as unknown as { WebSocket?: new (url: string, options?: unknown) => WebSocketLike }).WebSocket;
    if (!Socket) {
      throw new Error("no global WebSocket: pass options.webSocket");
    }
    return auth === "header"
      ? new Socket(url, { headers: { Authorization: `Bearer ${token}` } })
      : new Socket(url, ["bearer-token-carrier", encodeURIComponent(`quarkus-http-upgrade#Authorization#Bearer ${token}`)]);
  };
}

/** One user's device connection to Careline. */
export class CarelineClient {
  readonly sessions = new Map<string, OrderedStream<Message>>();
  readonly notifications = new OrderedStream<Notification>();
  /** Who is online, as presence frames told since connecting. */
  readonly online = new Map<string, boolean>();
  /** Each member's read position per session, from read receipts. */
  readonly readPositions = new Map<string, Map<string, number>>();
  /** Per session, the last change number (recall, edit) applied to the messages held: syncs resume from it. */
  readonly lastChanges = new Map<string, number>();
  state: ConnectionState = "idle";
  userId?: string;
  connectionId?: string;

  private readonly options: Required<Omit<CarelineOptions, "token" | "webSocket">> & { webSocket: WebSocketFactory };
  private readonly provider: TokenProvider;
  private token?: string;
  /** The token the current connection was opened with. */
  private connectedWith?: string;
  private socket?: WebSocketLike;
  private listeners = new Map<string, Set<Listener<unknown>>>();
  private readonly pendingSends = new Map<string, PendingSend>();
  private readonly pendingCalls = new Map<string, PendingCall>();
  private attempt = 0;
  private reconnectTimer?: ReturnType<typeof setTimeout>;
  private refreshTimer?: ReturnType<typeof setTimeout>;
  private pingTimer?: ReturnType<typeof setInterval>;
  private connectTimer?: ReturnType<typeof setTimeout>;
  private readonly syncing = new Set<string>();
  private stopped = false;

  constructor(options: CarelineOptions) {
    const browser = typeof (globalThis as { document?: unknown }).document !== "undefined";
    const auth = options.auth ?? (browser ? "subprotocol" : "header");
    this.options = {
      url: options.url.replace(/\/$/, ""),
      clientType: options.clientType ?? (browser ? "web" : "service"),
      auth,
      webSocket: options.webSocket ?? defaultFactory(auth),
      backoff: options.backoff ?? { initialMs: 500, maxMs: 30_000 },
      refreshAheadMs: options.refreshAheadMs ?? 60_000,
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    };
    const token = options.token;
    this.provider = typeof token === "string" ? () => token : token;
  }

  /** Subscribes to an event; answers the function that unsubscribes. */
  on<K extends keyof EventMap>(event: K, listener: Listener<EventMap[K]>): () => void {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener as Listener<unknown>);
    this.listeners.set(event, set);
    return () => set.delete(listener as Listener<unknown>);
  }

  /** Connects, and resolves once the first sync finished (the store is up to date). */
  connect(): Promise<void> {
    this.stopped = false;
    const ready = new Promise<void>((resolve, reject) => {
      const offState = this.on("state", (state) => {
        if (state === "live") {
          offState();
          offClosed();
          resolve();
        }
      });
      const offClosed = this.on("closed", (closed) => {
        if (!closed.reconnecting) {
          offState();
          offClosed();
          reject(new CarelineError("DISCONNECTED", `closed with ${closed.code}: ${closed.reason}`));
        }
      });
    });
    void this.open();
    return ready;
  }

  /** Closes the connection for good; pending sends stay pending until the next connect(). */
  close(): void {
    this.stopped = true;
    this.clearTimers();
    this.socket?.close(1000, "client closed");
    this.setState("idle");
  }

  /** The current token, asking the provider when there is none or it is about to expire. */
  async currentToken(): Promise<string> {
    const expiry = this.token ? tokenExpiry(this.token) : undefined;
    if (!this.token || (expiry !== undefined && expiry * 1000 - Date.now() < this.options.refreshAheadMs)) {
      await this.refreshToken();
    }
    return this.token!;
  }

  /** REST call on the same server with the current token; answers the parsed JSON (or null for 204). */
  async api<T = unknown>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    const response = await fetch(this.options.url + path, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: {
        Authorization: `Bearer ${await this.currentToken()}`,
        ...(init.body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      throw new CarelineError(json?.code ?? `HTTP_${response.status}`, json?.detail ?? json?.title ?? response.statusText);
    }
    return json as T;
  }

  /** A session's messages held, in seq order. */
  messages(sessionId: string): Message[] {
    return this.sessions.get(sessionId)?.list() ?? [];
  }

  /**
   * Sends a message; resolves with its ack once stored. Retried on OVERLOADED and RATE_LIMITED and after every
   * reconnect, always with the same clientMsgId, so it is stored exactly once.
   */
  send(sessionId: string, msgType: string, content: Record<string, unknown>, topicId?: string): Promise<AckFrame> {
    const frame = { type: "send" as const, sessionId, clientMsgId: randomId(), msgType, content, ...(topicId ? { topicId } : {}) };
    return new Promise((resolve, reject) => {
      this.pendingSends.set(frame.clientMsgId, { frame, resolve, reject, attempts: 0 });
      if (this.state === "live") {
        this.write(frame);
      }
    });
  }

  /** Recalls one of the user's messages (or any, for admins and hospital systems); answers it, recalled. */
  recall(sessionId: string, seq: number, reason?: string): Promise<Message> {
    return this.api(`/api/v1/sessions/${encodeURIComponent(sessionId)}/messages/${seq}/recall`,
      { method: "POST", body: reason === undefined ? {} : { reason } });
  }

  /** Replaces the content of one of the user's messages (a card with a state, or a recent text). */
  edit(sessionId: string, seq: number, content: Record<string, unknown>): Promise<Message> {
    return this.api(`/api/v1/sessions/${encodeURIComponent(sessionId)}/messages/${seq}`, { method: "PATCH", body: { content } });
  }

  /** Moves the caller's read position in a session; the receipt (a `read` frame) comes back to every device. */
  read(sessionId: string, seq: number): void {
    this.write({ type: "read", sessionId, seq });
  }

  /** Tells the session's other members the user is typing. */
  typing(sessionId: string): void {
    this.write({ type: "typing", sessionId });
  }

  markRead(ids: string[]): Promise<ServerFrame> {
    return this.call({ type: "mark_read", ids });
  }

  /** Acknowledges notifications that ask for it; answered by an `acknowledged` frame. */
  acknowledge(ids: string[]): Promise<ServerFrame> {
    return this.call({ type: "ack", ids });
  }

  subscribe(rooms: string[]): Promise<ServerFrame> {
    return this.call({ type: "subscribe", rooms });
  }

  /** A desk's agent takes a waiting support room. */
  claim(sessionId: string): Promise<ServerFrame> {
    return this.call({ type: "claim", sessionId });
  }

  finish(sessionId: string): Promise<ServerFrame> {
    return this.call({ type: "finish", sessionId });
  }

  /** How many of a session's messages, held here, come after the user's read position and are not theirs. */
  unread(sessionId: string): number {
    const position = this.readPositions.get(sessionId)?.get(this.userId ?? "") ?? 0;
    return this.messages(sessionId).filter((m) => m.seq > position && m.senderId !== this.userId).length;
  }

  // ---- connection ----

  private async refreshToken(): Promise<void> {
    this.token = await this.provider();
    clearTimeout(this.refreshTimer);
    const expiry = tokenExpiry(this.token);
    if (expiry !== undefined) {
      const due = expiry * 1000 - Date.now() - this.options.refreshAheadMs;
      if (due > 0) {
        this.refreshTimer = setTimeout(() => void this.refreshToken().catch(() => undefined), Math.min(due, 2 ** 31 - 1));
      }
    }
  }

  private async open(): Promise<void> {
    if (this.stopped) {
      return;
    }
    this.setState(this.attempt === 0 ? "connecting" : "reconnecting");
    let token: string;
    try {
      token = await this.currentToken();
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.connectedWith = token;
    const url = this.options.url.replace(/^http/, "ws") + "/ws?client=" + encodeURIComponent(this.options.clientType);
    let socket: WebSocketLike;
    try {
      socket = this.options.webSocket(url, token);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onmessage = (event) => this.received(socket, String(event.data));
    socket.onerror = () => undefined; // onclose follows and decides
    socket.onclose = (event) => this.closed(socket, event.code, event.reason);
    clearTimeout(this.connectTimer);
    this.connectTimer = setTimeout(() => {
      socket.close();
      this.closed(socket, 4000, "no welcome in time");
    }, this.options.connectTimeoutMs);
  }

  private closed(socket: WebSocketLike, code: number, reason: string): void {
    if (socket !== this.socket) {
      return;
    }
    this.socket = undefined;
    clearInterval(this.pingTimer);
    clearTimeout(this.connectTimer);
    for (const [id, call] of this.pendingCalls) {
      call.reject(new CarelineError("DISCONNECTED", "the connection closed before the answer"));
      this.pendingCalls.delete(id);
    }
    if (this.stopped) {
      return;
    }
    const reconnecting = mayReconnect(code);
    this.emit("closed", { code, reason, reconnecting });
    if (!reconnecting) {
      this.clearTimers();
      this.setState("disconnected");
      return;
    }
    if (code === 4001 && this.token === this.connectedWith) {
      this.token = undefined; // the connection's token expired: the provider gives the next one
    }
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.setState("reconnecting");
    const { initialMs, maxMs } = this.options.backoff;
    const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(this.attempt, 16));
    this.attempt++;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => void this.open(), ceiling * (0.5 + Math.random() / 2));
  }

  private clearTimers(): void {
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.connectTimer);
    clearTimeout(this.refreshTimer);
    clearInterval(this.pingTimer);
  }

  private received(socket: WebSocketLike, text: string): void {
    if (socket !== this.socket) {
      return;
    }
    let frame: ServerFrame;
    try {
      frame = JSON.parse(text) as ServerFrame;
    } catch {
      return;
    }
    switch (frame.type) {
      case "welcome":
        this.welcomed(frame);
        break;
      case "ack":
        this.acked(frame);
        break;
      case "message":
        this.addMessage(frame);
        break;
      case "message_recalled":
      case "message_updated":
        this.changeMessage(frame);
        break;
      case "notification":
        this.addNotification(frame);
        break;
      case "synced":
        this.synced(frame);
        break;
      case "read":
        this.positionsOf(frame.sessionId).set(frame.userId, Math.max(frame.seq, this.positionsOf(frame.sessionId).get(frame.userId) ?? 0));
        break;
      case "presence":
        this.online.set(frame.userId, frame.online);
        break;
      case "error":
        this.failed(frame);
        break;
      default:
        this.answer(frame);
    }
    this.emit("frame", frame);
  }

  private welcomed(frame: WelcomeFrame): void {
    clearTimeout(this.connectTimer);
    this.userId = frame.userId;
    this.connectionId = frame.connectionId;
    this.attempt = 0;
    this.setState("syncing");
    this.emit("welcome", frame);
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => this.write({ type: "ping" }), Math.max(1000, frame.heartbeatMillis));
    // First what arrived while away (notifications after the last held nseq, sessions with unread messages),
    // then every session held, from its last contiguous seq.
    this.write({ type: "sync", id: "catch-up", ...(this.notifications.known ? { afterNseq: this.notifications.last } : {}) });
    const held = [...this.sessions.entries()].filter(([, stream]) => stream.known);
    if (held.length > 0) {
      this.syncing.add("held");
      this.write({
        type: "sync", id: "held",
        sessions: held.map(([sessionId, stream]) => ({ sessionId, afterSeq: stream.last, afterChange: this.lastChanges.get(sessionId) ?? 0 })),
      });
    }
    this.syncing.add("catch-up");
  }

  private synced(frame: SyncedFrame): void {
    for (const session of frame.sessions) {
      if (session.lastChange !== undefined) {
        this.lastChanges.set(session.sessionId, session.lastChange);
      }
    }
    const more = frame.sessions.filter((s) => s.hasMore);
    const moreNotifications = frame.notifications?.hasMore === true;
    if (more.length > 0 || moreNotifications) {
      this.write({
        type: "sync", id: frame.id,
        ...(more.length > 0 ? {
          sessions: more.map((s) => ({ sessionId: s.sessionId, afterSeq: s.lastSeq, ...(s.lastChange !== undefined ? { afterChange: s.lastChange } : {}) })),
        } : { sessions: [] }),
        ...(moreNotifications ? { afterNseq: frame.notifications!.lastNseq } : {}),
      });
      return;
    }
    if (frame.id) {
      this.syncing.delete(frame.id);
    }
    this.emit("synced", frame);
    if (this.state === "syncing" && !this.syncing.has("catch-up") && !this.syncing.has("held")) {
      this.setState("live");
      for (const pending of this.pendingSends.values()) {
        this.write(pending.frame); // sent before, or while away: the same clientMsgId is stored once
      }
    }
  }

  private addMessage(frame: MessageFrame | Message): void {
    const { type: _type, ...message } = frame as MessageFrame;
    let stream = this.sessions.get(message.sessionId);
    if (!stream) {
      stream = new OrderedStream<Message>();
      this.sessions.set(message.sessionId, stream);
    }
    const outcome = stream.add(message.seq, message);
    if (outcome === "duplicate") {
      return;
    }
    this.emit("message", message);
    if (outcome === "gap") {
      this.fillGap(message.sessionId, stream.last);
    }
  }

  /**
   * A recall blanks the message held, an edit replaces its content; a change already applied (a sync after a
   * live frame) changes nothing, and a message not held comes in its latest state with a sync.
   */
  private changeMessage(frame: MessageRecalledFrame | MessageUpdatedFrame): void {
    let changed: Message | undefined;
    this.sessions.get(frame.sessionId)?.replace(frame.seq, (held) => {
      if (held.recalled || (frame.type === "message_updated" && (held.revision ?? 0) >= frame.revision)) {
        return held;
      }
      if (frame.type === "message_recalled") {
        const { content: _content, revision: _revision, editedAt: _editedAt, ...kept } = held;
        changed = { ...kept, recalled: true, recalledAt: frame.recalledAt, recalledBy: frame.recalledBy };
      } else {
        changed = { ...held, content: frame.content, revision: frame.revision, editedAt: frame.editedAt };
      }
      return changed;
    });
    if (changed) {
      this.emit("messageChanged", changed);
    }
  }

  private addNotification(frame: NotificationFrame): void {
    const { type: _type, ...notification } = frame;
    if (notification.repeat !== undefined && this.notifications.get(notification.nseq) !== undefined) {
      this.emit("reminder", notification);
      return;
    }
    const outcome = this.notifications.add(notification.nseq, notification);
    if (outcome === "duplicate") {
      return;
    }
    this.emit("notification", notification);
    if (outcome === "gap" && this.state === "live") {
      this.write({ type: "sync", sessions: [], afterNseq: this.notifications.last });
    }
  }

  private fillGap(sessionId: string, afterSeq: number): void {
    if (this.state === "live" && !this.syncing.has(`gap:${sessionId}`)) {
      this.syncing.add(`gap:${sessionId}`);
      this.write({ type: "sync", id: `gap:${sessionId}`, sessions: [{ sessionId, afterSeq }] });
    }
  }

  private acked(frame: AckFrame): void {
    const pending = this.pendingSends.get(frame.clientMsgId);
    if (!pending) {
      return;
    }
    this.pendingSends.delete(frame.clientMsgId);
    const { frame: sent } = pending;
    this.addMessage({
      sessionId: frame.sessionId, seq: frame.seq, senderId: this.userId ?? "", msgType: sent.msgType,
      content: sent.content, clientMsgId: frame.clientMsgId, createdAt: frame.createdAt,
      ...(sent.topicId ? { topicId: sent.topicId } : {}),
    });
    pending.resolve(frame);
  }

  private failed(frame: ErrorFrame): void {
    const pending = frame.ref ? this.pendingSends.get(frame.ref) : undefined;
    if (pending) {
      if ((RETRYABLE_CODES as readonly string[]).includes(frame.code) || frame.retryable) {
        pending.attempts++;
        const delay = Math.min(this.options.backoff.maxMs, this.options.backoff.initialMs * 2 ** Math.min(pending.attempts, 10));
        setTimeout(() => {
          if (this.pendingSends.has(pending.frame.clientMsgId) && this.state === "live") {
            this.write(pending.frame);
          }
        }, delay * (0.5 + Math.random() / 2));
      } else {
        this.pendingSends.delete(frame.ref!);
        pending.reject(new CarelineError(frame.code, frame.message, frame));
      }
      return;
    }
    const call = frame.ref ? this.pendingCalls.get(frame.ref) : undefined;
    if (call) {
      this.pendingCalls.delete(frame.ref!);
      call.reject(new CarelineError(frame.code, frame.message, frame));
    } else if (frame.ref?.startsWith("gap:") || frame.ref === "held" || frame.ref === "catch-up") {
      this.syncing.delete(frame.ref);
    }
  }

  /** Sends a frame with an id and resolves with the answer carrying it. */
  private call(frame: ClientFrame): Promise<ServerFrame> {
    const id = randomId();
    return new Promise((resolve, reject) => {
      if (this.state !== "live") {
        reject(new CarelineError("DISCONNECTED", "not connected"));
        return;
      }
      this.pendingCalls.set(id, { resolve, reject });
      this.write({ ...frame, id } as ClientFrame);
    });
  }

  private answer(frame: ServerFrame): void {
    const id = (frame as { id?: string }).id;
    const call = id ? this.pendingCalls.get(id) : undefined;
    if (call) {
      this.pendingCalls.delete(id!);
      call.resolve(frame);
    }
  }

  private positionsOf(sessionId: string): Map<string, number> {
    let positions = this.readPositions.get(sessionId);
    if (!positions) {
      positions = new Map();
      this.readPositions.set(sessionId, positions);
    }
    return positions;
  }

  private write(frame: ClientFrame): void {
    if (this.socket && this.socket.readyState === OPEN) {
      this.socket.send(JSON.stringify(frame));
    }
  }

  private setState(state: ConnectionState): void {
    if (this.state !== state) {
      this.state = state;
      this.emit("state", state);
    }
  }

  private emit<K extends keyof EventMap>(event: K, value: EventMap[K]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        (listener as Listener<EventMap[K]>)(value);
      } catch (error) {
        console.error(`careline: a ${event} listener failed`, error);
      }
    }
  }
}
