// Opens an .xlsx (a zip archive) without trusting it. The archive's own table
// of contents (the central directory at its end) says how many parts it holds
// and how large each becomes once inflated: those figures are checked before
// a single byte is inflated, and a "zip bomb" (a small file that inflates to
// hundreds of megabytes) is refused at that point. The figures are only
// claims, so each part is inflated as a stream that counts what comes out and
// stops the moment a part grows past its declared size or the whole budget.
//
// Node's zlib does the inflating; the directory is a few fixed-layout records
// (PKWARE APPNOTE sections 4.3.7, 4.3.12, 4.3.16), read here so that nothing
// is inflated before the checks.

import { createInflateRaw } from "node:zlib";
import { formatSize } from "./decode-text";
import { formatCount, type ImportLimits } from "./import-limits";
import { problem } from "./problems";
import { ReadRefusal } from "./read-refusal";

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated: the only methods a workbook uses. */
  method: number;
  compressedSize: number;
  /** As declared by the archive: checked again while inflating. */
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipArchive {
  bytes: Uint8Array;
  entries: Map<string, ZipEntry>;
}

/** What the parts read so far may still inflate to: one per file, shared by its parts. */
export interface InflateBudget {
  bytesLeft: number;
  limits: ImportLimits;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
/** Parts smaller than this may compress very well (a sheet of blank rows); the ratio is only checked above it. */
const RATIO_CHECK_FROM = 1024 * 1024;

const damaged = (detail: string) =>
  new ReadRefusal(problem(null, null, `The Excel file could not be opened: it may be damaged or password-protected (${detail})`));

function tooLarge(bytes: number, limits: ImportLimits) {
  return new ReadRefusal(
    problem(
      null,
      null,
      `The Excel file would take ${formatSize(bytes)} once opened; an import may take at most ${formatSize(limits.maxUncompressedBytes)}: split it into smaller files, or save it as CSV`,
    ),
  );
}

function tooCompressed(ratio: number, limits: ImportLimits) {
  return new ReadRefusal(
    problem(
      null,
      null,
      `The Excel file expands to ${formatCount(Math.round(ratio))} times its size when opened (a real workbook expands about ten times, at most ${limits.maxCompressionRatio}): it was not opened. Save it again from Excel, or as CSV`,
    ),
  );
}

/** Reads and checks the table of contents. Throws a ReadRefusal for a damaged or oversized archive. */
export function openZip(bytes: Uint8Array, limits: ImportLimits): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw damaged("a ZIP64 archive, which Excel never writes");
  if (count > limits.maxArchiveEntries) {
    throw new ReadRefusal(
      problem(
        null,
        null,
        `The Excel file holds ${formatCount(count)} parts; a workbook may hold at most ${formatCount(limits.maxArchiveEntries)}: save it again from Excel, or as CSV`,
      ),
    );
  }
  if (directoryOffset + directorySize > eocd) throw damaged("its table of contents is cut short");

  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder("utf-8");
  let declaredTotal = 0;
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL_SIGNATURE) throw damaged("its table of contents is damaged");
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    let compressedSize = view.getUint32(at + 20, true);
    let uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localHeaderOffset = view.getUint32(at + 42, true);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > eocd) throw damaged("its table of contents is damaged");
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // A size of 0xFFFFFFFF means "see the ZIP64 field": read it rather than be fooled by the placeholder.
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      const wide = zip64Sizes(view, at + 46 + nameLength, extraLength, {
        uncompressed: uncompressedSize === 0xffffffff,
        compressed: compressedSize === 0xffffffff,
        offset: localHeaderOffset === 0xffffffff,
      });
      uncompressedSize = wide.uncompressed ?? uncompressedSize;
      compressedSize = wide.compressed ?? compressedSize;
      localHeaderOffset = wide.offset ?? localHeaderOffset;
    }
    if (flags & 0x1) throw damaged(`“${name}” is encrypted`);
    if (method !== 0 && method !== 8) throw damaged(`“${name}” uses a compression Excel does not`);
    if (method === 0 && compressedSize !== uncompressedSize) throw damaged(`“${name}” has two sizes`);
    if (localHeaderOffset + compressedSize > bytes.length) throw damaged(`“${name}” is cut short`);

    declaredTotal += uncompressedSize;
    if (uncompressedSize >= RATIO_CHECK_FROM) {
      const ratio = uncompressedSize / Math.max(compressedSize, 1);
      if (ratio > limits.maxCompressionRatio) throw tooCompressed(ratio, limits);
    }
    entries.set(name, { name, method, compressedSize, uncompressedSize, localHeaderOffset });
    at = end;
  }
  if (declaredTotal > limits.maxUncompressedBytes) throw tooLarge(declaredTotal, limits);
  const ratio = declaredTotal / bytes.length;
  if (declaredTotal >= RATIO_CHECK_FROM && ratio > limits.maxCompressionRatio) throw tooCompressed(ratio, limits);
  return { bytes, entries };
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of up to 65,535: search backwards from the end.
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let at = last; at >= first; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  throw damaged("it is not a complete zip archive");
}

function zip64Sizes(
  view: DataView,
  start: number,
  length: number,
  wanted: { uncompressed: boolean; compressed: boolean; offset: boolean },
): { uncompressed?: number; compressed?: number; offset?: number } {
  for (let at = start; at + 4 <= start + length;) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === ZIP64_EXTRA) {
      // The fields present are exactly those whose 32-bit value was the placeholder, in this order.
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + size) throw damaged("its table of contents is damaged");
        const value = Number(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      const out: { uncompressed?: number; compressed?: number; offset?: number } = {};
      if (wanted.uncompressed) out.uncompressed = next();
      if (wanted.compressed) out.compressed = next();
      if (wanted.offset) out.offset = next();
      return out;
    }
    at += 4 + size;
  }
  throw damaged("its table of contents is damaged");
}

/**
 * Inflates one part as a stream of chunks, charging each to the budget. Stops,
 * with a ReadRefusal, as soon as the part yields more than it declared (the
 * archive lied) or than the budget has left.
 */
export async function* inflateEntry(zip: ZipArchive, entry: ZipEntry, budget: InflateBudget): AsyncGenerator<Uint8Array> {
  const view = new DataView(zip.bytes.buffer, zip.bytes.byteOffset, zip.bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > zip.bytes.length || view.getUint32(local, true) !== LOCAL_SIGNATURE) {
    throw damaged(`“${entry.name}” is missing`);
  }
  const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  if (dataStart + entry.compressedSize > zip.bytes.length) throw damaged(`“${entry.name}” is cut short`);
  const data = zip.bytes.subarray(dataStart, dataStart + entry.compressedSize);

  let produced = 0;
  const charge = (n: number) => {
    produced += n;
    if (produced > entry.uncompressedSize) {
      throw damaged(`“${entry.name}” is larger than the archive says: ${formatSize(entry.uncompressedSize)} declared`);
    }
    if (produced > budget.bytesLeft) {
      throw tooLarge(budget.limits.maxUncompressedBytes - budget.bytesLeft + produced, budget.limits);
    }
  };

  if (entry.method === 0) {
    charge(data.length);
    budget.bytesLeft -= produced;
    yield data;
    return;
  }

  const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
  inflater.end(data);
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      charge(chunk.length);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ReadRefusal) throw error;
    throw damaged(`“${entry.name}” does not inflate`);
  } finally {
    inflater.destroy();
  }
  budget.bytesLeft -= produced;
}
