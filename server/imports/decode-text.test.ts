import { describe, expect, it } from "vitest";
import { decodeUpload, formatSize } from "./decode-text";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("decodeUpload", () => {
  it("refuses an empty file", () => {
    const result = decodeUpload(new Uint8Array(0));
    expect(result).toEqual({ ok: false, problem: { line: null, column: null, message: "The file is empty" } });
  });

  it("treats a file of blank lines as empty", () => {
    const result = decodeUpload(utf8("\r\n  \r\n"));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toBe("The file is empty");
  });

  it("refuses a file over the limit, saying how big it is", () => {
    const bytes = new Uint8Array(Math.round(7.2 * 1024 * 1024));
    const result = decodeUpload(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toBe("The file is 7.2 MB; the limit is 5 MB");
  });

  it("accepts a file exactly at the limit and honours a custom limit", () => {
    expect(decodeUpload(utf8("a,b\n1,2\n"), 8).ok).toBe(true);
    const over = decodeUpload(utf8("a,b\n1,2\n3"), 8);
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.problem.message).toBe("The file is 9 bytes; the limit is 8 bytes");
  });

  it("strips a UTF-8 byte-order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("code,unit\nLPI-03,£\n")]);
    const result = decodeUpload(bytes);
    expect(result).toEqual({ ok: true, text: "code,unit\nLPI-03,£\n", notices: [] });
  });

  it("reads bytes that are not UTF-8 as Windows-1252, with a notice", () => {
    // "LPI-03,£1,234" as Excel's "CSV (Comma delimited)" writes it: £ is the single byte 0xA3.
    const bytes = new Uint8Array([...utf8("code,unit\nLPI-03,"), 0xa3, ...utf8("\n"), 0x93, ...utf8("quoted"), 0x94]);
    const result = decodeUpload(bytes);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.text).toBe("code,unit\nLPI-03,£\n\u201Cquoted\u201D");
      expect(result.notices).toHaveLength(1);
      expect(result.notices[0]).toMatch(/Windows-1252/);
    }
  });

  it("reads UTF-16 with a byte-order mark (Excel's Unicode Text)", () => {
    const text = "code\tunit\nLPI-03\t£\n";
    const le = new Uint8Array(2 + text.length * 2);
    le[0] = 0xff;
    le[1] = 0xfe;
    for (let i = 0; i < text.length; i++) le[2 + i * 2] = text.charCodeAt(i) & 0xff;
    for (let i = 0; i < text.length; i++) le[3 + i * 2] = text.charCodeAt(i) >> 8;
    expect(decodeUpload(le)).toEqual({ ok: true, text, notices: [] });
  });

  it("refuses a binary file", () => {
    const result = decodeUpload(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toMatch(/not a CSV or Excel/);
  });
});

describe("formatSize", () => {
  it("reads like a person would write it, never rounding an over-limit size down to the limit", () => {
    expect(formatSize(5 * 1024 * 1024)).toBe("5 MB");
    expect(formatSize(5 * 1024 * 1024 + 1)).toBe("5.1 MB");
    expect(formatSize(300 * 1024)).toBe("300 KB");
    expect(formatSize(1)).toBe("1 byte");
  });
});
