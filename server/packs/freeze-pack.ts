import { and, desc, eq } from "drizzle-orm";
import { meetingDocumentName, reportDocumentName } from "../../app/shared/collab/document-names";
import { formatUkDateTime } from "../../app/shared/dates";
import { isBeforeOpening } from "../../app/shared/meetings/meeting-stage";
import type { PackKind } from "../../app/shared/packs/pack-document";
import { publicCopy } from "../../app/shared/packs/public-copy";
import type { Database } from "../../db/client";
import { meetings, type Meeting } from "../../db/schema/meetings";
import { packs, packVersionDocuments, packVersions } from "../../db/schema/packs";
import { listCoverReportsOfMeeting } from "../../db/queries/cover-reports";
import { recordAudit, type Actor } from "../audit";
import { CommandError } from "../commands/errors";
import type { SharedDocuments } from "../realtime/yjs/shared-documents";
import { canonicalJson, sha256Hex } from "./canonical-json";
import { compilePack, type PackGap } from "./compile-pack";
import { papersAsPresented } from "./papers-as-presented";
import { checkRecord, RecordInconsistentError } from "./record-check";
import { renderPackHtml } from "./render-html";
import { renderPackPdf } from "./render-pdf";

/*
 * Freezing a pack: "Publish agenda pack" before the meeting, "Freeze minuted pack" after
 * it. The live documents of a minuted meeting are frozen first, so that nothing can
 * change them between reading and storing; then, in one transaction, the figures and
 * documents are compiled into one canonical pack, hashed, rendered to a web page and a
 * PDF (and a public copy without exempt items), and stored as the next version, which
 * names the hash of the one before it. The database refuses to change a stored version.
 */

export class PackNotReadyError extends CommandError {
  constructor(public readonly gaps: PackGap[]) {
    super(`The pack cannot be frozen yet: ${gaps.length} thing${gaps.length === 1 ? "" : "s"} still to do`);
    this.name = "PackNotReadyError";
  }
}

export type FreezeInput = {
  meeting: Meeting;
  kind: PackKind;
  /** Required for every version after the first: why the correction was made. */
  reason: string;
  actor: Actor & { name: string };
  /** Agenda only: the papers captured as the meeting opens, as they are (what is missing cannot stop a meeting). */
  capture?: boolean;
  /** Minutes only: resolutions made when the meeting was not quorate that stand, with the clerk's reason, by motion id. */
  inquorateReasons?: Record<string, string>;
};

export type FreezeResult = { packId: string; version: number; sha256: string };

type Services = { db: Database; documents: SharedDocuments };

const REFUSALS: Record<PackKind, (m: Meeting) => string | null> = {
  agenda: (m) => (isBeforeOpening(m) ? null : "The meeting has started: its agenda pack can no longer be published"),
  minutes: (m) =>
    m.status === "closed"
      ? null
      : m.status === "minutes_approved"
        ? "These minutes have been approved and signed: they cannot be changed"
        : "The minuted pack can be frozen once the meeting has closed",
};

/** What still stops the pack being frozen: empty cover report sections, commentaries not ready. */
export async function packGaps(services: Services, meeting: Meeting, kind: PackKind): Promise<PackGap[]> {
  const now = new Date();
  const { gaps } = await compilePack(services.db, services.documents, {
    meeting,
    kind,
    version: { number: 0, previousSha256: null, reason: "", frozenAt: now.toISOString(), frozenAtText: "", frozenBy: "" },
  });
  return gaps;
}

export async function freezePack(services: Services, input: FreezeInput): Promise<FreezeResult> {
  const { db, documents } = services;
  const { meeting, kind, actor } = input;
  const reason = input.reason.trim();
  const refusal = REFUSALS[kind](meeting);
  if (refusal) throw new CommandError(refusal);

  // Only an agenda pack can have gaps (see PackGap), and publishing one freezes nothing:
  // the compile inside the transaction finds them and rolls back.
  const inquorate = new Map(Object.entries(input.inquorateReasons ?? {}).filter(([, why]) => why.trim() !== ""));
  if (kind === "minutes") {
    // Checked before the documents are frozen, so that what is wrong can still be put right.
    const problems = await checkRecord(db, documents, meeting, inquorate);
    if (problems.length > 0) throw new RecordInconsistentError(problems);
    for (const name of await liveDocumentsOfMeeting(db, meeting)) await documents.freeze(name, meeting.organisationId);
  }

  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(meetings).where(eq(meetings.id, meeting.id)).for("update");
    const stillRefused = current ? REFUSALS[kind](current) : "That meeting no longer exists";
    if (stillRefused) throw new CommandError(stillRefused);
    await tx.insert(packs).values({ organisationId: meeting.organisationId, meetingId: meeting.id, kind }).onConflictDoNothing();
    const [pack] = await tx
      .select()
      .from(packs)
      .where(and(eq(packs.meetingId, meeting.id), eq(packs.kind, kind)))
      .for("update");
    const [previous] = await tx
      .select({ version: packVersions.version, sha256: packVersions.sha256 })
      .from(packVersions)
      .where(eq(packVersions.packId, pack.id))
      .orderBy(desc(packVersions.version))
      .limit(1);
    if (previous && reason === "")
      throw new CommandError(
        kind === "agenda" ? "Say why this supplementary agenda pack is being published" : "Say why this correction is being made",
        "reason",
      );

    if (kind === "minutes") {
      const problems = await checkRecord(tx, documents.through(tx), current, inquorate);
      if (problems.length > 0) throw new RecordInconsistentError(problems);
    }
    const frozenAt = new Date();
    const number = (previous?.version ?? 0) + 1;
    const keptReason = previous || input.capture ? reason : "";
    const compiled = await compilePack(tx, documents.through(tx), {
      meeting: current,
      kind,
      papers: kind === "minutes" ? await papersAsPresented(tx, meeting.id) : null,
      inquorate,
      version: {
        number,
        previousSha256: previous?.sha256 ?? null,
        reason: keptReason,
        frozenAt: frozenAt.toISOString(),
        frozenAtText: formatUkDateTime(frozenAt),
        frozenBy: actor.name,
      },
    });
    if (compiled.gaps.length > 0 && !input.capture) throw new PackNotReadyError(compiled.gaps);

    const internal = await renderBoth(compiled.pack);
    const outside = await renderBoth(publicCopy(compiled.pack));
    const [version] = await tx
      .insert(packVersions)
      .values({
        packId: pack.id,
        organisationId: meeting.organisationId,
        version: number,
        canonicalJson: internal.canonical,
        sha256: internal.sha256,
        previousSha256: previous?.sha256 ?? null,
        reason: keptReason,
        html: internal.html,
        htmlSha256: sha256Hex(internal.html),
        pdf: internal.pdf.bytes,
        pdfSha256: sha256Hex(internal.pdf.bytes),
        pageCount: internal.pdf.pageCount,
        pageMap: internal.pdf.pageMap,
        publicCanonicalJson: outside.canonical,
        publicSha256: outside.sha256,
        publicHtml: outside.html,
        publicHtmlSha256: sha256Hex(outside.html),
        publicPdf: outside.pdf.bytes,
        publicPdfSha256: sha256Hex(outside.pdf.bytes),
        frozenBy: actor.userId,
        frozenByName: actor.name,
        frozenAt,
      })
      .returning({ id: packVersions.id });
    if (compiled.documentStates.size > 0) {
      await tx
        .insert(packVersionDocuments)
        .values(
          [...compiled.documentStates].map(([documentName, state]) => ({ packVersionId: version.id, documentName, state })),
        );
    }
    if (kind === "agenda" && current.status === "draft") {
      await tx.update(meetings).set({ status: "agenda_published" }).where(eq(meetings.id, meeting.id));
    }
    await recordAudit(tx, {
      organisationId: meeting.organisationId,
      actor,
      action: kind === "agenda" ? "pack.publish_agenda" : "pack.freeze_minutes",
      subjectType: "pack_version",
      subjectId: version.id,
      after: { meetingId: meeting.id, version: number, sha256: internal.sha256, reason: keptReason },
    });
    return { packId: pack.id, version: number, sha256: internal.sha256 };
  });
}

/** The canonical JSON, its hash, the PDF (whose page numbers the web page's contents repeat) and the web page. */
export async function renderBoth(pack: Parameters<typeof canonicalJson>[0]) {
  const canonical = canonicalJson(pack);
  const sha256 = sha256Hex(canonical);
  const pdf = await renderPackPdf(pack, { sha256 });
  const html = renderPackHtml(pack, { sha256, pageMap: pdf.pageMap, pageCount: pdf.pageCount });
  return { canonical, sha256, pdf, html };
}

/** The shared documents a minuted meeting is written in: its record and its cover reports. */
async function liveDocumentsOfMeeting(db: Database, meeting: Meeting): Promise<string[]> {
  const reports = await listCoverReportsOfMeeting(db, meeting.organisationId, meeting.id);
  return [meetingDocumentName(meeting.id), ...reports.map((r) => reportDocumentName(r.reportId))];
}
