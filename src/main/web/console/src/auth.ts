/**
 * Signing in: OpenID Connect authorization code with PKCE at the hospital's provider, or (dev mode) a demo
 * user through /dev/token. Tokens live in sessionStorage, so they end with the tab; the authorization code
 * is removed from the address bar as soon as it is exchanged.
 */
import { tokenClaims, tokenExpiry } from "@careline/client";

export interface ConsoleSettings {
  oidc?: { issuer: string; clientId: string; scope: string };
  devUsers?: { userId: string; role: string; tenant: string }[];
}

export interface Identity {
  userId: string;
  tenant: string;
  roles: string[];
}

const TOKEN = "careline.token";
const REFRESH = "careline.refresh";
const PENDING = "careline.pkce";

interface Endpoints {
  authorization_endpoint: string;
  token_endpoint: string;
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomString(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

async function challengeOf(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
}

function redirectUri(): string {
  return `${location.origin}/console/`;
}

async function endpoints(issuer: string): Promise<Endpoints> {
  const response = await fetch(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`);
  if (!response.ok) {
    throw new Error(`the identity provider's configuration could not be read (${response.status})`);
  }
  return response.json();
}

/** Sends the browser to the provider's sign-in page. */
export async function signInWithProvider(oidc: NonNullable<ConsoleSettings["oidc"]>): Promise<void> {
  const verifier = randomString();
  const state = randomString();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
  const { authorization_endpoint } = await endpoints(oidc.issuer);
  const url = new URL(authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: "code", client_id: oidc.clientId, redirect_uri: redirectUri(), scope: oidc.scope, state,
    code_challenge: await challengeOf(verifier), code_challenge_method: "S256",
  }).toString();
  location.assign(url.toString());
}

/** Back from the provider: exchanges the code (checking the state) and cleans the address bar. */
export async function completeSignIn(oidc: ConsoleSettings["oidc"]): Promise<boolean> {
  const query = new URLSearchParams(location.search);
  const code = query.get("code");
  if (!code || !oidc) {
    return false;
  }
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? "null") as { verifier: string; state: string } | null;
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, "", "/console/" + location.hash);
  if (!pending || pending.state !== query.get("state")) {
    throw new Error("the sign-in answer does not match the request; sign in again");
  }
  await exchange(oidc, { grant_type: "authorization_code", code, redirect_uri: redirectUri(), code_verifier: pending.verifier });
  return true;
}

async function exchange(oidc: NonNullable<ConsoleSettings["oidc"]>, form: Record<string, string>): Promise<void> {
  const { token_endpoint } = await endpoints(oidc.issuer);
  const response = await fetch(token_endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...form, client_id: oidc.clientId }).toString(),
  });
  if (!response.ok) {
    throw new Error(`the identity provider refused the sign-in (${response.status})`);
  }
  const tokens = await response.json() as { access_token: string; refresh_token?: string };
  sessionStorage.setItem(TOKEN, tokens.access_token);
  if (tokens.refresh_token) {
    sessionStorage.setItem(REFRESH, tokens.refresh_token);
  }
}

/** Dev mode: a token for a demo user from the dev token endpoint. */
export async function signInAsDemoUser(user: { userId: string; role: string; tenant: string }): Promise<void> {
  const query = new URLSearchParams({ user: user.userId, role: user.role, tenant: user.tenant });
  const response = await fetch(`/dev/token?${query}`);
  if (!response.ok) {
    throw new Error(`the dev token endpoint answered ${response.status}`);
  }
  sessionStorage.setItem(TOKEN, await response.text());
}

function expired(token: string): boolean {
  const exp = tokenExpiry(token);
  return exp !== undefined && exp * 1000 < Date.now() + 10_000;
}

/** The signed-in user, or null. */
export function identity(): Identity | null {
  const token = sessionStorage.getItem(TOKEN);
  if (!token) {
    return null;
  }
  const c = tokenClaims(token);
  if (!c) {
    return null;
  }
  return { userId: String(c.sub ?? `ext:${c.platform}:${c.platform_user_id}`), tenant: String(c.tenant),
    roles: Array.isArray(c.groups) ? c.groups.map(String) : [] };
}

/** The SDK's token provider: the stored token, refreshed at the provider when it is about to expire. */
export function tokenProvider(oidc: ConsoleSettings["oidc"]): () => Promise<string> {
  return async () => {
    const token = sessionStorage.getItem(TOKEN);
    if (token && !expired(token)) {
      return token;
    }
    const refresh = sessionStorage.getItem(REFRESH);
    if (refresh && oidc) {
      await exchange(oidc, { grant_type: "refresh_token", refresh_token: refresh });
      return sessionStorage.getItem(TOKEN)!;
    }
    throw new Error("signed out");
  };
}

export function signOut(): void {
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(REFRESH);
}
