import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// The public plan documents the importers are tested against live beside the repository, not in it.
const SEEDS = new URL("../../../shared/seeds/", import.meta.url);

/** The path of a seed document, e.g. "002_d34aff6a9cbdb26d.txt". */
export const seedPath = (name: string) => fileURLToPath(new URL(name, SEEDS));

/** The bytes of a seed document, as an upload sends them. */
export const seed = (name: string) => readFileSync(new URL(name, SEEDS));
