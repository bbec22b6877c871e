// Every page of the console for the roles that see it, at the desktop (1280×800) and phone (390×844) sizes:
// drawn without a script error, with a title that names only the page, and saved as the screenshots of
// docs/console.md (into CARELINE_SCREENSHOTS).
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, test } from "node:test";
import { CLIENT_ID, IDP_PORT, launch, signIn, visit } from "./browser.mjs";
import { startIdp } from "./fake-idp.mjs";
import { NODES, consultationSession, expectRest, freshTenant, profile, token } from "./support.mjs";

const SHOTS = process.env.CARELINE_SCREENSHOTS ?? "target/console-screenshots";
const SIZES = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } };

let browser;
let idp;
const tenant = freshTenant();

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  idp = await startIdp(IDP_PORT, CLIENT_ID);
  browser = await launch();
  // A day's worth of things to look at: a consultation with typed messages, notifications, a desk with a queue.
  const session = await consultationSession(tenant, "dr-wang", "patient-zhang", "consult-zhang");
  const patient = token(tenant, "patient-zhang", "patient");
  const doctor = token(tenant, "dr-wang", "doctor");
  await expectRest(201, NODES[0], patient, "POST", `/api/v1/sessions/${session}/topics`,
    { id: "consult-1", description: "Headache for three days" });
  for (const [sender, type, content] of [
    [patient, "text", { text: "I have had a headache for three days." }],
    [doctor, "text", { text: "Any fever? Please measure your blood pressure." }],
    [patient, "renewal_vitals", { consultationId: "consult-1", bloodPressure: "135/85", text: "Measured this morning." }],
    [doctor, "prescription", { prescriptionId: "rx-77", drugs: ["Ibuprofen 200 mg, twice a day", "Rest"], text: "Take after meals." }],
    [doctor, "referral", { referralId: "ref-9", hospital: "City Hospital", department: "Neurology" }],
  ]) {
    await expectRest(201, NODES[0], sender, "POST", `/api/v1/sessions/${session}/messages`, { type, content });
  }
  await consultationSession(tenant, "dr-traffic", "pat-traffic", "traffic"); // the monitor's live traffic
  const admin = token(tenant, "admin", "admin");
  for (const [type, title, content] of [
    ["system_alert", "Ward 3 oxygen supply alarm", "Check the supply now."],
    ["exam_result", "CT result ready", "The radiology report is in the record."],
    ["appointment", "Clinic moved to room 4", "From Monday on."],
  ]) {
    await expectRest(201, NODES[0], admin, "POST", "/api/v1/notifications", { recipients: ["dr-wang"], type, title, content });
  }
  await profile(tenant, "front-assistant", "agent");
  await expectRest(201, NODES[0], admin, "PUT", "/api/v1/support/desks/front",
    { name: "Front desk", assistantId: "front-assistant", routing: "manual", capacity: 5 });
  await profile(tenant, "agent-zhao", "agent");
  await expectRest(201, NODES[0], admin, "PUT", "/api/v1/support/desks/front/agents/agent-zhao", { supervisor: false });
  for (const customer of ["cust-li", "cust-zhou"]) {
    await profile(tenant, customer, "patient");
    await expectRest(201, NODES[1], token(tenant, customer, "patient"), "POST", "/api/v1/support/rooms", { deskId: "front" });
  }
});

after(async () => {
  await browser?.close();
  idp?.close();
});

const PEOPLE = [
  ["dr-wang", "doctor", ["notifications", "conversations", "workbench", "settings"]],
  ["agent-zhao", "agent", ["desk"]],
  ["admin", "admin", ["monitor", "connections"]],
];

for (const [size, viewport] of Object.entries(SIZES)) {
  test(`every page draws for its roles at the ${size} size`, async () => {
    for (const [userId, role, pages] of PEOPLE) {
      await profile(tenant, userId, role);
      const page = await signIn(browser, NODES[0], tenant, userId, role, viewport);
      const errors = [];
      page.on("pageerror", (error) => errors.push(error.message));
      try {
        for (const id of pages) {
          await visit(page, id);
          await prepare(page, id);
          assert.match(await page.title(), /^[A-Z][a-z ]+ · Careline console$/, "the title names the page only");
          assert.doesNotMatch(page.url(), /zhang|consult-zhang|rx-77/, "no patient data in the address");
          await page.screenshot({ path: `${SHOTS}/${id}-${size}.png` });
        }
        assert.deepEqual(errors, []);
      } finally {
        await page.context().close();
      }
    }
  });
}

test("pages a role may not use are neither listed nor reachable by address", async () => {
  await profile(tenant, "patient-zhang", "patient");
  const page = await signIn(browser, NODES[1], tenant, "patient-zhang", "patient");
  try {
    assert.deepEqual(await page.locator("nav a").evaluateAll((links) => links.map((a) => a.dataset.page)),
      ["notifications", "conversations", "settings"]);
    await page.goto(`${NODES[1]}/console/#/connections`);
    await page.locator("main h1", { hasText: "Notifications" }).waitFor();
  } finally {
    await page.context().close();
  }
});

/** Brings each page to the state its screenshot shows. */
async function prepare(page, id) {
  if (id === "notifications") {
    await page.locator("#notification-list article").first().waitFor();
  } else if (id === "conversations") {
    await page.click('button[data-session="consult-zhang"]');
    await page.locator('.structured[data-msg-type="prescription"]').waitFor();
  } else if (id === "workbench") {
    await page.click('[role="tab"][data-state="in_progress"]'); // the doctor has replied
    await page.locator('[data-topic="consult-1"]').click();
    await page.locator('.structured[data-msg-type="referral"]').waitFor();
  } else if (id === "desk") {
    await page.locator("#queues [data-room]").nth(1).waitFor();
    await page.locator("#my-rooms p").waitFor();
  } else if (id === "monitor") {
    // Live traffic: the chart shows a rate above zero within a few samples.
    const doctor = token(tenant, "dr-traffic", "doctor");
    const traffic = (async () => {
      for (let i = 0; i < 30; i++) {
        await expectRest(201, NODES[i % 2], doctor, "POST", "/api/v1/sessions/traffic/messages",
          { type: "text", content: { text: `reading ${i}` } });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    await page.locator('[data-chart="Messages per second"] figcaption', { hasText: /: [1-9][0-9.]*\/s/ }).waitFor();
    await traffic;
  } else if (id === "connections") {
    await page.locator("#connection-rows tr").first().waitFor();
    await page.locator("[data-outbox]").first().waitFor();
  } else if (id === "settings") {
    await page.locator("tr[data-type]").first().waitFor();
  }
}
