/**
 * The case work pages at their largest expected size, against a server in its own process on a new embedded data
 * folder with the demo: a meeting page with 50 members (the roster of a large 支援会議) and a case's plan tab with
 * 200 tasks, at 1, 8 and 32 connections beside the bare route of the same server. Each answer is an audited read
 * (the meeting's agenda names a person; the plan is a case's personal content). Run alone with
 * `npx tsx bench/case-work.ts`, or as the "case-work" section of `npm run bench`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { ApiClient, ifMatch } from "../test/helpers/api-client.js";
import { startAppServer } from "./app-server.js";

const MEMBERS = 50;
const GOALS = 4;
const TASKS_PER_GOAL = 50;
const CONNECTIONS = [1, 8, 32] as const;

type Load = autocannon.Result;
const line = (what: string, connections: number, r: Load) =>
  `${what}, ${connections} connection(s): ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`;

function must<T extends { status: number; body: unknown }>(res: T, what: string, status = 200): T {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return res;
}

/** A meeting of the 支援会議 kind with MEMBERS outside experts (each pledged) and the case on its agenda. */
async function bigMeeting(coord: ApiClient, caseId: string, secretariatAgencyId: string) {
  const kinds = must(await coord.get("/api/meeting-kinds"), "meeting kinds").body.kinds as {
    id: string;
    legalBasis: string;
  }[];
  const kind = kinds.find((k) => k.legalBasis === "art106_6");
  if (!kind) throw new Error("no 支援会議 kind");
  const created = must(
    await coord.post("/api/meetings", {
      kindId: kind.id,
      heldOn: "2025-06-10",
      secretariatAgencyId,
      title: "計測用の支援会議",
    }),
    "convene",
    201,
  ).body.meeting as { id: string };
  for (let i = 0; i < MEMBERS; i++) {
    const name = `計測 委員${i + 1}`;
    const roster = must(
      await coord.post(`/api/meetings/${created.id}/members`, {
        expert: { name, affiliation: `計測法律事務所${i + 1}`, role: "lawyer" },
      }),
      "add member",
      201,
    ).body.meeting.members as { id: string; name: string }[];
    const member = roster.find((m) => m.name === name) as { id: string };
    must(
      await coord.post(`/api/meetings/${created.id}/members/${member.id}/pledge`, { pledgedOn: "2025-06-10" }),
      "pledge",
    );
  }
  must(await coord.post(`/api/meetings/${created.id}/subjects`, { caseId }), "agenda", 201);
  return created.id;
}

/** A draft plan on the case with GOALS goals of TASKS_PER_GOAL tasks each, shared among the case team. */
async function bigPlan(coord: ApiClient, caseId: string, teamAgencyIds: string[]) {
  const plan = must(await coord.post(`/api/cases/${caseId}/plans`, { kind: "support" }), "new plan", 201).body.plan as {
    id: string;
    version: number;
  };
  const goals = Array.from({ length: GOALS }, (_, g) => ({
    term: g % 2 === 0 ? "long" : "short",
    text: `計測用の目標${g + 1}`,
    tasks: Array.from({ length: TASKS_PER_GOAL }, (_, t) => ({
      agencyId: teamAgencyIds[t % teamAgencyIds.length] as string,
      role: "計測用の役割",
      text: `計測用のタスク${g + 1}-${t + 1}`,
      dueOn: "2025-09-30",
    })),
  }));
  must(
    await coord.put(
      `/api/cases/${caseId}/plans/${plan.id}`,
      { wishes: "計測用の本人の思い", goals },
      ifMatch(plan.version),
    ),
    "save plan",
  );
}

export async function runCaseWorkBench() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tsunagu-bench-case-work-"));
  const { base, stop } = await startAppServer({ dir, portBase: 3700 });
  try {
    const coord = await ApiClient.login(base, "coord");
    // a case with the person's consent that is still open (a support plan needs both)
    const cases = must(await coord.get("/api/cases"), "case list").body.cases as {
      id: string;
      consent: string;
      phase: string;
    }[];
    const chosen = cases.find((c) => c.consent === "given" && c.phase !== "closed");
    const detail = must(await coord.get(`/api/cases/${chosen?.id}`), "case").body.case;
    const caseId = detail.id as string;
    const team = (detail.team as { agency: { id: string } }[]).map((t) => t.agency.id);
    const meetingId = await bigMeeting(coord, caseId, team[0] as string);
    await bigPlan(coord, caseId, team);

    const { cookie } = coord as unknown as { cookie: string };
    const get = (url: string, connections: number) =>
      autocannon({
        url: base + url,
        connections,
        duration: 10,
        headers: { cookie, "accept-encoding": "gzip, deflate, br, zstd" },
      }) as unknown as Promise<Load>;
    const results: string[] = [];
    const pages = [
      ["bare route (/healthz)", "/healthz"],
      [`meeting page (${MEMBERS} members, each pledged)`, `/api/meetings/${meetingId}`],
      [`plan tab (${GOALS * TASKS_PER_GOAL} tasks)`, `/api/cases/${caseId}/plans`],
    ] as const;
    for (const [what, url] of pages) {
      const p99 = new Map<number, number>();
      for (const connections of CONNECTIONS) {
        const r = await get(url, connections);
        if (r.non2xx > 0) throw new Error(`${what} answered non-2xx`);
        p99.set(connections, r.latency.p99);
        results.push(line(what, connections, r));
      }
      const one = p99.get(1) ?? 0;
      // a p99 under 1 ms reads as 0: no ratio then
      results.push(
        `${what}: p99 at 8 / at 1 ${one > 0 ? ((p99.get(8) ?? 0) / one).toFixed(1) : "(p99 at 1 under 1 ms)"}`,
      );
    }
    console.log(results.join("\n"));
  } finally {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runCaseWorkBench();
