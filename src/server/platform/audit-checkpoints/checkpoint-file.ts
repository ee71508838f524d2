import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import path from "node:path";
import type { SignedCheckpoint } from "./signature.js";

/**
 * The append-only checkpoint log outside the database: one JSON checkpoint a line. Each append is fsync'd before
 * the checkpoint goes into the database, so every checkpoint the table holds is also on disk here.
 */
export function appendCheckpoints(logPath: string, checkpoints: SignedCheckpoint[]): void {
  if (checkpoints.length === 0) return;
  mkdirSync(path.dirname(logPath), { recursive: true, mode: 0o700 });
  const fd = openSync(logPath, "a", 0o600);
  try {
    writeSync(fd, checkpoints.map((c) => `${JSON.stringify(c)}\n`).join(""));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface FileLine {
  line: number;
  checkpoint: SignedCheckpoint | null;
}

/** Every line of the log, a line that is not a checkpoint as null (a verification reports it). */
export function readCheckpointFile(logPath: string): FileLine[] {
  if (!existsSync(logPath)) return [];
  const lines = readFileSync(logPath, "utf8").split("\n");
  const out: FileLine[] = [];
  lines.forEach((text, i) => {
    if (text.trim() === "") return;
    out.push({ line: i + 1, checkpoint: parseCheckpoint(text) });
  });
  return out;
}

function parseCheckpoint(text: string): SignedCheckpoint | null {
  try {
    const c = JSON.parse(text) as Record<string, unknown>;
    const strings = ["municipalityId", "hash", "at", "keyId", "signature"].every((k) => typeof c[k] === "string");
    return strings && Number.isSafeInteger(c.seq) ? (c as unknown as SignedCheckpoint) : null;
  } catch {
    return null;
  }
}
