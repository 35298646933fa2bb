/** A problem with how the tool was called or with its surroundings: one clear line, exit code 2. */
export class UsageError extends Error {
  readonly showUsage: boolean;
  constructor(message: string, showUsage = false) {
    super(message);
    this.name = "UsageError";
    this.showUsage = showUsage;
  }
}
