/**
 * Renders a message's content by its type (docs/message-types.md): text, media, links, system notices, and
 * the structured cards (prescription, referral, payment…) as a titled card of their fields, forwards as the
 * message they copy with its sender, recalled and purged messages as such. Only text nodes and http(s) URLs
 * reach the page.
 */
import { h } from "./dom.js";

type Content = Record<string, unknown>;

const SYSTEM = new Set(["system", "topic_begin", "topic_end", "topic_enter", "topic_end_notice"]);

const LABELS: Record<string, string> = {
  prescription: "Prescription", prescription_review: "Prescription review", prescription_rejected: "Prescription rejected",
  referral: "Referral", payment: "Payment", diagnosis: "Diagnosis", advice: "Advice", expert_advice: "Expert advice",
  consultation_advice: "Consultation advice", revisit_instructions: "Revisit instructions", service_rating: "Service rating",
  rehab_plan: "Rehabilitation plan", screening_card: "Screening", renewal_vitals: "Vital signs",
  renewal_questionnaire: "Questionnaire", business_card: "Contact card", condition_description: "Condition",
  home_visit_appointment: "Home visit", home_visit_order_update: "Home visit update",
  home_visit_doctor_change: "Home visit: new doctor", home_visit_items_change: "Home visit: items",
  video_request: "Video call request", acknowledged: "Acknowledged", forward: "Forwarded", forward_image: "Forwarded image",
  forward_bundle: "Forwarded messages",
};

function safeUrl(value: unknown): string | undefined {
  return typeof value === "string" && /^https?:\/\//.test(value) ? value : undefined;
}

function text(value: unknown): string {
  if (Array.isArray(value)) {
    return value.map((item) => (typeof item === "object" ? JSON.stringify(item) : String(item))).join(", ");
  }
  return typeof value === "object" && value !== null ? JSON.stringify(value) : String(value);
}

/** Whether the type is shown as a centred notice rather than a bubble. */
export function isSystem(msgType: string): boolean {
  return SYSTEM.has(msgType);
}

export function renderContent(msgType: string, content: Content): HTMLElement {
  switch (msgType) {
    case "text":
      return h("div", { class: "text" }, text(content.text ?? ""));
    case "forward":
    case "forward_image":
      return forwarded(content.original);
    case "forward_bundle": {
      const originals = Array.isArray(content.originals) ? content.originals : [];
      return h("div", { class: "structured", "data-msg-type": msgType },
        h("strong", {}, content.title ? text(content.title) : LABELS.forward_bundle), ...originals.map(forwarded));
    }
    case "image": {
      const url = safeUrl(content.thumbnailUrl) ?? safeUrl(content.url);
      return url ? h("img", { src: url, alt: "Image", loading: "lazy" }) : h("div", {}, "[image]");
    }
    case "voice":
    case "video": {
      const url = safeUrl(content.url);
      return url ? h(msgType === "voice" ? "audio" : "video", { src: url, controls: true, preload: "none" })
        : h("div", {}, `[${msgType}]`);
    }
    case "article":
    case "link":
    case "hospital_forward": {
      const url = safeUrl(content.url);
      const title = text(content.title ?? content.url ?? msgType);
      return h("div", { class: "structured" }, url ? h("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, title) : title,
        content.summary || content.description || content.text
          ? h("div", { class: "muted" }, text(content.summary ?? content.description ?? content.text)) : null);
    }
    default:
      if (isSystem(msgType)) {
        return h("div", {}, text(content.text ?? content.description ?? msgType.replace(/_/g, " ")));
      }
      return structured(msgType, content);
  }
}

/** A forwarded message as the server copied it in: who said it, then what they said, rendered by its type. */
function forwarded(original: unknown): HTMLElement {
  const source = (typeof original === "object" && original !== null ? original : {}) as Content;
  const content = (typeof source.content === "object" && source.content !== null ? source.content : {}) as Content;
  return h("div", { class: "structured forwarded", "data-msg-type": "forward" },
    h("strong", {}, `Forwarded · ${text(source.senderId ?? "")}`),
    renderContent(String(source.type ?? "text"), content));
}

/** A message without its content: recalled by its sender or an admin, or purged by the retention policy. */
export function renderRemoved(message: { recalled?: boolean; purged?: boolean }): HTMLElement {
  return h("div", { class: "removed muted" }, message.recalled ? "Message recalled" : "Removed under the retention policy");
}

/** A card: the type's label, then each field as a term and its value; a drug list as a list. */
function structured(msgType: string, content: Content): HTMLElement {
  const fields = Object.entries(content).filter(([name]) => name !== "text");
  return h("div", { class: "structured", "data-msg-type": msgType },
    h("strong", {}, LABELS[msgType] ?? msgType.replace(/_/g, " ")),
    fields.length > 0 ? h("dl", {}, ...fields.flatMap(([name, value]) => [h("dt", {}, name),
      Array.isArray(value) ? h("dd", {}, h("ul", {}, ...value.map((item) => h("li", {}, text(item))))) : h("dd", {}, text(value))])) : null,
    content.text ? h("div", {}, text(content.text)) : null);
}
