/**
 * The real-time monitor: connection state, who is online, each node's rates and latencies as live charts, and a
 * notification's trail (sent, delivered, read, acknowledged, each escalation step) looked up by its id.
 */
import type { Context, Page } from "../app.js";
import { h, replace, toast, when } from "../dom.js";

interface LogEntry { userId?: string; action: string; actorId?: string; at: string; detail?: string }

interface NodeFigures {
  node: string; sampledAt: string; connections: number; messagesPerSecond: number; notificationsPerSecond: number;
  framesDeliveredPerSecond: number; deliveryLatencyP50Ms: number | null; deliveryLatencyP99Ms: number | null;
  pushAttemptsPerSecond: number; pushSuccessRate: number | null; fanoutBacklog: number; fanoutFailuresPerSecond: number;
}
interface Figures { nodes: NodeFigures[]; total: NodeFigures; outbox: Record<string, number> }
interface Stats { connections: number; users: number; byNode: Record<string, number>; byRole: Record<string, number>; byClientType: Record<string, number> }

const COLORS = ["#3B82F6", "#10B981", "#F59E0B", "#EF4444", "#8B5CF6", "#0EA5E9"];
const SAMPLES = 60;
const CHARTS: [string, (f: NodeFigures) => number | null, string][] = [
  ["Messages per second", (f) => f.messagesPerSecond, "/s"],
  ["Notifications per second", (f) => f.notificationsPerSecond, "/s"],
  ["Delivery latency p50", (f) => f.deliveryLatencyP50Ms, " ms"],
  ["Delivery latency p99", (f) => f.deliveryLatencyP99Ms, " ms"],
];

/** A line per node over the last samples; the y axis starts at 0 and ends at the highest value seen. */
function chart(title: string, unit: string, series: Map<string, (number | null)[]>): HTMLElement {
  const all = [...series.values()].flat().filter((v): v is number => v !== null);
  const top = Math.max(1, ...all);
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", `0 0 ${SAMPLES - 1} 100`);
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", title);
  [...series.entries()].forEach(([, values], index) => {
    const line = document.createElementNS("http://www.w3.org/2000/svg", "polyline");
    const offset = SAMPLES - values.length;
    line.setAttribute("points", values.map((v, i) => `${offset + i},${95 - ((v ?? 0) / top) * 90}`).join(" "));
    line.setAttribute("stroke", COLORS[index % COLORS.length]);
    line.setAttribute("vector-effect", "non-scaling-stroke");
    svg.append(line);
  });
  const latest = [...series.entries()].map(([node, values], index) => h("span", { style: `color:${COLORS[index % COLORS.length]}` },
    `${node}: ${values.at(-1) === null || values.at(-1) === undefined ? "–" : (values.at(-1) as number).toFixed(1) + unit}`));
  return h("figure", { class: "chart", "data-chart": title }, h("figcaption", { class: "row spread" }, h("strong", {}, title),
    h("span", { class: "row muted" }, ...latest)), svg);
}

function render(context: Context, root: HTMLElement): () => void {
  const summary = h("div", { class: "grid" });
  const charts = h("div", { class: "grid", style: "grid-template-columns: repeat(auto-fill, minmax(320px, 1fr))" });
  const nodes = h("tbody");
  const trailId = h("input", { type: "text", "aria-label": "Notification id", placeholder: "Notification id", maxlength: 36 });
  const trail = h("tbody", { id: "notification-trail" });
  const lookup = h("form", { class: "row" }, trailId, h("button", { class: "button", type: "submit" }, "Show trail"));
  lookup.addEventListener("submit", (event) => {
    event.preventDefault();
    void showTrail(trailId.value.trim()).catch((error) => toast(`No trail: ${error.message}`, true));
  });
  root.append(summary, h("h2", {}, "Live"), charts, h("h2", {}, "Nodes"),
    h("table", {}, h("thead", {}, h("tr", {}, ...["Node", "Connections", "Messages/s", "Notifications/s", "p50 ms", "p99 ms",
      "Push success", "Fan-out backlog"].map((label) => h("th", {}, label)))), nodes),
    h("h2", {}, "Notification trail"), lookup,
    h("table", {}, h("thead", {}, h("tr", {}, ...["When", "Who", "What", "Detail"].map((label) => h("th", {}, label)))), trail));

  /** Every transition of one notification, oldest first: escalation steps among them, with what each did. */
  async function showTrail(id: string): Promise<void> {
    const page = await context.client.api<{ items: LogEntry[] }>(
      `/api/v1/notification-log?notificationId=${encodeURIComponent(id)}&limit=100`);
    replace(trail, ...page.items.map((entry) => h("tr", { "data-action": entry.action },
      h("td", {}, when(entry.at)), h("td", {}, entry.userId ?? entry.actorId ?? "–"), h("td", {}, entry.action),
      h("td", {}, entry.detail ?? ""))));
  }
  const history = new Map<string, NodeFigures[]>();

  async function poll(): Promise<void> {
    const [figures, stats] = await Promise.all([
      context.client.api<Figures>("/api/v1/admin/figures"), context.client.api<Stats>("/api/v1/admin/connections/stats"),
    ]);
    for (const figure of [...figures.nodes]) {
      const samples = history.get(figure.node) ?? [];
      if (samples.at(-1)?.sampledAt !== figure.sampledAt) {
        samples.push(figure);
      }
      history.set(figure.node, samples.slice(-SAMPLES));
    }
    const card = (label: string, value: string | number, name: string) =>
      h("div", { class: "card" }, h("div", { class: "muted" }, label), h("div", { class: "stat", "data-stat": name }, value));
    replace(summary,
      card("Connection", context.client.state === "live" ? "Online" : context.client.state, "connection"),
      card("Users online", stats.users, "users"), card("Connections", stats.connections, "connections"),
      card("Nodes", figures.nodes.length, "nodes"),
      card("Dead pushes", figures.outbox.dead ?? 0, "dead"));
    replace(charts, ...CHARTS.map(([title, pick, unit]) => chart(title, unit,
      new Map([...history.entries()].map(([node, samples]) => [node, samples.map(pick)])))));
    const rate = (value: number | null) => (value === null ? "–" : value.toFixed(1));
    replace(nodes, ...[...figures.nodes, figures.total].map((f) => h("tr", { "data-node": f.node },
      h("td", {}, f.node === "all" ? "All nodes" : f.node), h("td", {}, f.connections), h("td", {}, rate(f.messagesPerSecond)),
      h("td", {}, rate(f.notificationsPerSecond)), h("td", {}, rate(f.deliveryLatencyP50Ms)), h("td", {}, rate(f.deliveryLatencyP99Ms)),
      h("td", {}, f.pushSuccessRate === null ? "–" : `${Math.round(f.pushSuccessRate * 100)} %`), h("td", {}, f.fanoutBacklog))));
  }

  const timer = setInterval(() => void poll().catch(() => undefined), 2000);
  void poll().catch(() => undefined);
  return () => clearInterval(timer);
}

export const monitorPage: Page = { id: "monitor", title: "Monitor", roles: ["admin"], render };
