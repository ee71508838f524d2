/**
 * The writer: a plan office's small audited changes through the HTTP API, several in flight at once. Each worker
 * registers departments (POST /api/departments) and renames the ones it registered (組織改正, with If-Match), and
 * keeps every answer in the ledger. It runs until stop(); a kill leaves requests without an answer, which is
 * exactly what the ledger has to tell apart from acknowledged ones.
 */
import type { ApiClient } from "../../test/helpers/api-client.js";
import type { DepartmentWrites, Ledger } from "./ledger.js";

export const BENCH_PREFIX = "耐久";

const isoDay = (n: number) => new Date(Date.UTC(2030, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

export class Writer {
  private stopped = false;
  private readonly running: Promise<void>[] = [];
  private acknowledgedOne: () => void = () => {};
  /** settles at this writer's first acknowledged write: the app is up and writing, the kill may come */
  readonly firstAcknowledged = new Promise<void>((resolve) => {
    this.acknowledgedOne = resolve;
  });

  constructor(
    private readonly client: ApiClient,
    private readonly ledger: Ledger,
    private readonly round: number,
  ) {}

  start(workers: number) {
    for (let w = 0; w < workers; w++) this.running.push(this.work(w));
  }

  /** No new request; resolves when every request sent has its answer or its error. */
  async stop() {
    this.stopped = true;
    await Promise.all(this.running);
  }

  private async work(worker: number) {
    const mine: DepartmentWrites[] = [];
    for (let n = 0; !this.stopped; n++) {
      const d = mine.length > 0 && Math.random() < 0.4 ? mine[Math.floor(Math.random() * mine.length)] : undefined;
      if (d) await this.rename(d, `${BENCH_PREFIX}${this.round}-${worker}-${n}`);
      else {
        const created = await this.create(`${BENCH_PREFIX}${this.round}-${worker}-${n}`);
        if (created) mine.push(created);
      }
    }
  }

  private async create(name: string) {
    try {
      const res = await this.client.post("/api/departments", { name });
      if (res.status === 201) {
        const { id, version } = res.body.department;
        this.ledger.created(id, name, version);
        this.acknowledgedOne();
        return this.ledger.departments.get(id);
      }
      this.ledger.unanswered(String(res.status), name);
    } catch (error) {
      this.ledger.unanswered(errorCode(error), name);
    }
    return undefined;
  }

  private async rename(d: DepartmentWrites, name: string) {
    d.renames += 1;
    const body = { name, effectiveFrom: isoDay(d.renames) };
    try {
      const res = await this.client.post(`/api/departments/${d.id}/rename`, body, { "if-match": `"${d.version}"` });
      if (res.status === 200) {
        this.ledger.renamed(d, name, res.body.department.version);
        this.acknowledgedOne();
      } else this.ledger.unanswered(String(res.status), undefined, { d, name });
    } catch (error) {
      this.ledger.unanswered(errorCode(error), undefined, { d, name });
    }
  }
}

/** fetch's failure as its cause's code (ECONNRESET, ECONNREFUSED, UND_ERR_SOCKET…) */
function errorCode(error: unknown) {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as Error).name ?? "error";
}
