import { createInflateRaw } from "node:zlib";

export type InflatedSize = { ok: true; bytes: number } | { ok: false; reason: "over_cap" | "corrupt" };

/**
 * Inflates deflate data and counts the bytes it yields, keeping none of them: memory stays one chunk however
 * large the output would be, and the work stops at the first chunk past `cap`. A declared size cannot be
 * trusted, so this is how a declared size is confirmed.
 */
export function inflatedSize(data: Uint8Array, cap: number): Promise<InflatedSize> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let bytes = 0;
    let settled = false;
    const settle = (result: InflatedSize) => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      resolve(result);
    };
    inflate.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > cap) settle({ ok: false, reason: "over_cap" });
    });
    inflate.on("end", () => settle({ ok: true, bytes }));
    inflate.on("error", () => settle({ ok: false, reason: "corrupt" }));
    inflate.end(data);
  });
}
