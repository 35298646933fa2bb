// The errors the use cases throw for their callers to word (the CLI's exit code 2, the action's
// failure line). They belong to the use cases, not to the adapters: src/adapters/usage-error.ts
// re-exports them for the adapters that throw them too (a path outside the repository, an
// unusable revision).

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
