import { z } from "zod";
import type { Database } from "../../db/client";
import { findOrganisationBySlug } from "../../db/queries/organisations";
import { organisations } from "../../db/schema/identity";
import { recordAudit, type Actor } from "../audit";
import { CommandError } from "./errors";

export const organisationSlugSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/, {
    message: "Use 1 to 48 lowercase letters, digits and hyphens, not starting or ending with a hyphen",
  });

export async function createOrganisation(db: Database, input: { slug: string; name: string; isDemo?: boolean }, actor: Actor) {
  const slug = organisationSlugSchema.parse(input.slug);
  const name = input.name.trim();
  if (!name) throw new CommandError("Give the organisation a name", "name");
  return db.transaction(async (tx) => {
    if (await findOrganisationBySlug(tx, slug)) {
      throw new CommandError(`An organisation with the slug “${slug}” already exists`, "slug");
    }
    const [org] = await tx
      .insert(organisations)
      .values({ slug, name, isDemo: input.isDemo ?? false })
      .returning();
    await recordAudit(tx, {
      organisationId: org.id,
      actor,
      action: "organisation.create",
      subjectType: "organisation",
      subjectId: org.id,
      after: { slug, name },
    });
    return org;
  });
}
