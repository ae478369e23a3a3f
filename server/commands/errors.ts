/** A refusal the person can act on; its message is shown to them as it is. */
export class CommandError extends Error {
  constructor(
    message: string,
    public readonly field?: string,
  ) {
    super(message);
    this.name = "CommandError";
  }
}
