// Turns the raw bytes of an uploaded CSV into text.
//
// Performance teams save CSVs from Excel. Depending on the Excel version and
// the "Save as" choice they get UTF-8 with a byte-order mark ("CSV UTF-8"),
// plain Windows-1252 ("CSV (Comma delimited)": the £ sign is the single byte
// 0xA3), or occasionally UTF-16 ("Unicode Text"). We accept all of them rather
// than asking users to understand encodings; a file that is not valid UTF-8 is
// read as Windows-1252 because that is what UK Excel writes, and we say so in
// a notice so that a wrong guess is visible.

import iconv from "iconv-lite";
import { problem, type ImportProblem } from "./problems";

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

export type DecodeResult = { ok: true; text: string; notices: string[] } | { ok: false; problem: ImportProblem };

// One decoder for the process: with `fatal` it throws on the first invalid
// sequence, which is exactly the "is this UTF-8?" test we need. ignoreBOM
// keeps the BOM in the output so that we strip it ourselves, explicitly.
const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

const KB = 1024;
const MB = 1024 * 1024;

/** Sizes as a person reads them: "7.2 MB", "5 MB", "300 KB". Rounded up so an over-limit file never reads as equal to the limit. */
export function formatSize(bytes: number): string {
  const [amount, unit] = bytes >= MB ? [bytes / MB, "MB"] : bytes >= KB ? [bytes / KB, "KB"] : [bytes, "bytes"];
  if (unit === "bytes") return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  const rounded = Math.ceil(Math.round(amount * 1e6) / 1e5) / 10; // Round away float dust before ceiling.
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)} ${unit}`;
}

/** The checks that apply to every upload, text or workbook: something there, and not too much of it. */
export function checkUploadSize(bytes: Uint8Array, maxBytes: number = DEFAULT_MAX_BYTES): ImportProblem | null {
  if (bytes.length === 0) return problem(null, null, "The file is empty");
  if (bytes.length > maxBytes) {
    return problem(null, null, `The file is ${formatSize(bytes.length)}; the limit is ${formatSize(maxBytes)}`);
  }
  return null;
}

export function decodeUpload(bytes: Uint8Array, maxBytes: number = DEFAULT_MAX_BYTES): DecodeResult {
  const sizeProblem = checkUploadSize(bytes, maxBytes);
  if (sizeProblem) return { ok: false, problem: sizeProblem };

  const notices: string[] = [];
  let text: string;

  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    // UTF-16 only ever arrives with a BOM from Excel; without one we do not guess.
    const encoding = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    text = new TextDecoder(encoding).decode(bytes); // Strips the BOM itself.
  } else {
    try {
      text = strictUtf8.decode(bytes);
    } catch {
      text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "win1252");
      notices.push(
        "The file is not UTF-8, so it was read as Windows-1252 (what Excel writes for “CSV (Comma delimited)”): check that £ signs and accented letters look right.",
      );
    }
  }

  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  // A NUL never appears in a real CSV; it means a binary file (an old .xls,
  // a PDF) was uploaded under the wrong name.
  if (text.includes("\u0000")) {
    return {
      ok: false,
      problem: problem(null, null, "The file is not a CSV or Excel (.xlsx) file: save it as CSV or .xlsx and upload it again"),
    };
  }
  if (text.trim() === "") return { ok: false, problem: problem(null, null, "The file is empty") };

  return { ok: true, text, notices };
}
