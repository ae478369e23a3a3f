/**
 * How deep rich text is read and drawn. The collab server refuses edits nested deeper
 * (its limit counts the same levels); anything deeper already stored is shown as the
 * marker, never walked, since a walk 5,000 levels deep ran out of stack and took the
 * cover report page and the agenda pack down with it.
 */
export const NESTING_LIMIT = { maxDepth: 64, marker: "[content nested too deeply]" } as const;

/**
 * The size of a table in rich text. A Word or Excel table pasted past it keeps its first
 * rows and columns and says so; the editor adds no row or column beyond it; the collab
 * server refuses an edit that would pass it. 12 columns on the PDF's A4 text width
 * (about 480 pt) leaves 40 pt a column: a figure such as "£1,379,674" in 9 pt still fits.
 */
export const TABLE_LIMIT = { maxRows: 100, maxColumns: 12 } as const;

/** What a person is told when a table would pass the limit. */
export const TABLE_LIMIT_MESSAGE = `Tables may have at most ${TABLE_LIMIT.maxRows} rows and ${TABLE_LIMIT.maxColumns} columns`;
