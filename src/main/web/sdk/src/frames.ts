/**
 * The frames of Careline's WebSocket protocol (docs/protocol.md), one interface per frame. The SDK's tests
 * check these declarations, field by field, against the AsyncAPI document the server serves at /asyncapi.yaml.
 */

// ---- client → server ----

export interface SendFrame {
  type: "send";
  sessionId: string;
  clientMsgId: string;
  msgType: string;
  content: Record<string, unknown>;
  topicId?: string;
}

export interface SyncFrame {
  type: "sync";
  id?: string;
  afterNseq?: number;
  sessions?: { sessionId: string; afterSeq?: number; afterChange?: number }[];
}

export interface ReadRequestFrame {
  type: "read";
  id?: string;
  sessionId: string;
  seq: number;
}

export interface TypingRequestFrame {
  type: "typing";
  id?: string;
  sessionId: string;
}

export interface PingFrame {
  type: "ping";
  id?: string;
}

export interface SubscribeFrame {
  type: "subscribe";
  id?: string;
  rooms: string[];
}

export interface UnsubscribeFrame {
  type: "unsubscribe";
  id?: string;
  rooms: string[];
}

export interface MarkReadFrame {
  type: "mark_read";
  id?: string;
  ids: string[];
}

export interface AckRequestFrame {
  type: "ack";
  id?: string;
  ids: string[];
}

export interface ClaimFrame {
  type: "claim";
  id?: string;
  sessionId: string;
}

export interface FinishFrame {
  type: "finish";
  id?: string;
  sessionId: string;
}

export type ClientFrame = SendFrame | SyncFrame | ReadRequestFrame | TypingRequestFrame | PingFrame
  | SubscribeFrame | UnsubscribeFrame | MarkReadFrame | AckRequestFrame | ClaimFrame | FinishFrame;

// ---- server → client ----

export interface WelcomeFrame {
  type: "welcome";
  connectionId: string;
  userId: string;
  serverTime: string;
  heartbeatMillis: number;
  limits: { maxFrameBytes: number; framesPerSecond: number; frameBurst: number; maxContentBytes: number };
}

export interface AckFrame {
  type: "ack";
  clientMsgId: string;
  sessionId: string;
  seq: number;
  createdAt: string;
}

export interface MessageFrame {
  type: "message";
  sessionId: string;
  seq: number;
  senderId: string;
  msgType: string;
  /** Absent when recalled or purged. */
  content?: Record<string, unknown>;
  topicId?: string;
  clientMsgId?: string;
  createdAt: string;
  revision?: number;
  editedAt?: string;
  recalled?: boolean;
  recalledAt?: string;
  recalledBy?: string;
  purged?: boolean;
}

export interface MessageRecalledFrame {
  type: "message_recalled";
  sessionId: string;
  seq: number;
  recalledBy: string;
  recalledAt: string;
}

export interface MessageUpdatedFrame {
  type: "message_updated";
  sessionId: string;
  seq: number;
  revision: number;
  content: Record<string, unknown>;
  editedAt: string;
}

export interface ReadFrame {
  type: "read";
  sessionId: string;
  userId: string;
  seq: number;
}

export interface TypingFrame {
  type: "typing";
  sessionId: string;
  userId: string;
}

export interface PresenceFrame {
  type: "presence";
  userId: string;
  online: boolean;
}

export interface SessionFrame {
  type: "session";
  sessionId: string;
  event: string;
}

export interface TopicFrame {
  type: "topic";
  sessionId: string;
  topicId: string;
  event: string;
}

export interface SyncedFrame {
  type: "synced";
  id?: string;
  sessions: { sessionId: string; lastSeq: number; hasMore: boolean; lastChange?: number }[];
  notifications?: { lastNseq: number; hasMore: boolean };
}

export interface PongFrame {
  type: "pong";
  id?: string;
}

export interface ErrorFrame {
  type: "error";
  code: string;
  message: string;
  ref?: string;
  errors?: { field: string; message: string }[];
  retryable: boolean;
  traceId?: string;
}

export interface NotificationFrame {
  type: "notification";
  nseq: number;
  silent: boolean;
  id: string;
  notificationType: string;
  title: string;
  body: string;
  priority: "low" | "normal" | "high" | "urgent";
  metadata?: Record<string, unknown>;
  senderId: string;
  createdAt: string;
  expiresAt?: string;
  /** Retention removed title, body and metadata. */
  purged?: boolean;
  /** Acknowledge it with `acknowledge()` (an `ack` frame). */
  requiresAck?: boolean;
  /** Sent again by escalation step `repeat` while it waits for the acknowledgement. */
  repeat?: number;
}

export interface NotificationStatusFrame {
  type: "notification_status";
  ids: string[];
  status: "read" | "unread" | "archived" | "unarchived" | "acknowledged";
}

export interface MarkedFrame {
  type: "marked";
  id?: string;
  ids: string[];
}

export interface AcknowledgedFrame {
  type: "acknowledged";
  id?: string;
  ids: string[];
}

export interface SubscribedFrame {
  type: "subscribed";
  id?: string;
  granted: string[];
  refused: { room: string; code: string; message: string }[];
}

export interface UnsubscribedFrame {
  type: "unsubscribed";
  id?: string;
  rooms: string[];
}

export interface QueueFrame {
  type: "queue";
  deskId: string;
  sessionId: string;
  event: "waiting" | "claimed" | "released" | "transferred" | "finished";
  waiting: number;
}

export interface AssignedFrame {
  type: "assigned";
  sessionId: string;
  agentId: string;
  agentName?: string;
}

export interface RoomFrame {
  type: "room";
  id?: string;
  sessionId: string;
  state: string;
  agentId?: string;
}

export type ServerFrame = WelcomeFrame | AckFrame | MessageFrame | MessageRecalledFrame | MessageUpdatedFrame
  | ReadFrame | TypingFrame | PresenceFrame
  | SessionFrame | TopicFrame | SyncedFrame | PongFrame | ErrorFrame | NotificationFrame | NotificationStatusFrame
  | MarkedFrame | AcknowledgedFrame | SubscribedFrame | UnsubscribedFrame | QueueFrame | AssignedFrame | RoomFrame;

/** Close codes (docs/protocol.md): 4000–4499 reconnect, then sync; 4500–4999 do not reconnect. */
export const CloseCodes = {
  SERVER_ERROR: 4000,
  TOKEN_EXPIRED: 4001,
  SERVER_DRAINING: 4002,
  SLOW_CONSUMER: 4003,
  DISCONNECTED_BY_ADMIN: 4500,
  MESSAGE_TOO_BIG: 1009,
} as const;

/** Whether a close code asks the client to reconnect; unknown codes (a proxy's 1006) count as 4000. */
export function mayReconnect(code: number): boolean {
  return !(code >= 4500 && code <= 4999);
}

/** Error codes after which the same frame may succeed later (`retryable` on the frame says so too). */
export const RETRYABLE_CODES = ["RATE_LIMITED", "OVERLOADED", "CONFLICT", "INTERNAL_ERROR"] as const;
