/**
 * The one way a test file gets its app: started before the file's first test, closed after its last. The object
 * handed back is empty while the file is being collected and filled in before the first test runs, so tests read
 * it as `app.office`, `w.planId`.
 */
import { afterAll, beforeAll } from "vitest";
import { ApiClient } from "./api-client.js";
import { startTestApp, type TestApp } from "./test-app.js";

/** Starts a world (a test app and what the file's tests build on it) for the file, and closes its app after it. */
export function worldForFile<W extends { t: TestApp }>(start: () => Promise<W>): W {
  const world = {} as W;
  beforeAll(async () => {
    Object.assign(world, await start());
  });
  afterAll(async () => {
    await world.t?.close();
  });
  return world;
}

/** A test app for the file, nobody signed in: `const app = testAppForFile()`, then `app.t.baseUrl`. */
export const testAppForFile = (options?: Parameters<typeof startTestApp>[0]) =>
  worldForFile(async () => ({ t: await startTestApp(options) }));

/** A test app with demo accounts signed in, each under the name the tests call it by. */
export type SignedInApp<Name extends string> = { t: TestApp } & Record<Name, ApiClient>;

/**
 * Starts a test app and signs the demo accounts in one after another, in the order given (so the audit trail
 * reads the same on every run): `{ office: "keikaku", korei: "korei" }`.
 */
export async function startSignedInApp<Name extends string>(
  logins: Record<Name, string>,
  options?: Parameters<typeof startTestApp>[0],
): Promise<SignedInApp<Name>> {
  const t = await startTestApp(options);
  const clients: Record<string, ApiClient> = {};
  for (const [name, loginId] of Object.entries<string>(logins))
    clients[name] = await ApiClient.login(t.baseUrl, loginId);
  return { t, ...clients } as SignedInApp<Name>;
}

/** `startSignedInApp` for the whole file: `const app = signedInApp({ office: "keikaku" })`. */
export const signedInApp = <Name extends string>(
  logins: Record<Name, string>,
  options?: Parameters<typeof startTestApp>[0],
) => worldForFile(() => startSignedInApp(logins, options));

/** The id of the demo municipality's plan (the first the plan office lists). */
export async function demoPlanId(office: ApiClient): Promise<string> {
  return (await office.get("/api/plans")).body.plans[0].id;
}
