import PgBoss from "pg-boss";
import type { Db, Executor } from "../../db/client.js";
import { listMunicipalityIds } from "../../modules/municipalities/repository.js";
import { DAILY_CRON, DAILY_TIME_ZONE, type DailyHandler, registeredDailyJobs } from "./daily.js";
import { bossExecutor, transactionExecutor } from "./executor.js";

import { JOB_SCHEMA } from "./schema-name.js";

export { JOB_SCHEMA };

export interface JobsOptions {
  /** seconds between a worker's looks for new jobs (pg-boss's default is 2) */
  pollingSeconds?: number;
  onError?: (err: unknown) => void;
}

export interface EnqueueOptions {
  /** insert the job in this transaction of ours: it exists exactly when the transaction commits */
  tx?: Executor;
  startAfter?: Date;
  singletonKey?: string;
  retryLimit?: number;
}

type Handler<T> = (data: T) => Promise<void>;

/**
 * The job table the app runs beside its requests (pg-boss over the app's database: PGlite or PostgreSQL). One API
 * for every module: `work` a queue, `enqueue` a job (optionally inside a transaction), `schedule` a cron, and the
 * daily jobs registered with registerDailyJob. Started and stopped with the app (app.ts).
 */
export class Jobs {
  private readonly boss: PgBoss;
  private readonly queues = new Map<string, Promise<void>>();
  private readonly pollingSeconds: number;
  private started = false;

  constructor(
    private readonly db: Db,
    options: JobsOptions = {},
  ) {
    this.pollingSeconds = options.pollingSeconds ?? 2;
    this.boss = new PgBoss({ db: bossExecutor(db), schema: JOB_SCHEMA, supervise: true, schedule: true });
    this.boss.on("error", (err) => options.onError?.(err));
  }

  /** Creates or migrates pg-boss's schema, then schedules and works the daily jobs registered so far. */
  async start() {
    await this.boss.start();
    this.started = true;
    for (const [name, handler] of registeredDailyJobs()) await this.workDaily(name, handler);
  }

  /** Waits for the jobs in hand to finish (a job cut short is retried at the next start). */
  async stop() {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
  }

  async enqueue(name: string, data: object = {}, options: EnqueueOptions = {}): Promise<string | null> {
    await this.ensureQueue(name);
    const { tx, ...rest } = options;
    return this.boss.send(name, data, { ...rest, ...(tx ? { db: transactionExecutor(tx) } : {}) });
  }

  /** A cron (minute hour day month weekday) in Japan's time unless told; one schedule per queue name. */
  async schedule(name: string, cron: string, data: object = {}, tz = DAILY_TIME_ZONE) {
    await this.ensureQueue(name);
    await this.boss.schedule(name, cron, data, { tz });
  }

  /** Runs `handler` for each job of the queue; a handler that throws has its job retried by pg-boss. */
  async work<T extends object | null>(name: string, handler: Handler<T>) {
    await this.ensureQueue(name);
    await this.boss.work<T>(name, { pollingIntervalSeconds: this.pollingSeconds, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) await handler(job.data);
    });
  }

  /** The schedules pg-boss keeps (name, cron, time zone). */
  schedules() {
    return this.boss.getSchedules();
  }

  /**
   * Creates the queue once. Callers that ask at the same moment share the one creation: two createQueue calls for
   * the same new queue each attach a partition to pg-boss's job table and deadlock on PostgreSQL.
   */
  private ensureQueue(name: string): Promise<void> {
    let created = this.queues.get(name);
    if (!created) {
      created = this.boss
        .createQueue(name, { name, retryLimit: 3, retryDelay: 30, retryBackoff: true })
        .catch((err: unknown) => {
          this.queues.delete(name);
          throw err;
        });
      this.queues.set(name, created);
    }
    return created;
  }

  /** A daily job: scheduled in Japan's time, then run for every municipality, each on its own. */
  private async workDaily(name: string, handler: DailyHandler) {
    await this.schedule(name, DAILY_CRON);
    await this.work<{ at?: string } | null>(name, async (data) => {
      const now = data?.at ? new Date(data.at) : new Date();
      for (const id of await listMunicipalityIds(this.db)) await handler(this.db, id, now);
    });
  }

  /** Runs a daily job now (an operator, a test) instead of waiting for its time. */
  runDailyNow(name: string, at = new Date()) {
    return this.enqueue(name, { at: at.toISOString() });
  }
}
