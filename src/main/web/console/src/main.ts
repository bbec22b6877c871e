/** The console's entry point: sign-in, the SDK connection, the navigation and the pages. */
import { CarelineClient, type ConnectionState } from "@careline/client";
import { allowed, type Context, type Page } from "./app.js";
import {
  completeSignIn, identity, signInAsDemoUser, signInWithProvider, signOut, tokenProvider, type ConsoleSettings,
} from "./auth.js";
import { h, replace, toast } from "./dom.js";
import { connectionsPage } from "./pages/connections.js";
import { conversationsPage } from "./pages/conversations.js";
import { deskPage } from "./pages/desk.js";
import { monitorPage } from "./pages/monitor.js";
import { notificationsPage } from "./pages/notifications.js";
import { settingsPage } from "./pages/settings.js";
import { workbenchPage } from "./pages/workbench.js";

const PAGES: Page[] = [notificationsPage, conversationsPage, workbenchPage, deskPage, monitorPage, connectionsPage, settingsPage];

const STATES: Record<ConnectionState, string> = {
  idle: "Offline", connecting: "Connecting…", syncing: "Syncing…", live: "Online", reconnecting: "Reconnecting…",
  disconnected: "Disconnected",
};

const main = document.getElementById("main")!;
let leave: (() => void) | void;

async function start(): Promise<void> {
  const settings = await (await fetch("/api/v1/console/settings")).json() as ConsoleSettings;
  try {
    await completeSignIn(settings.oidc);
  } catch (error) {
    toast(String((error as Error).message), true);
  }
  const me = identity();
  if (!me) {
    showSignIn(settings);
    return;
  }
  const client = new CarelineClient({ url: location.origin, token: tokenProvider(settings.oidc), clientType: "web" });
  const context: Context = { client, me, refreshBadges: () => void refreshBadges(context) };
  document.getElementById("who")!.textContent = `${me.userId} · ${me.roles.join(", ")}`;
  const signOutButton = document.getElementById("sign-out")!;
  signOutButton.hidden = false;
  signOutButton.addEventListener("click", () => {
    client.close();
    signOut();
    location.assign("/console/");
  });
  const indicator = document.getElementById("connection")!;
  client.on("state", (state) => {
    indicator.dataset.state = state;
    if (state !== "disconnected") { // the closed event (just before) said why
      indicator.textContent = STATES[state];
    }
  });
  client.on("closed", (closed) => {
    if (!closed.reconnecting) {
      indicator.textContent = closed.code === 4500 ? "Disconnected by an administrator" : `Disconnected (${closed.code})`;
      main.prepend(h("div", { class: "banner", role: "alert" },
        closed.code === 4500 ? "An administrator disconnected this device. Reload the page to connect again."
          : "The server closed the connection for good. Reload the page to connect again."));
    }
  });
  client.on("notification", (notification) => {
    if (!notification.silent && client.state === "live") { // not for what a sync catches up on
      toast(`${notification.title}`, notification.priority === "urgent");
    }
    context.refreshBadges();
  });
  client.on("message", () => context.refreshBadges());
  client.on("frame", (frame) => frame.type === "read" && frame.userId === me.userId && context.refreshBadges());
  client.connect().catch(() => undefined); // the state indicator shows what happened
  window.addEventListener("hashchange", () => route(context));
  route(context);
  void refreshBadges(context);
}

function route(context: Context): void {
  const visible = PAGES.filter((page) => allowed(page, context.me));
  const wanted = location.hash.replace(/^#\//, "");
  const page = visible.find((p) => p.id === wanted) ?? visible[0];
  replace(document.getElementById("nav")!, ...visible.map((p) =>
    h("a", { href: `#/${p.id}`, "aria-current": p === page ? "page" : undefined, "data-page": p.id },
      p.title, h("span", { class: "badge count", "data-badge": p.id, hidden: true }))));
  if (typeof leave === "function") {
    leave();
  }
  document.title = `${page.title} · Careline console`;
  replace(main, h("h1", {}, page.title));
  leave = page.render(context, main);
  void refreshBadges(context);
}

async function refreshBadges(context: Context): Promise<void> {
  try {
    const badge = await context.client.api<{ messages: number; notifications: number }>("/api/v1/me/unread");
    setBadge("notifications", badge.notifications);
    setBadge("conversations", badge.messages);
  } catch {
    // the next change refreshes them
  }
}

function setBadge(page: string, count: number): void {
  const badge = document.querySelector<HTMLElement>(`[data-badge="${page}"]`);
  if (badge) {
    badge.textContent = String(count);
    badge.hidden = count === 0;
  }
}

function showSignIn(settings: ConsoleSettings): void {
  document.title = "Sign in · Careline console";
  const box = h("section", { class: "signin card" }, h("h1", {}, "Sign in to the Careline console"));
  if (settings.oidc) {
    const oidc = settings.oidc;
    box.append(h("button", { class: "button", type: "button", id: "sign-in",
      onclick: () => void signInWithProvider(oidc).catch((error) => toast(String(error.message), true)) },
      "Sign in with your hospital account"));
  }
  if (settings.devUsers) {
    box.append(h("p", { class: "muted" }, "Dev mode: sign in as a demo user."));
    for (const user of settings.devUsers) {
      box.append(h("button", { class: "button secondary", type: "button",
        onclick: () => void signInAsDemoUser(user).then(() => location.reload()) }, `${user.userId} (${user.role})`));
    }
  }
  if (!settings.oidc && !settings.devUsers) {
    box.append(h("p", {}, "No identity provider is configured: set careline.console.oidc.issuer and client-id."));
  }
  replace(main, box);
}

void start();
