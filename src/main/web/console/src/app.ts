/** What every page gets: the signed-in user, the SDK client, and the page's own area of the screen. */
import type { CarelineClient } from "@careline/client";
import type { Identity } from "./auth.js";

export interface Context {
  client: CarelineClient;
  me: Identity;
  /** Recomputes the navigation's unread badges. */
  refreshBadges(): void;
}

export interface Page {
  /** The route (#/id); never carries patient data. */
  id: string;
  /** The page's heading and the document title; never carries patient data. */
  title: string;
  /** The roles that see the page; empty means everyone. */
  roles: string[];
  /** Draws the page into `root`; answers what to undo when the page is left. */
  render(context: Context, root: HTMLElement): (() => void) | void;
}

/** Whether the user may see the page. */
export function allowed(page: Page, me: Identity): boolean {
  return page.roles.length === 0 || page.roles.some((role) => me.roles.includes(role));
}
