/**
 * The SHA-256 of a version's public copy, shortened, with the whole of it a click
 * away: it names exactly the version published.
 */
export function Fingerprint({ sha256 }: { sha256: string }) {
  return (
    <details className="details fingerprint">
      <summary>
        Fingerprint (SHA-256): <code className="fingerprint__short">{sha256.slice(0, 12)}…</code>
      </summary>
      <p className="fingerprint__explain">
        The fingerprint names this version of the public copy exactly. A published pack is never changed: a
        correction is a new version, with a new fingerprint.
      </p>
      <code className="fingerprint__full">{sha256}</code>
    </details>
  );
}
