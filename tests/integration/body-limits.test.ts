import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as importApi } from "../../app/routes/api.v1.o.$orgSlug.imports.$kind";
import { action as collabTokens } from "../../app/routes/api.v1.o.$orgSlug.collab-tokens";
import { action as invite } from "../../app/routes/invite.$token";
import { action as importPage } from "../../app/routes/o.$orgSlug.imports";
import { action as reset } from "../../app/routes/reset.$token";
import { action as signIn } from "../../app/routes/sign-in";
import { SYSTEM_ACTOR } from "../../server/audit";
import { createOrganisation } from "../../server/commands/organisation-creator";
import { addMember } from "../../server/commands/user-creator";
import { FORM_BODY_LIMIT, IMPORT_BODY_LIMIT, IMPORT_FORM_LIMIT } from "../../server/http/body-limits";
import { cookieFor, createTestServices, formRequest, loadContext } from "../support/test-services";

/*
 * Request bodies are counted while they arrive and refused (413) past the route's limit,
 * chunked ones too: the rest of the stream is never pulled, so an attacker's gigabyte
 * costs the server at most the limit.
 */

let services: Awaited<ReturnType<typeof createTestServices>>;
let adminCookie: string;

beforeAll(async () => {
  services = await createTestServices();
  const org = await createOrganisation(services.db, { slug: "northfield", name: "Northfield" }, SYSTEM_ACTOR);
  const admin = await addMember(
    services.db,
    { organisationId: org.id, email: "admin@example.org", role: "admin", password: "the-right-password" },
    SYSTEM_ACTOR,
  );
  adminCookie = await cookieFor(services, admin.id);
});
afterAll(() => services.cleanup());

const CHUNK = 16 * 1024;

/**
 * A body of `total` bytes with no Content-Length (as a chunked upload arrives), made one
 * chunk per pull, that tells how much of it was pulled and whether it was read to the end.
 */
function endlessBody(total = 1024 * 1024 * 1024, fill = "a") {
  const chunk = new TextEncoder().encode(fill.repeat(CHUNK));
  const seen = { pulled: 0, ended: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (seen.pulled >= total) {
          seen.ended = true;
          controller.close();
          return;
        }
        seen.pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

function chunkedRequest(url: string, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return new Request(`http://localhost${url}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    duplex: "half",
  } as RequestInit);
}

/** What an action answered, returned or thrown, as a Response. */
async function answerOf(promise: Promise<unknown>): Promise<Response> {
  try {
    const result = await promise;
    if (result instanceof Response) return result;
    throw new Error(`expected a Response, got ${JSON.stringify(result)}`);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const context = () => loadContext(services);

describe("a chunked body past the limit", () => {
  it("is refused on /sign-in with 413 and a clear message, without reading the rest", async () => {
    const { stream, seen } = endlessBody();
    const answer = await answerOf(signIn({ request: chunkedRequest("/sign-in", stream), context: context(), params: {} }));
    expect(answer.status).toBe(413);
    expect(await answer.text()).toBe("The form is larger than the 64 KB limit, so it was not read.");
    expect(answer.headers.get("Connection")).toBe("close");
    expect(seen.ended).toBe(false);
    expect(seen.pulled).toBeLessThanOrEqual(FORM_BODY_LIMIT + CHUNK);
  });

  it.each([
    ["/invite", invite],
    ["/reset", reset],
  ])("is refused on %s/:token with 413, before the token is even looked at", async (prefix, action) => {
    const { stream, seen } = endlessBody();
    const answer = await answerOf(
      action({ request: chunkedRequest(`${prefix}/whatever`, stream), context: context(), params: { token: "whatever" } }),
    );
    expect(answer.status).toBe(413);
    expect(seen.ended).toBe(false);
    expect(seen.pulled).toBeLessThanOrEqual(FORM_BODY_LIMIT + CHUNK);
  });

  it("is refused by the import API with 413 past the import limit (JSON), the rest unread", async () => {
    const { stream, seen } = endlessBody(1024 * 1024 * 1024, "1");
    const request = chunkedRequest("/api/v1/o/northfield/imports/actuals", stream, {
      "Content-Type": "text/csv",
      Cookie: adminCookie,
    });
    const answer = await answerOf(importApi({ request, context: context(), params: { orgSlug: "northfield", kind: "actuals" } }));
    expect(answer.status).toBe(413);
    expect(await answer.json()).toEqual({ error: "The file is larger than the 5 MB limit, so it was not read." });
    expect(seen.ended).toBe(false);
    expect(seen.pulled).toBeLessThanOrEqual(IMPORT_BODY_LIMIT + CHUNK);
  });

  it("is refused by the import page's upload with 413 past its limit", async () => {
    const { stream, seen } = endlessBody();
    const request = chunkedRequest("/o/northfield/imports", stream, {
      "Content-Type": "multipart/form-data; boundary=x",
      Cookie: adminCookie,
    });
    const answer = await answerOf(importPage({ request, context: context(), params: { orgSlug: "northfield" } }));
    expect(answer.status).toBe(413);
    expect(seen.ended).toBe(false);
    expect(seen.pulled).toBeLessThanOrEqual(IMPORT_FORM_LIMIT + CHUNK);
  });

  it("is refused by the collaboration token API with 413 (JSON)", async () => {
    const { stream, seen } = endlessBody();
    const request = chunkedRequest("/api/v1/o/northfield/collab-tokens", stream, {
      "Content-Type": "application/json",
      Cookie: adminCookie,
    });
    const answer = await answerOf(collabTokens({ request, context: context(), params: { orgSlug: "northfield" } }));
    expect(answer.status).toBe(413);
    expect(seen.ended).toBe(false);
  });
});

describe("a declared Content-Length past the limit", () => {
  it("is refused without pulling a byte", async () => {
    const { stream, seen } = endlessBody();
    const request = chunkedRequest("/sign-in", stream, { "Content-Length": String(1024 * 1024 * 1024) });
    const answer = await answerOf(signIn({ request, context: context(), params: {} }));
    expect(answer.status).toBe(413);
    expect(seen.pulled).toBe(0);
  });
});

describe("bodies within the limits", () => {
  it("still sign in", async () => {
    const answer = await answerOf(
      signIn({
        request: formRequest("/sign-in", { email: "admin@example.org", password: "the-right-password" }),
        context: context(),
        params: {},
      }),
    );
    expect(answer.status).toBe(302);
  });

  it("a chunked form just under the limit is read whole", async () => {
    const filler = "x".repeat(FORM_BODY_LIMIT - 200);
    const body = new TextEncoder().encode(`email=admin%40example.org&password=the-right-password&pad=${filler}`);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < body.length; at += 1000) controller.enqueue(body.subarray(at, at + 1000));
        controller.close();
      },
    });
    const answer = await answerOf(signIn({ request: chunkedRequest("/sign-in", stream), context: context(), params: {} }));
    expect(answer.status).toBe(302);
  });

  it("a form holding a NUL is refused with 400, not a database error", async () => {
    const answer = await answerOf(
      signIn({
        request: formRequest("/sign-in", { email: "admin@example.org\u0000", password: "x" }),
        context: context(),
        params: {},
      }),
    );
    expect(answer.status).toBe(400);
  });
});

describe("every route reads its body through the counting reader", () => {
  const root = path.resolve(__dirname, "../../app");
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) && !/\.test\./.test(name) ? [full] : [];
    });

  it("no file under app/ calls request.formData(), .json(), .text(), .arrayBuffer() or .blob() itself", () => {
    const unbounded = /\brequest\s*\.\s*(formData|json|text|arrayBuffer|blob)\s*\(/;
    const offenders = files(root)
      .filter((file) => !file.endsWith("request-body.server.ts"))
      .filter((file) => unbounded.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(root, file));
    expect(offenders).toEqual([]);
  });
});
