// Reads the wrangler configs of a git repository at two revisions.
import type { ConfigChange } from "../core/model.ts";
import { UsageError } from "./usage-error.ts";

export interface ReadChangesOptions {
  readonly cwd: string;
  readonly base: string | null;
  readonly head: string | null;
  readonly paths: readonly string[];
}

export async function readChangesFromGit(_options: ReadChangesOptions): Promise<ConfigChange[]> {
  throw new UsageError("check is not available yet");
}
