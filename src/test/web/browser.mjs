// Debian's Chromium driven by playwright-core (no browser download), and signing in to the console through
// the local identity provider, as a person would.
import { chromium } from "playwright-core";

export const IDP_PORT = Number(process.env.CARELINE_FAKE_IDP_PORT ?? 18099);
export const CLIENT_ID = "careline-console";

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    // As root in CI, without a sandbox; no calls home (the network is closed, and they slow every start).
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}

/** A new browser context signed in to the console on `node` as the user; answers its page, connected. */
export async function signIn(browser, node, tenant, userId, role, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on("pageerror", (error) => console.error(`[${userId}] page error: ${error.message}`));
  await page.goto(`${node}/console/`);
  await page.getByRole("button", { name: "Sign in with your hospital account" }).click();
  await page.fill("input[name=user]", userId);
  await page.fill("input[name=role]", role);
  await page.fill("input[name=tenant]", tenant);
  await page.click("button[type=submit]");
  await page.waitForURL(`${node}/console/**`);
  await expectOnline(page);
  return page;
}

export async function expectOnline(page) {
  await page.locator('#connection[data-state="live"]').waitFor({ timeout: 15_000 });
}

/** Opens a page of the console by its navigation link. */
export async function visit(page, id) {
  await page.click(`nav a[data-page="${id}"]`);
  await page.locator("main h1").waitFor();
}
