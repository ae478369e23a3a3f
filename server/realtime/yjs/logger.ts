/** What the collab server logs through; never given a token or a query string. */
export type CollabLogger = {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
};

export const consoleLogger: CollabLogger = {
  info: (message, fields) => console.log(message, fields ?? ""),
  warn: (message, fields) => console.warn(message, fields ?? ""),
  error: (message, fields) => console.error(message, fields ?? ""),
};

export const silentLogger: CollabLogger = { info: () => {}, warn: () => {}, error: () => {} };
