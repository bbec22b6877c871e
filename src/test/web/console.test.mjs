// The console in headless Chromium against two packaged nodes, each person signed in through the (local)
// identity provider with PKCE: chat with live read receipts, urgent and silent notifications, the agent desk's
// queue, and force disconnect.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { CLIENT_ID, IDP_PORT, launch, signIn, visit } from "./browser.mjs";
import { startIdp } from "./fake-idp.mjs";
import { NODES, consultationSession, eventually, expectRest, freshTenant, profile, token } from "./support.mjs";

let browser;
let idp;

before(async () => {
  idp = await startIdp(IDP_PORT, CLIENT_ID);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  idp?.close();
});

test("sign-in takes the authorization code with PKCE and leaves nothing of it in the address bar", async () => {
  const tenant = freshTenant();
  await profile(tenant, "pat-s", "patient");
  const exchanges = idp.state.exchanges;
  const page = await signIn(browser, NODES[0], tenant, "pat-s", "patient");
  try {
    assert.equal(idp.state.exchanges, exchanges + 1);
    assert.doesNotMatch(page.url(), /code=|state=/);
    assert.equal(await page.title(), "Notifications · Careline console");
    assert.equal(await page.locator("nav a").count(), 3, "a patient sees notifications, conversations and settings");
    // Keyboard only: Tab to the navigation's second link, then Enter.
    for (let i = 0; i < 10 && await page.evaluate(() => document.activeElement?.dataset.page) !== "conversations"; i++) {
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Enter");
    await page.locator("main h1", { hasText: "Conversations" }).waitFor();
  } finally {
    await page.context().close();
  }
});

test("a doctor and a patient chat in two browsers, on two nodes, and see messages and read receipts live", async () => {
  const tenant = freshTenant();
  await consultationSession(tenant, "dr-c", "pat-c", "chat-1");
  const doctor = await signIn(browser, NODES[0], tenant, "dr-c", "doctor");
  const patient = await signIn(browser, NODES[1], tenant, "pat-c", "patient");
  try {
    for (const page of [doctor, patient]) {
      await visit(page, "conversations");
      await page.click('button[data-session="chat-1"]');
      await page.locator(".conversation").waitFor();
    }
    await doctor.fill('input[aria-label="Message"]', "How are you feeling today?");
    await doctor.press('input[aria-label="Message"]', "Enter");
    await patient.locator(".bubble", { hasText: "How are you feeling today?" }).waitFor();
    // The patient has the conversation open, so it is read at once and the doctor sees the receipt.
    await doctor.locator(".bubble.mine [data-receipt]", { hasText: "Read" }).waitFor();
    await patient.fill('input[aria-label="Message"]', "Much better, thank you.");
    await patient.click('button:has-text("Send")');
    await doctor.locator(".bubble:not(.mine)", { hasText: "Much better, thank you." }).waitFor();
    await patient.locator(".bubble.mine [data-receipt]", { hasText: "Read" }).waitFor();
    const stored = await expectRest(200, NODES[0], token(tenant, "dr-c", "doctor"), "GET", "/api/v1/sessions/chat-1/messages?limit=10");
    assert.deepEqual(stored.items.filter((m) => m.type === "text").map((m) => m.content.text),
      ["How are you feeling today?", "Much better, thank you."]);
  } finally {
    await doctor.context().close();
    await patient.context().close();
  }
});

test("an urgent notification from an admin appears in the notification center at once and asks to be acknowledged", async () => {
  const tenant = freshTenant();
  await profile(tenant, "nurse-u", "nurse");
  const nurse = await signIn(browser, NODES[1], tenant, "nurse-u", "nurse");
  try {
    await nurse.locator("#notification-list [data-empty]").waitFor();
    await expectRest(201, NODES[0], token(tenant, "admin", "admin"), "POST", "/api/v1/notifications", {
      recipients: ["nurse-u"], type: "system_alert", title: "Ward 3 oxygen supply alarm", content: "Check the supply now.",
    });
    const card = nurse.locator("#notification-list article", { hasText: "Ward 3 oxygen supply alarm" });
    await card.waitFor();
    assert.equal(await card.locator(".badge.urgent").textContent(), "urgent");
    assert.match(await nurse.locator("#toast").textContent(), /Ward 3 oxygen supply alarm/);
    await nurse.locator('[data-badge="notifications"]', { hasText: "1" }).waitFor();
    await card.locator('input[type="checkbox"]').check();
    await nurse.click('button:has-text("Mark selected read")');
    // Read is not acknowledged: the urgent card keeps asking until the nurse acknowledges it.
    const read = nurse.locator('#notification-list article.awaiting-ack[data-status="read"]');
    await read.waitFor();
    await read.locator("button[data-ack]").click();
    await nurse.locator('#notification-list article[data-status="acknowledged"]').waitFor();
    assert.equal(await nurse.locator("#notification-list article.awaiting-ack").count(), 0);
  } finally {
    await nurse.context().close();
  }
});

test("quiet hours set on the settings page make a normal notification arrive silently", async () => {
  const tenant = freshTenant();
  await profile(tenant, "pat-q", "patient");
  const patient = await signIn(browser, NODES[0], tenant, "pat-q", "patient");
  try {
    await visit(patient, "settings");
    await patient.locator("#quiet-on").check();
    const hour = (offset) => String((new Date().getUTCHours() + 24 + offset) % 24).padStart(2, "0") + ":00";
    await patient.fill("#quiet-start", hour(-1));
    await patient.fill("#quiet-end", hour(2));
    await patient.fill("#quiet-zone", "UTC");
    await patient.click("#save-settings");
    await patient.locator("#toast", { hasText: "Settings saved." }).waitFor();
    await visit(patient, "notifications");
    await patient.locator("#notification-list [data-empty]").waitFor();
    await expectRest(201, NODES[1], token(tenant, "admin", "admin"), "POST", "/api/v1/notifications", {
      recipients: ["pat-q"], type: "appointment", title: "Your appointment moved to Friday", content: "10:30, room 4.",
    });
    const card = patient.locator("#notification-list article", { hasText: "Your appointment moved to Friday" });
    await card.waitFor();
    // The card and the toast come from the same frame: had it not been silent, the toast would show now.
    assert.doesNotMatch(await patient.locator("#toast").textContent(), /appointment/, "no popup during quiet hours");
    await card.click();
    await patient.locator("#panel", { hasText: "silent" }).waitFor();
  } finally {
    await patient.context().close();
  }
});

test("an agent claims a waiting room while a second agent sees it leave the queue", async () => {
  const tenant = freshTenant();
  const admin = token(tenant, "admin", "admin");
  await profile(tenant, "front-assistant", "agent");
  await expectRest(201, NODES[0], admin, "PUT", "/api/v1/support/desks/front", {
    name: "Front desk", assistantId: "front-assistant", routing: "manual", capacity: 3 });
  for (const agent of ["agent-a", "agent-b"]) {
    await profile(tenant, agent, "agent");
    await expectRest(201, NODES[0], admin, "PUT", `/api/v1/support/desks/front/agents/${agent}`, { supervisor: false });
  }
  await profile(tenant, "cust-1", "patient");
  const room = (await expectRest(201, NODES[1], token(tenant, "cust-1", "patient"), "POST", "/api/v1/support/rooms",
    { deskId: "front" })).sessionId;
  const first = await signIn(browser, NODES[0], tenant, "agent-a", "agent");
  const second = await signIn(browser, NODES[1], tenant, "agent-b", "agent");
  try {
    for (const page of [first, second]) {
      await visit(page, "desk");
      await page.locator(`#queues [data-room="${room}"]`).waitFor();
    }
    await first.click(`#queues [data-room="${room}"] button:has-text("Claim")`);
    await second.locator(`#queues [data-room="${room}"]`).waitFor({ state: "detached" });
    await first.locator(`#my-rooms [data-room="${room}"]`).waitFor();
    await first.locator(`.conversation[data-session="${room}"]`).waitFor();
    await first.fill('input[aria-label="Message"]', "Hello, how can I help?");
    await first.press('input[aria-label="Message"]', "Enter");
    await first.locator(".bubble.mine", { hasText: "Hello, how can I help?" }).waitFor();
    const held = await expectRest(200, NODES[1], admin, "GET", `/api/v1/support/rooms/${room}`);
    assert.equal(held.agentId, "agent-a");
  } finally {
    await first.context().close();
    await second.context().close();
  }
});

test("a force disconnect from the connection admin shows the disconnected state in the victim's page", async () => {
  const tenant = freshTenant();
  await profile(tenant, "pat-v", "patient");
  await profile(tenant, "admin-v", "admin");
  const victim = await signIn(browser, NODES[1], tenant, "pat-v", "patient");
  const admin = await signIn(browser, NODES[0], tenant, "admin-v", "admin");
  try {
    await visit(admin, "connections");
    await admin.fill('[data-filter="userId"]', "pat-v");
    await admin.press('[data-filter="userId"]', "Enter");
    await admin.locator('#connection-rows tr[data-user="pat-v"]').waitFor();
    await admin.fill("#disconnect-reason", "shared terminal");
    await admin.click('#connection-rows tr[data-user="pat-v"] button[data-disconnect]');
    await victim.locator("#connection", { hasText: "Disconnected by an administrator" }).waitFor();
    await victim.locator(".banner", { hasText: "An administrator disconnected this device" }).waitFor();
    await admin.locator("#audit-rows", { hasText: "shared terminal" }).waitFor();
    await eventually(async () => (await expectRest(200, NODES[0], token(tenant, "admin", "admin"), "GET",
      "/api/v1/admin/connections?userId=pat-v")).total === 0, 10_000, "the victim gone from the directory");
    assert.equal(await victim.locator("#connection").getAttribute("data-state"), "disconnected");
  } finally {
    await victim.context().close();
    await admin.context().close();
  }
});

test("in a group, the sender sees who read a message, and a recall or an edit shows on every member's page", async () => {
  const tenant = freshTenant();
  for (const [userId, role] of [["dr-g", "doctor"], ["nurse-g", "nurse"], ["pat-g", "patient"]]) {
    await profile(tenant, userId, role);
  }
  await expectRest(201, NODES[0], token(tenant, "his", "service"), "POST", "/api/v1/sessions", {
    id: "ward-g", type: "group", name: "Ward",
    participants: [{ userId: "dr-g", role: "doctor" }, { userId: "nurse-g", role: "nurse" }, { userId: "pat-g", role: "patient" }],
  });
  const doctor = await signIn(browser, NODES[0], tenant, "dr-g", "doctor");
  const patient = await signIn(browser, NODES[1], tenant, "pat-g", "patient");
  try {
    for (const page of [doctor, patient]) {
      await visit(page, "conversations");
      await page.click('button[data-session="ward-g"]');
      await page.locator(".conversation").waitFor();
    }
    await doctor.fill('input[aria-label="Message"]', "Fast from midnight");
    await doctor.press('input[aria-label="Message"]', "Enter");
    await patient.locator(".bubble", { hasText: "Fast from midnight" }).waitFor();
    await doctor.locator(".bubble.mine [data-receipt]", { hasText: "Read by 1" }).waitFor();
    await doctor.click(".bubble.mine [data-receipt]");
    await doctor.locator("#panel .readers li", { hasText: "pat-g" }).waitFor();
    assert.match(await doctor.locator("#panel").textContent(), /Not yet: nurse-g/);

    const bearer = token(tenant, "dr-g", "doctor");
    await expectRest(200, NODES[1], bearer, "PATCH", "/api/v1/sessions/ward-g/messages/1", { content: { text: "Fast from 22:00" } });
    await patient.locator(".bubble", { hasText: "Fast from 22:00" }).locator(".edited").waitFor();
    await expectRest(200, NODES[1], bearer, "POST", "/api/v1/sessions/ward-g/messages/1/recall", {});
    await patient.locator(".bubble.removed", { hasText: "Message recalled" }).waitFor();
    assert.equal(await patient.locator(".bubble", { hasText: "Fast from" }).count(), 0);
  } finally {
    await doctor.context().close();
    await patient.context().close();
  }
});

test("an admin follows an unacknowledged alert's escalation trail on the monitor", async () => {
  const tenant = freshTenant();
  await profile(tenant, "nurse-t", "nurse");
  const adminToken = token(tenant, "admin-t", "admin");
  await expectRest(201, NODES[0], adminToken, "PUT", "/api/v1/escalation-policies/fast",
    { steps: [{ afterSeconds: 1, action: "repeat" }] });
  const sent = await expectRest(201, NODES[0], token(tenant, "his", "service"), "POST", "/api/v1/notifications", {
    recipients: ["nurse-t"], type: "system_alert", title: "Bed 7 potassium 6.9", content: "Check now.", escalationPolicyId: "fast",
  });
  await eventually(async () => (await expectRest(200, NODES[1], adminToken, "GET",
    `/api/v1/notification-log?notificationId=${sent.notificationId}&action=escalated`)).items.length === 1, 15_000, "the step fired");
  const admin = await signIn(browser, NODES[1], tenant, "admin-t", "admin");
  try {
    await visit(admin, "monitor");
    await admin.fill('input[aria-label="Notification id"]', sent.notificationId);
    await admin.click('button:has-text("Show trail")');
    const step = admin.locator('#notification-trail tr[data-action="escalated"]');
    await step.waitFor();
    assert.match(await step.textContent(), /step 1: repeat/);
  } finally {
    await admin.context().close();
  }
});
