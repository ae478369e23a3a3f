import { request as httpRequest } from "node:http";
import { baseURL } from "../playwright.config";
import { demoUser, expect, signIn, test } from "./support/fixtures";

/*
 * The HTTP edge against the production build: the security headers and the script nonce
 * on real pages (every spec fails on a console error, so a script the policy blocked
 * would show), addresses no route can serve, and oversized bodies.
 */

test("pages carry the security headers, and their inline scripts the policy's nonce", async ({ page }) => {
  for (const path of ["/sign-in", "/p/northfield", "/p/northfield/screen"]) {
    const response = (await page.goto(path))!;
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(headers["content-security-policy"])?.[1];
    expect(nonce, headers["content-security-policy"]).toBeTruthy();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    const html = await response.text();
    const inline = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(inline.length).toBeGreaterThan(0);
    for (const attributes of inline) expect(attributes).toContain(`nonce="${nonce}"`);
  }
  // Hydrated under the policy: signing in is a client-side form post that lands on the app.
  await signIn(page, demoUser("viewer"));
  await page.getByRole("link", { name: "Scorecard" }).first().click();
  await expect(page).toHaveURL(/\/o\/northfield\/scorecard/);
});

test("addresses with NUL or broken escapes are answered 404 or 400, never 500", async ({ page }) => {
  await signIn(page, demoUser("viewer"));
  const cases: [string, number][] = [
    ["/o/north%00field", 404],
    ["/o/northfield/indicators/BV%00212", 404],
    ["/o/northfield/meetings/%00", 404],
    ["/p/north%00field/screen", 404],
    ["/o/northfield/indicators/%E0%A4%A", 400],
    ["/o/northfield/scorecard?period=%00", 400],
  ];
  for (const [path, status] of cases) expect((await page.request.get(path)).status(), path).toBe(status);
});

/** Sends a chunked body (no Content-Length) of up to `total` bytes; resolves with the answer. */
function chunkedPost(path: string, total: number) {
  const url = new URL(path, baseURL);
  return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      },
      (res) => {
        answered = true;
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, body, sent });
          req.destroy();
        });
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (answered) return;
      // The server may close the connection as it answers 413, before this side has read
      // the answer: that is a refusal while the body was still being sent, too.
      if (error.code === "EPIPE" || error.code === "ECONNRESET") {
        answered = true;
        resolve({ status: 0, body: "", sent });
      } else reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

test("a chunked body far over the limit to /sign-in is refused with 413 while it is still being sent", async ({ page }) => {
  const total = 512 * 1024 * 1024;
  const answer = await chunkedPost("/sign-in", total);
  // Either the 413 was read, or the server closed the connection first (the message itself
  // is checked in tests/integration/body-limits.test.ts); never the whole body taken in.
  if (answer.status !== 0) {
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("The form is larger than the 64 KB limit");
  }
  expect(answer.sent).toBeLessThan(total);
  // And the server is still there.
  expect((await page.request.get("/healthz")).status()).toBe(200);
});
