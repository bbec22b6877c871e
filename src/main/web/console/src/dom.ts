/** Small DOM helpers: elements built with text only (never HTML strings), times, and the toast. */

type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | EventListener | undefined>;

/** An element with attributes (`on…` ones become listeners) and children (strings become text). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) {
      continue;
    }
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) {
      element.setAttribute(name, "");
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, ...children);
  return element;
}

export function append(parent: Element, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** A time as people read it: the clock time today, else the date and time. */
export function when(iso: string | undefined): string {
  if (!iso) {
    return "";
  }
  const date = new Date(iso);
  const today = new Date().toDateString() === date.toDateString();
  return today ? date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })
    : date.toLocaleString([], { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
}

/** Runs `work` once, `ms` after the last of a burst of calls; `cancel` drops a pending run. */
export function debounced(work: () => unknown, ms: number): { run(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    run() {
      clearTimeout(timer);
      timer = setTimeout(() => void work(), ms);
    },
    cancel: () => clearTimeout(timer),
  };
}

let toastTimer: ReturnType<typeof setTimeout> | undefined;

/** A short message at the bottom of the page. */
export function toast(text: string, urgent = false): void {
  const element = document.getElementById("toast")!;
  element.textContent = text;
  element.className = urgent ? "toast urgent" : "toast";
  element.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (element.hidden = true), 4000);
}

/** Opens the slide-out panel with the given content; Escape or the close button closes it. */
export function openPanel(title: string, ...content: Child[]): void {
  const panel = document.getElementById("panel")!;
  const close = h("button", { class: "button secondary", type: "button", onclick: closePanel }, "Close");
  replace(panel, h("div", { class: "row spread" }, h("h1", {}, title), close), ...content);
  panel.setAttribute("aria-hidden", "false");
  close.focus();
}

export function closePanel(): void {
  document.getElementById("panel")!.setAttribute("aria-hidden", "true");
}

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") {
    closePanel();
  }
});
