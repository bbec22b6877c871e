/**
 * Renders a message's content by its type (docs/message-types.md): text, media, links, system notices, and
 * the structured cards (prescription, referral, payment…) as a titled card of their fields. Only text nodes and
 * http(s) URLs reach the page.
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
    case "image":
    case "forward_image": {
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

/** A card: the type's label, then each field as a term and its value; a drug list as a list. */
function structured(msgType: string, content: Content): HTMLElement {
  const fields = Object.entries(content).filter(([name]) => name !== "text");
  return h("div", { class: "structured", "data-msg-type": msgType },
    h("strong", {}, LABELS[msgType] ?? msgType.replace(/_/g, " ")),
    fields.length > 0 ? h("dl", {}, ...fields.flatMap(([name, value]) => [h("dt", {}, name),
      Array.isArray(value) ? h("dd", {}, h("ul", {}, ...value.map((item) => h("li", {}, text(item))))) : h("dd", {}, text(value))])) : null,
    content.text ? h("div", {}, text(content.text)) : null);
}
