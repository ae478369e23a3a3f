/**
 * Where to send someone after signing in, from a `redirectTo` anyone can write into a
 * link: a path of this site, or the fallback. The target is resolved the way a browser
 * resolves a Location header (the WHATWG URL parser drops tabs and newlines and reads
 * "\" as "/", so "/\evil.example" and "/\t/evil.example" both mean "//evil.example")
 * against this site's origin, and accepted only if it stays there. The answer is the
 * resolved path, so what the browser follows is exactly what was checked.
 */
export function safeRedirectTarget(target: string | null | undefined, origin: string, fallback = "/"): string {
  if (!target || !target.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(target, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== new URL(origin).origin) return fallback;
  const path = url.pathname + url.search + url.hash;
  // Belt and braces: the path as sent must not itself read as another host.
  return path.startsWith("//") || path.startsWith("/\\") ? fallback : path;
}
