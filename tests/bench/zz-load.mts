import * as Y from "yjs";
import { sql } from "drizzle-orm";
import { createTestServices } from "../support/test-services";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { SYSTEM_ACTOR } from "../../server/audit";
import { createPostgresStorage } from "../../server/realtime/yjs/document-storage";
const services = await createTestServices();
const org = await createOrganisation(services.db, { slug: "b", name: "B" }, SYSTEM_ACTOR);
const storage = createPostgresStorage(services.db);
const source = new Y.Doc();
const updates: Uint8Array[] = [];
source.on("update", (u: Uint8Array) => updates.push(u));
for (let i = 0; i < 10_000; i++) source.getText("body").insert(Math.floor(Math.random() * (i + 1)), "x");
const name = "report:00000000-0000-0000-0000-000000000001";
await storage.ensure(name, org.id);
for (let s = 0; s < updates.length; s += 1000) await storage.store(name, updates.slice(s, s + 1000).map((update) => ({ update, userId: null, at: new Date() })));
for (let r = 0; r < 5; r++) { const t = performance.now(); const st = await storage.load(name); console.log("load", st.updates.length, (performance.now() - t).toFixed(1)); }
for (let r = 0; r < 3; r++) { const t = performance.now(); const rows = await services.db.execute(sql`select string_agg(update, ''::bytea order by seq) as u, array_agg(octet_length(update) order by seq) as l from collab_updates where document_name = ${name}`); console.log("agg", (performance.now() - t).toFixed(1)); }
await services.cleanup();
process.exit(0);
