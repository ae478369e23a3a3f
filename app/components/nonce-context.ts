import { createContext } from "react";

/**
 * The Content-Security-Policy nonce of the page being rendered on the server
 * (app/entry.server.tsx), for the inline scripts of app/root.tsx. Undefined in the browser,
 * which never shows a nonce to scripts anyway.
 */
export const NonceContext = createContext<string | undefined>(undefined);
