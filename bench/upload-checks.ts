/**
 * The upload check on its own, in this process: how long inspectXlsx takes to refuse a workbook whose
 * sharedStrings.xml inflates to 2 GB, and how much memory it holds meanwhile. Run alone with
 * `npx tsx bench/upload-checks.ts`, or as the "upload-checks" section of `npm run bench`.
 *   - declared 2 GB: refused by the declared size before anything is inflated (expected: a few milliseconds)
 *   - declared 30 MB (within every limit): inflating stops as soon as the entry passes its declared size
 * The unit tests check what is refused and why; the times are measured here, where a busy machine cannot fail them.
 */
import { pathToFileURL } from "node:url";
import { inspectXlsx } from "../src/server/platform/uploads/inspect-xlsx.js";
import { UPLOAD_LIMITS } from "../src/server/platform/uploads/limits.js";
import { sharedStringsBomb } from "../test/helpers/zip-bomb.js";

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

async function timeRefusal(label: string, bytes: Uint8Array, runs = 5) {
  const times: number[] = [];
  const rssBefore = process.resourceUsage().maxRSS;
  let reason = "";
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const result = await inspectXlsx(bytes, UPLOAD_LIMITS.xlsx);
    times.push(performance.now() - t0);
    if (result.ok) throw new Error(`${label}: accepted`);
    reason = result.reason;
  }
  const grownMb = ((process.resourceUsage().maxRSS - rssBefore) / 1024).toFixed(1);
  console.log(
    `  ${label}: ${reason}, median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (n=${runs}), peak RSS grew ${grownMb} MB`,
  );
}

export async function runUploadChecksBench() {
  console.log("upload checks (inspectXlsx, in process)");
  await timeRefusal("sharedStrings.xml of 2 GB, declared 2 GB", sharedStringsBomb({ inflatedBytes: 2 * GiB }));
  await timeRefusal(
    "sharedStrings.xml of 2 GB, declared 30 MB",
    sharedStringsBomb({ inflatedBytes: 2 * GiB, declaredBytes: 30 * MiB }),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runUploadChecksBench();
  process.exit(0);
}
