import { Fingerprint } from "./fingerprint";

export type PublishedPackView = {
  packId: string;
  meetingTitle: string;
  bodyName: string;
  /** "23 November 2026" */
  dateText: string;
  version: number;
  pageCount: number;
  publicSha256: string;
  webHref: string;
  pdfHref: string;
};

export type ApprovedMinutesView = PublishedPackView & {
  /** "Approved on 14 December 2026, signed by Cllr Ann Chair." */
  approvalText: string;
  /** Said when the latest version is a correction made after the signed one. */
  correctionText: string | null;
};

/** One published pack: which meeting, which version, the web page and the PDF, the fingerprint. */
function PackEntry({ pack, kind, children }: { pack: PublishedPackView; kind: "agenda pack" | "minutes"; children?: React.ReactNode }) {
  const context = `${pack.meetingTitle}, ${pack.dateText}`;
  return (
    <li className="public-pack" data-pack-id={pack.packId}>
      <h3 className="public-pack__title">{pack.meetingTitle}</h3>
      <p className="public-pack__meta">
        {pack.bodyName === pack.meetingTitle ? "" : `${pack.bodyName}, `}
        {pack.dateText}. Version {pack.version}.
      </p>
      {children}
      <ul className="public-pack__links">
        <li>
          <a href={pack.webHref}>
            Read the {kind}
            <span className="visually-hidden"> of {context}</span>
          </a>
        </li>
        <li>
          <a href={pack.pdfHref} type="application/pdf">
            PDF ({pack.pageCount} {pack.pageCount === 1 ? "page" : "pages"})<span className="visually-hidden">, {kind} of {context}</span>
          </a>
        </li>
      </ul>
      <Fingerprint sha256={pack.publicSha256} />
    </li>
  );
}

export function AgendaPackList({ packs }: { packs: PublishedPackView[] }) {
  if (packs.length === 0) return <p className="public-empty">No agenda packs have been published yet.</p>;
  return (
    <ul className="public-packs">
      {packs.map((pack) => (
        <PackEntry key={pack.packId} pack={pack} kind="agenda pack" />
      ))}
    </ul>
  );
}

export function ApprovedMinutesList({ minutes }: { minutes: ApprovedMinutesView[] }) {
  if (minutes.length === 0) return <p className="public-empty">No minutes have been approved yet.</p>;
  return (
    <ul className="public-packs">
      {minutes.map((pack) => (
        <PackEntry key={pack.packId} pack={pack} kind="minutes">
          <p className="public-pack__approval">{pack.approvalText}</p>
          {pack.correctionText ? <p className="public-pack__correction">{pack.correctionText}</p> : null}
        </PackEntry>
      ))}
    </ul>
  );
}
