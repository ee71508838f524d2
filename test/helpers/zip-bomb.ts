/**
 * Hostile xlsx files for the upload tests and the bench, built in memory in well under a second: a small but
 * valid workbook whose xl/sharedStrings.xml inflates to any size, and variants with too many entries or with a
 * declared size that lies.
 *
 * A highly repetitive block is deflated once with a full flush (byte-aligned, no reference to earlier output) and
 * the compressed bytes are repeated: every copy inflates to the same block, so a few megabytes inflate to gigabytes
 * without the gigabytes ever being built here.
 */
import { constants, crc32, deflateRawSync } from "node:zlib";

interface Part {
  name: string;
  /** raw deflate data (method 8), or the bytes themselves when stored */
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  /** what the directory says the part inflates to */
  declaredSize: number;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

const SKELETON: Record<string, string> = {
  "[Content_Types].xml": `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  "_rels/.rels": `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  "xl/workbook.xml": `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  "xl/_rels/workbook.xml.rels": `${XML_HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  "xl/worksheets/sheet1.xml": `${XML_HEAD}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
};

const deflated = (name: string, text: string): Part => {
  const bytes = Buffer.from(text);
  return { name, data: deflateRawSync(bytes), method: 8, crc: crc32(bytes), declaredSize: bytes.length };
};

/** Deflate data of `head`, `block` × `copies`, `tail`: inflates to head + copies × block + tail bytes. */
function repeatedDeflate(head: string, block: string, copies: number, tail: string) {
  const full = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const start = deflateRawSync(Buffer.from(head), full);
  const middle = deflateRawSync(Buffer.from(block), full);
  const end = deflateRawSync(Buffer.from(tail));
  const data = Buffer.alloc(start.length + middle.length * copies + end.length);
  start.copy(data, 0);
  for (let i = 0; i < copies; i++) middle.copy(data, start.length + i * middle.length);
  end.copy(data, start.length + middle.length * copies);
  const inflatedBytes = Buffer.byteLength(head) + Buffer.byteLength(block) * copies + Buffer.byteLength(tail);
  return { data, inflatedBytes };
}

export interface BombOptions {
  /** how much xl/sharedStrings.xml inflates to (rounded up to whole blocks of about 1 MiB) */
  inflatedBytes: number;
  /** the size the directory declares for it; the truth when absent (at most 4 GiB − 1: no zip64) */
  declaredBytes?: number;
  /** a stored filler entry, to reach a given upload size as the reported file did */
  paddingBytes?: number;
}

/** A workbook whose xl/sharedStrings.xml is `inflatedBytes` of repeated `<si>` elements. */
export function sharedStringsBomb(opts: BombOptions): Uint8Array {
  const element = "<si><t>tsunagu</t></si>";
  const block = element.repeat(Math.floor((1024 * 1024) / element.length));
  const copies = Math.max(1, Math.ceil(opts.inflatedBytes / block.length));
  const { data, inflatedBytes } = repeatedDeflate(`${XML_HEAD}<sst xmlns="${MAIN}">`, block, copies, "</sst>");
  const declaredSize = opts.declaredBytes ?? Math.min(inflatedBytes, 0xfffffffe);
  // crc 0: ExcelJS opens files without checking it, and the check would come after inflating anyway
  const parts = [
    ...Object.entries(SKELETON).map(([name, text]) => deflated(name, text)),
    { name: "xl/sharedStrings.xml", data, method: 8 as const, crc: 0, declaredSize },
  ];
  if (opts.paddingBytes) {
    const filler = new Uint8Array(opts.paddingBytes).map((_, i) => (i * 2654435761) >>> 24);
    parts.push({
      name: "xl/media/image1.bin",
      data: filler,
      method: 0,
      crc: crc32(filler),
      declaredSize: filler.length,
    });
  }
  return writeZip(parts);
}

/** A valid workbook plus `extra` tiny entries (a directory too long to walk). */
export function manyEntriesZip(extra: number): Uint8Array {
  const parts = Object.entries(SKELETON).map(([name, text]) => deflated(name, text));
  const empty = deflated("", "");
  for (let i = 0; i < extra; i++) parts.push({ ...empty, name: `xl/media/e${i}.bin` });
  return writeZip(parts);
}

/** Writes local headers, data and the central directory (no zip64, no data descriptors). */
export function writeZip(parts: Part[]): Uint8Array {
  const names = parts.map((p) => Buffer.from(p.name));
  const localSize = parts.reduce((n, p, i) => n + 30 + (names[i]?.length ?? 0) + p.data.length, 0);
  const centralSize = names.reduce((n, name) => n + 46 + name.length, 0);
  const out = Buffer.alloc(localSize + centralSize + 22);
  let at = 0;
  const offsets: number[] = [];
  parts.forEach((p, i) => {
    const name = names[i] ?? Buffer.alloc(0);
    offsets.push(at);
    out.writeUInt32LE(0x04034b50, at);
    out.writeUInt16LE(20, at + 4);
    out.writeUInt16LE(0x0800, at + 6); // names in UTF-8
    out.writeUInt16LE(p.method, at + 8);
    out.writeUInt32LE(p.crc >>> 0, at + 14);
    out.writeUInt32LE(p.data.length, at + 18);
    out.writeUInt32LE(p.declaredSize, at + 22);
    out.writeUInt16LE(name.length, at + 26);
    name.copy(out, at + 30);
    out.set(p.data, at + 30 + name.length);
    at += 30 + name.length + p.data.length;
  });
  const centralStart = at;
  parts.forEach((p, i) => {
    const name = names[i] ?? Buffer.alloc(0);
    out.writeUInt32LE(0x02014b50, at);
    out.writeUInt16LE(20, at + 4);
    out.writeUInt16LE(20, at + 6);
    out.writeUInt16LE(0x0800, at + 8);
    out.writeUInt16LE(p.method, at + 10);
    out.writeUInt32LE(p.crc >>> 0, at + 16);
    out.writeUInt32LE(p.data.length, at + 20);
    out.writeUInt32LE(p.declaredSize, at + 24);
    out.writeUInt16LE(name.length, at + 28);
    out.writeUInt32LE(offsets[i] ?? 0, at + 42);
    name.copy(out, at + 46);
    at += 46 + name.length;
  });
  out.writeUInt32LE(0x06054b50, at);
  out.writeUInt16LE(parts.length, at + 8);
  out.writeUInt16LE(parts.length, at + 10);
  out.writeUInt32LE(at - centralStart, at + 12);
  out.writeUInt32LE(centralStart, at + 16);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}
