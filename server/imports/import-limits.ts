// How much one import may ask of the server. A 1.4 MB workbook once inflated
// to 450 MB and took every organisation down with it: each limit below is
// checked while the file is read, before the work it guards is done, so a
// file past a limit costs little more than reading up to that limit.
//
// The numbers leave room for any real spreadsheet: the largest import we know
// of (a year of monthly figures for 300 indicators and five areas) is 18,000
// rows and a 3 MB workbook that inflates to 15 MB.

export interface ImportLimits {
  /** Data rows (after the heading row) in one file. */
  maxRows: number;
  /** Characters in one cell: Excel's own limit, so only a made-up file reaches it. */
  maxCellChars: number;
  /** Characters in one CSV line, checked by the CSV reader before it splits the line into cells. */
  maxRowChars: number;
  /** Files inside a workbook (an .xlsx is a zip archive; Excel writes about a dozen). */
  maxArchiveEntries: number;
  /** Bytes a workbook may inflate to, counted over the parts that are read. */
  maxUncompressedBytes: number;
  /** Inflated size over compressed size, for the archive and for each part over 1 MB. */
  maxCompressionRatio: number;
  /** Heap of the thread that reads the file, in MB. */
  workerMemoryMb: number;
  /** Time the thread may take to read and check the file, in milliseconds. */
  workerTimeMs: number;
}

export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxRows: 100_000,
  maxCellChars: 32_767,
  maxRowChars: 1_000_000,
  maxArchiveEntries: 1_000,
  maxUncompressedBytes: 50 * 1024 * 1024,
  maxCompressionRatio: 100,
  workerMemoryMb: 256,
  workerTimeMs: 30_000,
});

/** Problems listed for one file: a person fixes a spreadsheet from the first hundred, then uploads it again. */
export const MAX_PROBLEMS_LISTED = 100;

/** A file's name as the import page and API take it: it becomes the reason in the figures' and targets' history. */
export const IMPORT_FILENAME_MAX = 255;

export function importLimits(overrides: Partial<ImportLimits> = {}): ImportLimits {
  return { ...DEFAULT_IMPORT_LIMITS, ...overrides };
}

/** "100,000": every limit is shown to people, in the UK style. */
export function formatCount(n: number): string {
  return n.toLocaleString("en-GB");
}
