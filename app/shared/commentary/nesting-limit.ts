/**
 * How deep rich text is read and drawn. The collab server refuses edits nested deeper
 * (its limit counts the same levels); anything deeper already stored is shown as the
 * marker, never walked, since a walk 5,000 levels deep ran out of stack and took the
 * cover report page and the agenda pack down with it.
 */
export const NESTING_LIMIT = { maxDepth: 64, marker: "[content nested too deeply]" } as const;
