/** A problem with how the tool was called or with its surroundings: one clear line, exit code 2. */
export class UsageError extends Error {
  readonly showUsage: boolean;
  constructor(message: string, showUsage = false) {
    super(message);
    this.name = "UsageError";
    this.showUsage = showUsage;
  }
}

/** A policy file that cannot be used: each problem is one `file:line: message` line. */
export class PolicyFileError extends UsageError {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join("\n"));
    this.problems = problems;
  }
}
