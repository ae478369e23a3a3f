// Helpers shared by the tests in this folder (not imported by production code).

import { readFileSync } from "node:fs";
import { crc32, createDeflateRaw, deflateRawSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import type { ImportContext, IndicatorInfo } from "./import-types";
import { readCsv, type Table } from "./read-table";

export const SEED_DIR = fileURLToPath(new URL("../../db/seed-data/", import.meta.url));

export function seedBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(SEED_DIR + name));
}

/** Reads CSV text into a table, failing the test if the CSV itself cannot be read. */
export function csvTable(text: string): Table {
  const read = readCsv(text);
  if (!read.ok) throw new Error(`CSV did not read: ${read.problem.message}`);
  return read.table;
}

/** CSV lines joined with CRLF, as Excel writes them. */
export function csv(...lines: string[]): string {
  return lines.join("\r\n") + "\r\n";
}

const info = (frequency: IndicatorInfo["frequency"], unit: string, aggregation: string, decimals: number): IndicatorInfo => ({
  frequency,
  unit,
  aggregation,
  decimals,
});

/** A small library with one indicator of each behaviour the validators care about. */
export function testContext(): ImportContext {
  return {
    indicators: new Map<string, IndicatorInfo>([
      ["BV66a", info("monthly", "%", "ratio", 2)], // rent collected
      ["BV66b", info("monthly", "%", "snapshot", 2)], // arrears over seven weeks
      ["BV66d", info("quarterly", "%", "ratio", 2)], // evictions
      ["BV212", info("monthly", "days", "mean", 2)], // re-let days
      ["LPI-03", info("monthly", "£", "snapshot", 0)], // current arrears
      ["LPI-07", info("monthly", "count", "sum", 0)], // new ASB cases
      ["TP01", info("annual", "%", "survey", 1)], // overall satisfaction
      ["WK01", info("weekly", "count", "sum", 0)],
    ]),
    areas: new Set(["North", "East", "South", "West"]),
    people: new Set(["officer@northfield.example", "admin@northfield.example"]),
  };
}

/** Builds an .xlsx in memory; `fill` writes the first worksheet. */
export async function xlsxBytes(
  fill: (sheet: import("exceljs").Worksheet, workbook: import("exceljs").Workbook) => void,
): Promise<Uint8Array> {
  const ExcelJS = (await import("exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Figures");
  fill(sheet, workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------
// Hand-built workbooks: zip archives whose parts, sizes and claims the test decides
// ---------------------------------------------------------------------------

export interface ZipPart {
  name: string;
  /** The deflated bytes (raw deflate, as in a zip). */
  deflated: Uint8Array;
  /** The inflated size; what the archive declares unless `declaredSize` says otherwise. */
  size: number;
  crc: number;
  declaredSize?: number;
}

export function deflatedPart(name: string, text: string): ZipPart {
  const bytes = new TextEncoder().encode(text);
  return { name, deflated: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
}

/**
 * A part made of `head`, then `body(i)` for i = 0..times-1, then `tail`, deflated
 * as a stream: hundreds of megabytes go in while only the compressed output is kept.
 */
export async function streamedPart(
  name: string,
  head: string,
  body: (i: number) => string,
  times: number,
  tail: string,
): Promise<ZipPart> {
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on("data", (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve, reject) => deflater.on("end", resolve).on("error", reject));
  let size = 0;
  let crc = 0;
  const write = async (text: string) => {
    const bytes = Buffer.from(text);
    size += bytes.length;
    crc = crc32(bytes, crc);
    if (!deflater.write(bytes)) await new Promise((resolve) => deflater.once("drain", resolve));
  };
  await write(head);
  // Written in batches of about 1 MB: one write per row would spend the test's time in stream calls.
  let batch = "";
  for (let i = 0; i < times; i++) {
    batch += body(i);
    if (batch.length >= 1 << 20) {
      await write(batch);
      batch = "";
    }
  }
  await write(batch + tail);
  deflater.end();
  await done;
  return { name, deflated: new Uint8Array(Buffer.concat(out)), size, crc };
}

/** A zip archive of the parts, each deflated, with a central directory declaring their sizes. */
export function zipArchive(parts: ZipPart[]): Uint8Array {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const declared = part.declaredSize ?? part.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.deflated.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(part.crc >>> 0, 16);
    central.writeUInt32LE(part.deflated.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    chunks.push(local, name, Buffer.from(part.deflated));
    directory.push(central, name);
    offset += local.length + name.length + part.deflated.length;
  }
  const directorySize = directory.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, ...directory, end]));
}

/** The parts every workbook needs besides its sheet: one worksheet, “Figures”, at xl/worksheets/sheet1.xml. */
export function workbookParts(): ZipPart[] {
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return [
    deflatedPart(
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
    deflatedPart(
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    deflatedPart(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Figures" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    deflatedPart(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
  ];
}

export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
export const SHEET_TAIL = `</sheetData></worksheet>`;
