import { z } from "zod";
import { typedText } from "../typed-text";

/** The name that means the whole organisation in imports and filters: never an area's own. */
const WHOLE_ORGANISATION = "all";

/**
 * An area (neighbourhood, patch) as an admin types it on the Areas page; the `areas`
 * import checks the same things line by line (server/imports/validate-areas.ts).
 */
export const areaDetailsSchema = z.object({
  name: typedText()
    .trim()
    .min(1, "Enter the area's name")
    .max(80, "Keep the area's name to 80 characters")
    .refine((name) => name.toLowerCase() !== WHOLE_ORGANISATION, "“All” means the whole organisation: choose another name"),
  homes: z.coerce
    .number({ message: "Enter the number of homes as a whole number" })
    .int("Enter the number of homes as a whole number")
    .min(0, "The number of homes cannot be negative")
    .max(10_000_000, "Enter a number of homes below 10 million"),
});

export type AreaDetails = z.infer<typeof areaDetailsSchema>;
