import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadResponse, requirePackVersion } from "~/utils/pack-version.server";

/** The frozen, self-contained web page of a pack version, as stored: to keep or send on. */
export async function loader(args: LoaderFunctionArgs) {
  const { version, fileStem } = await requirePackVersion(args);
  return downloadResponse(new TextEncoder().encode(version.html), "text/html; charset=utf-8", `${fileStem}.html`);
}
