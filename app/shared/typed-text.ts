import { z } from "zod";

/*
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069)
 * make text display in an order other than the one it is stored in: a name or title
 * holding them can pass for something else ("Trojan Source"). No name or title needs
 * them, so they are taken out wherever people type one; right-to-left scripts still
 * display correctly without them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export const stripBidiControls = (text: string): string => text.replace(BIDI_CONTROLS, "");

/**
 * A string field for a name or title: the bidi controls are taken out before any other
 * check, so `typedText(...).trim().min(1)` refuses a name that was nothing but them.
 */
export const typedText = (params?: Parameters<typeof z.string>[0]) => z.string(params).overwrite(stripBidiControls);
