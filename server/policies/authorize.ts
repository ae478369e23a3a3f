export class ForbiddenError extends Error {
  constructor(message = "You do not have permission to do that.") {
    super(message);
    this.name = "ForbiddenError";
  }
}

/**
 * Asserts a policy's answer. Usage: `authorize(organisationPolicy.administer(principal, org))`.
 * Loaders and actions turn the error into a 403; sockets into their 4403 close code.
 */
export function authorize(allowed: boolean, message?: string): asserts allowed {
  if (!allowed) throw new ForbiddenError(message);
}
