import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "../../db/client";
import { countOrganisations, findOrganisationBySlug } from "../../db/queries/organisations";
import type { Role } from "../../db/schema/identity";
import type { ImportKind } from "../imports/parse-import";
import { formatProblem } from "../imports/problems";
import { importFile } from "./import-committer";
import { SYSTEM_ACTOR } from "../audit";
import { createOrganisation } from "./organisation-creator";
import { addMember } from "./user-creator";
import { DEMO_BOARD_MEMBERS, seedDemoMeetings } from "./demo-meetings-seeder";
import { seedDemoMemberHelp } from "./demo-member-seeder";
import { publishReportingMonth } from "./reporting-month-publisher";
import { monthLabel } from "../../app/shared/performance/periods";
import { seedDemoPlans } from "./demo-plans-seeder";

export const DEMO_ORGANISATION = { slug: "northfield", name: "Northfield Homes (demo)" } as const;
export const DEMO_PASSWORD = "northfield-demo";
export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "admin@northfield.example", name: "Priya Shah", role: "admin" },
  { email: "officer@northfield.example", name: "Tom Okafor", role: "officer" },
  { email: "member@northfield.example", name: "Cllr Margaret Hughes", role: "member" },
  { email: "viewer@northfield.example", name: "Alan Byrne", role: "viewer" },
];

export const seedDataDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "../../db/seed-data");

export function readSeedFile(name: string): Buffer {
  return readFileSync(path.join(seedDataDir, name));
}

export type SeedResult = { created: boolean; lines: string[] };

/**
 * Seeds "Northfield Homes (demo)": its areas, one person per role and the sample
 * performance data. Does nothing when the demo organisation already exists.
 */
export async function seedDemo(db: Database): Promise<SeedResult> {
  if (await findOrganisationBySlug(db, DEMO_ORGANISATION.slug)) {
    return { created: false, lines: [`The demo organisation “${DEMO_ORGANISATION.name}” already exists.`] };
  }
  const org = await createOrganisation(db, { ...DEMO_ORGANISATION, isDemo: true }, SYSTEM_ACTOR);
  const added = new Map<string, string>();
  for (const user of DEMO_USERS) {
    const member = await addMember(db, { organisationId: org.id, ...user, password: DEMO_PASSWORD }, SYSTEM_ACTOR);
    added.set(user.role, member.id);
  }
  await seedDemoPerformanceData(db, org.id);
  // The golden thread: the business plan, the SIPs and their progress (ADR 021).
  await seedDemoPlans(
    db,
    org.id,
    {
      officer: { userId: added.get("officer")!, label: "officer@northfield.example" },
      admin: { userId: added.get("admin")!, label: "admin@northfield.example" },
    },
    readSeedFile,
  );
  await seedDemoMeetings(db, org.id, DEMO_PASSWORD, SYSTEM_ACTOR);
  await seedDemoMemberHelp(db, org.id);
  await publishDemoMonth(db, org.id);
  return {
    created: true,
    lines: [
      `Seeded the demo organisation “${DEMO_ORGANISATION.name}”. Sign in with any of these (password: ${DEMO_PASSWORD}):`,
      ...DEMO_USERS.map((u) => `  ${u.role.padEnd(8)} ${u.email}`),
      `  and the committee's other members (role member): ${DEMO_BOARD_MEMBERS.map((m) => m.email).join(", ")}`,
    ],
  };
}

/**
 * The demo's reporting months: September 2026 is published, through the same command
 * as the Month in progress page; October 2026 (its figures entered, not yet verified)
 * is left open, so the demo shows both the published month and the month in progress.
 */
export const DEMO_PUBLISHED_MONTH = "2026-09";

async function publishDemoMonth(db: Database, organisationId: string): Promise<void> {
  const first = await publishReportingMonth(db, { organisationId, period: DEMO_PUBLISHED_MONTH, note: null }, SYSTEM_ACTOR);
  if (first.ok) return;
  if (!first.missing) throw new Error(`The demo cannot publish ${DEMO_PUBLISHED_MONTH}: ${first.reason}`);
  // The sample commentaries are not all marked ready: publish as a performance team would, naming the gaps.
  const { figures, unverified, commentaries } = first.missing;
  const note = [
    `Published for the demo with the sample data of ${monthLabel(DEMO_PUBLISHED_MONTH)}.`,
    figures.length ? `Figures missing: ${figures.join(", ")}.` : "",
    unverified.length ? `Not verified: ${unverified.join(", ")}.` : "",
    commentaries.length ? `Commentaries not ready: ${commentaries.join(", ")}.` : "",
  ]
    .filter(Boolean)
    .join(" ");
  const second = await publishReportingMonth(db, { organisationId, period: DEMO_PUBLISHED_MONTH, note }, SYSTEM_ACTOR);
  if (!second.ok) throw new Error(`The demo cannot publish ${DEMO_PUBLISHED_MONTH}: ${second.reason}`);
}

/** Seeds on first start only: an empty database gets the demo organisation. */
export async function seedDemoIfEmpty(db: Database): Promise<SeedResult | null> {
  if ((await countOrganisations(db)) > 0) return null;
  return seedDemo(db);
}

/**
 * The areas, the sample library (with each indicator's definition, data source, owner and
 * manager) and three years of figures, loaded through the same imports a performance team
 * uses: the people are added first, so the library can name them.
 */
async function seedDemoPerformanceData(db: Database, organisationId: string): Promise<void> {
  const files: [ImportKind, string][] = [
    ["areas", "areas.csv"],
    ["indicators", "indicators.csv"],
    ["targets", "targets.csv"],
    ["benchmarks", "benchmarks.csv"],
    ["actuals", "actuals.csv"],
  ];
  for (const [kind, filename] of files) {
    const outcome = await importFile(db, {
      organisationId,
      kind,
      bytes: readSeedFile(filename),
      filename,
      actor: SYSTEM_ACTOR,
      ownSeedFile: true,
    });
    if (!outcome.ok) {
      throw new Error(`The demo data file ${filename} does not import: ${outcome.problems.map(formatProblem).join("; ")}`);
    }
  }
}
