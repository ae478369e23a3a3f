// Keeps the page live (it reloads its data when figures change, see useLiveFigures) and
// says so politely to screen readers. The paragraph is rendered even while connecting,
// empty, so a live region exists before there is anything to announce.
import { useLiveFigures } from "~/components/use-live-figures";
import { formatUkDateTime } from "~/shared/dates";

export function LiveStatus({ orgSlug }: { orgSlug: string }) {
  const live = useLiveFigures(orgSlug);
  return (
    <p role="status" aria-live="polite" className="hint live-status" data-live-state={live.state}>
      {live.state === "live"
        ? live.lastChange
          ? `Figures updated ${formatUkDateTime(live.lastChange.at)}.`
          : "Live: this page updates when figures change."
        : live.state === "offline"
          ? "Not live: reload the page to see the latest figures."
          : ""}
    </p>
  );
}
