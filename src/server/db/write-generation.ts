import type { Executor } from "./client.js";

/**
 * A counter that moves whenever the embedded database may have changed.
 *
 * PGlite lives inside this process and nobody else can open its folder, so every write passes through the one
 * client: counting them makes "nothing has changed since I read this" an exact question, and a value read at
 * generation g may be reused for as long as the generation is still g. That removes the per-request session and
 * plan lookups (several milliseconds each on PGlite's single thread) from hot read paths.
 *
 * On a PostgreSQL server other processes (a second app instance, an operator's CLI) can write, so no generation
 * is registered there and every read goes to the database.
 */
export class WriteGeneration {
  #value = 0;
  get value() {
    return this.#value;
  }
  bump() {
    this.#value++;
  }
}

const generations = new WeakMap<object, WriteGeneration>();

export function registerGeneration(db: object, generation: WriteGeneration) {
  generations.set(db, generation);
}

/** The database's generation, or undefined when reads cannot be reused (a server database, or inside a transaction). */
export function generationOf(db: Executor): WriteGeneration | undefined {
  return generations.get(db);
}

const READ_ONLY_START = /^\s*(select|with|show)\b/i;
/** Anything that may write even inside a select (data-modifying CTEs, sequences, locks, settings). */
const MAY_WRITE = /\b(insert|update|delete|merge|truncate|nextval|setval|set_config|lock|copy|call|do)\b/i;

/** Conservative: a statement counts as read-only only when it plainly is. */
export function mayWrite(statement: string): boolean {
  return !READ_ONLY_START.test(statement) || MAY_WRITE.test(statement);
}

/**
 * Reuses values read from the database while its generation is unchanged. The generation is taken before the
 * load, so a write that lands during the load makes the value stale at once.
 */
export class GenerationCache<V> {
  readonly #entries = new Map<string, { generation: number; value: V }>();
  constructor(private readonly limit: number) {}

  peek(db: Executor, key: string): V | undefined {
    const generation = generationOf(db);
    if (!generation) return undefined;
    const hit = this.#entries.get(key);
    return hit && hit.generation === generation.value ? hit.value : undefined;
  }

  async get(db: Executor, key: string, load: () => Promise<V>): Promise<V> {
    const generation = generationOf(db);
    if (!generation) return load();
    const hit = this.#entries.get(key);
    if (hit && hit.generation === generation.value) return hit.value;
    const before = generation.value;
    const value = await load();
    this.set(key, before, value);
    return value;
  }

  set(key: string, generation: number, value: V) {
    if (this.#entries.size >= this.limit && !this.#entries.has(key)) {
      this.#entries.delete(this.#entries.keys().next().value as string);
    }
    this.#entries.set(key, { generation, value });
  }

  delete(key: string) {
    this.#entries.delete(key);
  }
}
