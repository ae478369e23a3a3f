import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadResponse, requirePackVersion } from "~/utils/pack-version.server";

/** The frozen PDF of a pack version, byte for byte as stored when it was frozen. */
export async function loader(args: LoaderFunctionArgs) {
  const { version, fileStem } = await requirePackVersion(args);
  return downloadResponse(version.pdf, "application/pdf", `${fileStem}.pdf`);
}
