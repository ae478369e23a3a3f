import type { PackDocument, PackPerson } from "../../../app/shared/packs/pack-document";
import { drawFacts, drawHeading, drawParagraph, drawRule, type Fact } from "./blocks";
import { COLOUR, FONT, type PdfWriter } from "./pdf-writer";

/** "Agenda pack" or "Minutes": what kind of record this is, in the words on the cover. */
export function packKindLabel(pack: Pick<PackDocument, "kind">): string {
  return pack.kind === "minutes" ? "Minutes" : "Agenda pack";
}

function people(list: readonly PackPerson[]): string {
  return list.map((p) => (p.role ? `${p.name}, ${p.role}` : p.name)).join("\n");
}

/** Who is listed on the cover: on minutes who attended, on an agenda pack the membership. */
export function attendanceFacts(pack: PackDocument): Fact[] {
  const { present, apologies, absent, officers, guests } = pack.attendance;
  const minutes = pack.kind === "minutes";
  const rows: [string, readonly PackPerson[]][] = [
    [minutes ? "Present" : "Members", present],
    ["Apologies", apologies],
    ["Absent", absent],
    [minutes ? "Officers in attendance" : "Officers", officers],
    ["Guests", guests],
  ];
  return rows.filter(([, list]) => list.length > 0).map(([label, list]) => ({ label, value: people(list) }));
}

/** The cover: what the record is, which version, who froze it and the hash that identifies it. */
export function drawCoverPage(writer: PdfWriter, pack: PackDocument, sha256: string): void {
  const doc = writer.doc;
  writer.block("P", () =>
    writer.style(FONT.bold, 11, COLOUR.muted).text(pack.organisation.name, writer.left, doc.y, { width: writer.width }),
  );
  writer.block("P", () =>
    writer.style(FONT.regular, 11, COLOUR.muted).text(pack.body.name, writer.left, doc.y, { width: writer.width }),
  );
  writer.gap(56);
  writer.block("P", () => {
    writer
      .style(FONT.bold, 13, COLOUR.heading)
      .text(packKindLabel(pack).toUpperCase(), writer.left, doc.y, { width: writer.width, characterSpacing: 1 });
  });
  writer.gap(4);
  writer.block("H1", () => {
    writer.style(FONT.bold, 26, COLOUR.heading).text(pack.meeting.title, writer.left, doc.y, { width: writer.width, lineGap: 2 });
  });
  writer.gap(6);
  drawParagraph(writer, pack.meeting.whenText, { size: 14 });
  if (pack.meeting.place) drawParagraph(writer, pack.meeting.place, { size: 12, colour: COLOUR.muted });
  writer.gap(24);
  drawRule(writer);

  const meetingFacts: Fact[] = [
    { label: "Meeting", value: pack.meeting.kindLabel },
    { label: "When", value: pack.meeting.whenText },
    { label: "Where", value: pack.meeting.place || "Not given" },
  ];
  if (pack.meeting.onlineLink) meetingFacts.push({ label: "Online", value: pack.meeting.onlineLink });
  drawFacts(writer, meetingFacts);
  writer.gap(6);
  drawRule(writer);

  const versionFacts: Fact[] = [
    { label: "Version", value: `Version ${pack.version.number}`, bold: true },
    { label: "Frozen", value: `${pack.version.frozenAtText} by ${pack.version.frozenBy}` },
  ];
  if (pack.version.reason) versionFacts.push({ label: "Reason for correction", value: pack.version.reason });
  if (pack.version.previousSha256) versionFacts.push({ label: "Previous version SHA-256", value: pack.version.previousSha256 });
  versionFacts.push({ label: "SHA-256", value: sha256 });
  drawFacts(writer, versionFacts);
  writer.gap(4);
  drawParagraph(
    writer,
    "The SHA-256 is the fingerprint of this exact version of the pack. It is printed at the foot of every page; any change to the pack gives a different fingerprint.",
    { size: 8.5, colour: COLOUR.muted },
  );

  const attendance = attendanceFacts(pack);
  if (attendance.length > 0 || pack.quorumText) {
    drawHeading(writer, "H2", pack.kind === "minutes" ? "Attendance" : "Membership");
    drawFacts(writer, attendance, { labelWidth: 140 });
    if (pack.quorumText) drawParagraph(writer, pack.quorumText, { font: FONT.bold });
  }
}
