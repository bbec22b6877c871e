// A local OpenID Connect provider for the console's tests: discovery, a sign-in form, and a token endpoint
// that checks the PKCE verifier (S256) and the redirect before it issues Careline's token. It stands in for
// the hospital's identity provider, which lies outside Careline's walls.
import { createHash, randomUUID } from "node:crypto";
import http from "node:http";
import { token } from "./support.mjs";

const cors = { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "Content-Type" };

function send(response, status, body, headers = {}) {
  response.writeHead(status, { ...cors, ...headers });
  response.end(body);
}

async function form(request) {
  let body = "";
  for await (const chunk of request) {
    body += chunk;
  }
  return new URLSearchParams(body);
}

const escape = (value) => String(value).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/** Starts the provider on `port`; `clientId` is the only client it knows. Answers {issuer, exchanges, close}. */
export async function startIdp(port, clientId) {
  const issuer = `http://127.0.0.1:${port}`;
  const codes = new Map();
  const state = { exchanges: 0, refusals: 0 };
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url, issuer);
    if (request.method === "OPTIONS") {
      send(response, 204, "");
    } else if (url.pathname === "/.well-known/openid-configuration") {
      send(response, 200, JSON.stringify({ issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`,
        code_challenge_methods_supported: ["S256"], response_types_supported: ["code"] }), { "Content-Type": "application/json" });
    } else if (url.pathname === "/authorize" && request.method === "GET") {
      const query = url.searchParams;
      if (query.get("client_id") !== clientId || query.get("code_challenge_method") !== "S256" || !query.get("code_challenge")) {
        send(response, 400, "unknown client or no PKCE");
        return;
      }
      const hidden = ["redirect_uri", "state", "code_challenge"].map((name) =>
        `<input type="hidden" name="${name}" value="${escape(query.get(name))}">`).join("");
      send(response, 200, `<!doctype html><title>Hospital sign-in</title><form method="post" action="/authorize">${hidden}
        <label>User <input name="user"></label><label>Role <input name="role"></label><label>Tenant <input name="tenant"></label>
        <button type="submit">Sign in</button></form>`, { "Content-Type": "text/html" });
    } else if (url.pathname === "/authorize" && request.method === "POST") {
      const fields = await form(request);
      const code = randomUUID();
      codes.set(code, { redirectUri: fields.get("redirect_uri"), challenge: fields.get("code_challenge"),
        user: fields.get("user"), role: fields.get("role"), tenant: fields.get("tenant") });
      const target = new URL(fields.get("redirect_uri"));
      target.searchParams.set("code", code);
      target.searchParams.set("state", fields.get("state"));
      send(response, 302, "", { Location: target.toString() });
    } else if (url.pathname === "/token" && request.method === "POST") {
      const fields = await form(request);
      const grant = codes.get(fields.get("code"));
      codes.delete(fields.get("code"));
      const verifier = fields.get("code_verifier") ?? "";
      const challenge = createHash("sha256").update(verifier).digest("base64url");
      if (!grant || fields.get("client_id") !== clientId || fields.get("redirect_uri") !== grant.redirectUri
        || challenge !== grant.challenge || fields.get("grant_type") !== "authorization_code") {
        state.refusals++;
        send(response, 400, JSON.stringify({ error: "invalid_grant" }), { "Content-Type": "application/json" });
        return;
      }
      state.exchanges++;
      send(response, 200, JSON.stringify({ access_token: token(grant.tenant, grant.user, grant.role), token_type: "Bearer",
        expires_in: 3600 }), { "Content-Type": "application/json" });
    } else {
      send(response, 404, "not found");
    }
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { issuer, state, close: () => server.close() };
}
