// The SDK against real Careline nodes: frames checked against the AsyncAPI document, nothing lost or
// duplicated when the connection dies mid-conversation, sends retried when rate limited, a fresh token after
// 4001, and no reconnect after 4500.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import net from "node:net";
import { test } from "node:test";
import ts from "typescript";
import YAML from "yaml";
import { CarelineClient } from "../../../target/classes/META-INF/resources/sdk/careline.js";
import { NODES, consultationSession, eventually, expectRest, freshTenant, profile, token } from "./support.mjs";

const fast = { initialMs: 100, maxMs: 1000 };

/** A TCP relay in front of a node, whose connections the test can cut (as a network failure would). */
async function relay(target) {
  const sockets = new Set();
  const state = { target: new URL(target) };
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(state.target.port), state.target.hostname);
    for (const [a, b] of [[client, upstream], [upstream, client]]) {
      a.pipe(b);
      a.on("error", () => b.destroy());
      a.on("close", () => b.destroy());
      sockets.add(a);
      a.on("close", () => sockets.delete(a));
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    cut(nextTarget) {
      state.target = new URL(nextTarget);
      for (const socket of sockets) {
        socket.destroy();
      }
    },
    close: () => server.close(),
  };
}

test("every frame the SDK declares matches the AsyncAPI document, field by field", () => {
  const spec = YAML.parse(readFileSync("src/main/resources/META-INF/resources/asyncapi.yaml", "utf8"));
  const source = ts.createSourceFile("frames.d.ts",
    readFileSync("target/classes/META-INF/resources/sdk/frames.d.ts", "utf8"), ts.ScriptTarget.ES2022);
  const interfaces = new Map();
  const unions = new Map();
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) {
      interfaces.set(node.name.text, new Map(node.members.filter(ts.isPropertySignature).map((member) =>
        [member.name.getText(source), { optional: Boolean(member.questionToken), type: member.type.getText(source) }])));
    } else if (ts.isTypeAliasDeclaration(node) && ts.isUnionTypeNode(node.type)) {
      unions.set(node.name.text, node.type.types.map((member) => member.getText(source)));
    }
  });
  for (const [operation, union] of [["clientFrames", "ClientFrame"], ["serverFrames", "ServerFrame"]]) {
    // The SDK's frames of this direction, by their type literal.
    const declared = new Map(unions.get(union).map((name) => [JSON.parse(interfaces.get(name).get("type").type), name]));
    const documented = spec.operations[operation].messages
      .map((ref) => spec.components.messages[ref.$ref.split("/").pop()].payload);
    assert.deepEqual([...declared.keys()].sort(), documented.map((payload) => payload.properties.type.const).sort(),
      `${union} lists exactly the document's ${operation}`);
    for (const payload of documented) {
      const name = declared.get(payload.properties.type.const);
      const fields = interfaces.get(name);
      assert.deepEqual([...fields.keys()].sort(), Object.keys(payload.properties).sort(), `${name}'s fields`);
      for (const [field, declaration] of fields) {
        if (payload.required) {
          assert.equal(declaration.optional, !payload.required.includes(field), `${name}.${field} optionality`);
        }
        const kind = payload.properties[field].type;
        const expected = { string: /string|"/, integer: /number/, boolean: /boolean/, array: /\[\]/, object: /\{|Record/ }[kind];
        if (expected) {
          assert.match(declaration.type, expected, `${name}.${field} is ${kind}`);
        }
      }
    }
  }
});

test("a connection killed mid-conversation loses nothing and duplicates nothing, across nodes", async () => {
  const tenant = freshTenant();
  const session = await consultationSession(tenant, "dr-k", "pat-k");
  const doctor = token(tenant, "dr-k", "doctor");
  const proxy = await relay(NODES[0]);
  const patient = new CarelineClient({ url: proxy.url, token: () => token(tenant, "pat-k", "patient"), backoff: fast });
  const delivered = [];
  const closes = [];
  patient.on("message", (message) => delivered.push(message.seq));
  patient.on("closed", (closed) => closes.push(closed));
  try {
    await patient.connect();
    const firstConnection = patient.connectionId;
    const doctorSends = (async () => {
      for (let i = 1; i <= 30; i++) {
        await expectRest(201, NODES[1], doctor, "POST", `/api/v1/sessions/${session}/messages`,
          { type: "text", content: { text: `doctor ${i}` } });
      }
    })();
    const patientSends = [];
    for (let i = 1; i <= 20; i++) {
      patientSends.push(patient.send(session, "text", { text: `patient ${i}` }));
      if (i === 8) {
        await eventually(() => delivered.length >= 10, 10_000, "ten messages before the cut");
        proxy.cut(NODES[1]); // the network drops; the next connection lands on the other node
      }
    }
    await doctorSends;
    const acks = await Promise.all(patientSends);
    await eventually(() => patient.messages(session).length === 50, 15_000, "all 50 messages held");
    assert.deepEqual(patient.messages(session).map((m) => m.seq), Array.from({ length: 50 }, (_, i) => i + 1));
    assert.deepEqual([...delivered].sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i + 1),
      "each message reached the app exactly once");
    assert.equal(new Set(acks.map((ack) => ack.seq)).size, 20);
    const stored = await expectRest(200, NODES[0], doctor, "GET", `/api/v1/sessions/${session}/messages?limit=100`);
    const texts = stored.items.map((m) => m.content.text);
    assert.equal(texts.length, 50, "the server stored 50 messages");
    for (let i = 1; i <= 20; i++) {
      assert.equal(texts.filter((text) => text === `patient ${i}`).length, 1, `patient ${i} stored once`);
    }
    assert.ok(closes.length >= 1 && closes.every((c) => c.reconnecting), "the cut closed the connection");
    assert.notEqual(patient.connectionId, firstConnection, "connected again, to the other node");
  } finally {
    patient.close();
    proxy.close();
  }
});

test("sends refused as RATE_LIMITED are retried until each is stored once", async () => {
  const tenant = freshTenant();
  const session = await consultationSession(tenant, "dr-r", "pat-r");
  const patient = new CarelineClient({ url: NODES[0], token: token(tenant, "pat-r", "patient"), backoff: fast });
  const refusals = [];
  patient.on("frame", (frame) => frame.type === "error" && refusals.push(frame.code));
  try {
    await patient.connect();
    const acks = await Promise.all(Array.from({ length: 60 }, (_, i) => patient.send(session, "text", { text: `m${i}` })));
    assert.ok(refusals.includes("RATE_LIMITED"), "the burst was rate limited");
    assert.deepEqual(acks.map((ack) => ack.seq).sort((a, b) => a - b), Array.from({ length: 60 }, (_, i) => i + 1));
  } finally {
    patient.close();
  }
});

test("an expired token closes with 4001, the provider is asked again and the client carries on", async () => {
  const tenant = freshTenant();
  const session = await consultationSession(tenant, "dr-t", "pat-t");
  let issued = 0;
  const patient = new CarelineClient({
    url: NODES[0], backoff: fast, refreshAheadMs: 0,
    token: () => token(tenant, "pat-t", "patient", ++issued === 1 ? 2 : 3600),
  });
  const closes = [];
  patient.on("closed", (closed) => closes.push(closed.code));
  try {
    await patient.connect();
    const first = patient.connectionId;
    await eventually(() => closes.includes(4001), 10_000, "the 4001 close");
    await eventually(() => patient.state === "live" && patient.connectionId !== first, 10_000, "a new connection");
    assert.equal(issued, 2);
    await expectRest(201, NODES[1], token(tenant, "dr-t", "doctor"), "POST", `/api/v1/sessions/${session}/messages`,
      { type: "text", content: { text: "after" } });
    await eventually(() => patient.messages(session).some((m) => m.content.text === "after"), 10_000, "the message");
  } finally {
    patient.close();
  }
});

test("a force disconnect (4500) leaves the client disconnected, without reconnecting", async () => {
  const tenant = freshTenant();
  await profile(tenant, "pat-d", "patient");
  const admin = token(tenant, "admin", "admin");
  const patient = new CarelineClient({ url: NODES[1], token: token(tenant, "pat-d", "patient"), backoff: fast });
  const closes = [];
  patient.on("closed", (closed) => closes.push(closed));
  try {
    await patient.connect();
    await eventually(async () => (await expectRest(200, NODES[0], admin, "GET", "/api/v1/admin/connections")).total === 1,
      10_000, "the connection listed");
    await expectRest(202, NODES[0], admin, "POST", "/api/v1/admin/connections/disconnect", { userId: "pat-d" });
    await eventually(() => patient.state === "disconnected", 10_000, "the disconnected state");
    assert.deepEqual(closes.map((c) => [c.code, c.reconnecting]), [[4500, false]]);
    // Longer than the backoff's ceiling: a reconnect would have happened by now.
    await new Promise((resolve) => setTimeout(resolve, 2 * fast.maxMs));
    assert.equal(patient.state, "disconnected");
    assert.equal((await expectRest(200, NODES[0], admin, "GET", "/api/v1/admin/connections")).total, 0);
  } finally {
    patient.close();
  }
});

test("notifications sent while the device is away arrive after it reconnects, each once and in nseq order", async () => {
  const tenant = freshTenant();
  await profile(tenant, "pat-n", "patient");
  const admin = token(tenant, "admin", "admin");
  const notify = (title) => expectRest(201, NODES[1], admin, "POST", "/api/v1/notifications",
    { recipients: ["pat-n"], type: "welcome", title, content: title });
  const proxy = await relay(NODES[0]);
  const patient = new CarelineClient({ url: proxy.url, token: token(tenant, "pat-n", "patient"), backoff: fast,
    connectTimeoutMs: 1000 });
  const arrived = [];
  patient.on("notification", (n) => arrived.push(n.nseq));
  try {
    await patient.connect();
    await notify("one");
    await eventually(() => arrived.length === 1, 10_000, "the first notification");
    proxy.cut("http://127.0.0.1:1"); // away: every reconnect fails until the network is back
    await eventually(() => patient.state === "reconnecting", 10_000, "the reconnecting state");
    for (const title of ["two", "three", "four"]) {
      await notify(title);
    }
    proxy.cut(NODES[1]);
    await eventually(() => arrived.length === 4 && patient.state === "live", 15_000, "the missed notifications");
    assert.deepEqual(arrived, [1, 2, 3, 4]);
    assert.deepEqual(patient.notifications.list().map((n) => n.title), ["one", "two", "three", "four"]);
  } finally {
    patient.close();
    proxy.close();
  }
});

test("a token about to expire is replaced ahead of time, and the reconnect after 4001 uses the new one", async () => {
  const tenant = freshTenant();
  await profile(tenant, "pat-a", "patient");
  let issued = 0;
  const patient = new CarelineClient({
    url: NODES[0], backoff: fast, refreshAheadMs: 1500,
    token: () => token(tenant, "pat-a", "patient", ++issued === 1 ? 3 : 3600),
  });
  const closes = [];
  patient.on("closed", (closed) => closes.push(closed.code));
  try {
    await patient.connect();
    const first = patient.connectionId;
    await eventually(() => issued === 2, 10_000, "the token refreshed ahead of its expiry");
    assert.deepEqual(closes, [], "refreshed while the first connection still lived");
    await eventually(() => closes.includes(4001), 10_000, "the first connection closed with its token");
    await eventually(() => patient.state === "live" && patient.connectionId !== first, 10_000, "a new connection");
    assert.equal(issued, 2, "the reconnect used the token fetched ahead");
  } finally {
    patient.close();
  }
});

test("recalls and edits replace the messages held, live and, after time away, from the last change seen", async () => {
  const tenant = freshTenant();
  const session = await consultationSession(tenant, "dr-e", "pat-e");
  const doctor = token(tenant, "dr-e", "doctor");
  const patient = new CarelineClient({ url: NODES[0], token: () => token(tenant, "pat-e", "patient"), backoff: fast });
  const changed = [];
  patient.on("messageChanged", (message) => changed.push(message.seq));
  try {
    await patient.connect();
    for (const text of ["one", "two", "three"]) {
      await expectRest(201, NODES[1], doctor, "POST", `/api/v1/sessions/${session}/messages`, { type: "text", content: { text } });
    }
    await eventually(() => patient.messages(session).length === 3, 10_000, "three messages held");
    await expectRest(200, NODES[1], doctor, "POST", `/api/v1/sessions/${session}/messages/1/recall`, { reason: "wrong patient" });
    await eventually(() => patient.messages(session)[0].recalled === true, 10_000, "the recall applied live");
    assert.equal(patient.messages(session)[0].content, undefined);

    patient.close();
    await expectRest(200, NODES[1], doctor, "PATCH", `/api/v1/sessions/${session}/messages/2`, { content: { text: "two, corrected" } });
    await expectRest(200, NODES[1], doctor, "POST", `/api/v1/sessions/${session}/messages/3/recall`, {});
    await patient.connect();
    const [first, second, third] = patient.messages(session);
    assert.equal(first.recalled, true);
    assert.deepEqual(second.content, { text: "two, corrected" });
    assert.equal(second.revision, 1);
    assert.equal(third.recalled, true);
    assert.equal(third.content, undefined);
    assert.deepEqual(changed, [1, 2, 3], "each change applied once");
  } finally {
    patient.close();
  }
});

test("an urgent notification asks for an acknowledgement, which acknowledge() gives once", async () => {
  const tenant = freshTenant();
  await profile(tenant, "nurse-a", "nurse");
  const nurse = new CarelineClient({ url: NODES[0], token: () => token(tenant, "nurse-a", "nurse"), backoff: fast });
  try {
    await nurse.connect();
    const sent = await expectRest(201, NODES[1], token(tenant, "admin", "admin"), "POST", "/api/v1/notifications",
      { recipients: ["nurse-a"], type: "system_alert", title: "Bed 4 SpO2 82%", content: "Check now.", priority: "stat" });
    await eventually(() => nurse.notifications.size === 1, 10_000, "the notification held");
    const [held] = nurse.notifications.list();
    assert.equal(held.requiresAck, true);
    assert.equal(held.priority, "urgent");
    const answer = await nurse.acknowledge([sent.notificationId]);
    assert.deepEqual(answer, { type: "acknowledged", id: answer.id, ids: [sent.notificationId] });
    assert.deepEqual((await nurse.acknowledge([sent.notificationId])).ids, [], "acknowledged once");
  } finally {
    nurse.close();
  }
});
