/**
 * A Content-Disposition header for a file name that may hold any character (an area
 * called "Tŷ Ŵyn", a quote): an ASCII fallback for old clients and the exact name in
 * RFC 5987 form. Building it from the raw name threw on characters outside Latin-1 and
 * let a quote end the name early.
 */
export function contentDisposition(kind: "attachment" | "inline", filename: string): string {
  const fallback = filename.normalize("NFKD").replace(/[^\x20-\x7e]|["\\]/g, (c) => (/[\u0300-\u036f]/.test(c) ? "" : "_"));
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
