// Shared by the SDK and console tests: the nodes the Java side started, tokens signed with the dev key, REST.
import { createSign, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";

export const NODES = (process.env.CARELINE_NODES ?? "http://127.0.0.1:8080").split(",");
const KEY = readFileSync(process.env.CARELINE_JWT_KEY ?? "src/dev/keys/privateKey.pem", "utf8");
const ISSUER = process.env.CARELINE_JWT_ISSUER ?? "https://careline.dev";

const base64url = (value) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

/** A token as the hospital's identity provider would issue it, valid for `seconds`. */
export function token(tenant, userId, role, seconds = 3600) {
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${base64url({ alg: "RS256", typ: "JWT" })}.${base64url({
    iss: ISSUER, sub: userId, tenant, groups: [role], iat: now, exp: now + seconds, jti: randomUUID(),
  })}`;
  const signature = createSign("RSA-SHA256").update(unsigned).sign(KEY).toString("base64url");
  return `${unsigned}.${signature}`;
}

/** A tenant no other test uses. */
export function freshTenant() {
  return "w-" + randomUUID().slice(0, 8);
}

/** A REST call; answers {status, body}. */
export async function rest(node, bearer, method, path, body) {
  const response = await fetch(node + path, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** A REST call that must answer `status`; answers the body. */
export async function expectRest(status, node, bearer, method, path, body) {
  const answer = await rest(node, bearer, method, path, body);
  if (answer.status !== status) {
    throw new Error(`${method} ${path}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer.body;
}

/** Resolves once `condition()` is truthy, polling every 50 ms; fails after `ms`. */
export async function eventually(condition, ms = 10_000, what = "the condition") {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await condition();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what} did not hold within ${ms} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Creates or replaces a user's profile, as the hospital system does. */
export async function profile(tenant, userId, role, displayName = userId) {
  const answer = await rest(NODES[0], token(tenant, "his", "service"), "PUT", `/api/v1/users/${userId}`, { role, displayName });
  if (answer.status !== 200 && answer.status !== 201) {
    throw new Error(`profile ${userId}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
}

/** A profile and a consultation session between a doctor and a patient, made by the hospital system. */
export async function consultationSession(tenant, doctorId, patientId, sessionId = "s-" + randomUUID().slice(0, 8)) {
  const his = token(tenant, "his", "service");
  for (const [userId, role] of [[doctorId, "doctor"], [patientId, "patient"]]) {
    await profile(tenant, userId, role);
  }
  await expectRest(201, NODES[0], his, "POST", "/api/v1/sessions", {
    id: sessionId, type: "consultation", name: "Consultation",
    participants: [{ userId: doctorId, role: "doctor" }, { userId: patientId, role: "patient" }],
  });
  return sessionId;
}
