import { DEMO_MUNICIPALITY, DEMO_PASSWORD } from "../../src/server/demo/demo-plan.js";
import { freshCode, knownSecret, rememberSecret } from "./second-factor.js";

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A logged-in HTTP client: keeps the session cookie and sends the CSRF token, as the web app does. */
export class ApiClient {
  private cookie = "";
  private csrf = "";
  constructor(readonly baseUrl: string) {}

  static async login(
    baseUrl: string,
    loginId: string,
    password = DEMO_PASSWORD,
    municipalityCode = DEMO_MUNICIPALITY.code,
  ) {
    const client = new ApiClient(baseUrl);
    const res = await client.request("POST", "/api/auth/login", { municipalityCode, loginId, password });
    if (res.status !== 200) throw new Error(`login ${loginId} failed: ${res.status} ${JSON.stringify(res.body)}`);
    await client.finishSignIn(res.body.pendingSteps ?? [], municipalityCode, loginId);
    return client;
  }

  /**
   * The sign-in's remaining steps, done as a user does them: the second factor's code from the account's known
   * secret, or, for an account that must enrol, enrolment through the API (the secret is remembered for later).
   */
  async finishSignIn(pendingSteps: string[], municipalityCode: string, loginId: string) {
    const step = pendingSteps[0];
    if (step === "mfa_verify") {
      const secret = knownSecret(this.baseUrl, municipalityCode, loginId);
      const code = await freshCode(this.baseUrl, municipalityCode, loginId, secret);
      const res = await this.post("/api/mfa/verify", { code });
      if (res.status !== 200) throw new Error(`second factor of ${loginId} failed: ${JSON.stringify(res.body)}`);
    } else if (step === "mfa_enroll") {
      const offered = await this.post("/api/mfa/enrolment");
      const secret: string = offered.body.enrolment.secret;
      rememberSecret(this.baseUrl, municipalityCode, loginId, secret);
      const code = await freshCode(this.baseUrl, municipalityCode, loginId, secret);
      const res = await this.post("/api/mfa/enrolment/confirm", { code });
      if (res.status !== 200) throw new Error(`enrolment of ${loginId} failed: ${JSON.stringify(res.body)}`);
    } else if (step && step !== "set_password") {
      // a password to set is the test's own step to take (it chooses the password)
      throw new Error(`sign-in step ${step} of ${loginId} is not known to the test client`);
    }
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf) h["x-csrf-token"] = this.csrf;
    let payload: BodyInit | undefined;
    if (body instanceof Uint8Array) {
      payload = body as unknown as BodyInit;
      h["content-type"] ??= "application/octet-stream";
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      h["content-type"] = "application/json";
    }
    const res = await fetch(this.baseUrl + path, { method, headers: h, body: payload });
    const setCookie = res.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0] ?? "";
    const type = res.headers.get("content-type") ?? "";
    const parsed = type.includes("json") ? await res.json() : Buffer.from(await res.arrayBuffer());
    if (path === "/api/auth/login" && res.status === 200) this.csrf = (parsed as { csrfToken: string }).csrfToken;
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  get = <T = any>(path: string) => this.request<T>("GET", path);
  post = <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request<T>("POST", path, body ?? {}, headers);
  put = <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request<T>("PUT", path, body, headers);
  patch = <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
    this.request<T>("PATCH", path, body, headers);
}

export const ifMatch = (version: number) => ({ "if-match": `"${version}"` });
