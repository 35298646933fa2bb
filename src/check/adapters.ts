// The real adapters of the check (its composition root): the repository's files read with git, and the
// live state read from the Cloudflare API (loaded only when a live read is asked for). The
// entry points (the CLI's `check` and `fix`, the action's `mode: check`) pass them to the use
// case; tests may replace any.
import { readRevisionFiles } from "../adapters/repository.ts";
import { UsageError } from "./errors.ts";
import type { CheckAdapters } from "./ports.ts";

export const checkAdapters: CheckAdapters = {
  readRevisions: readRevisionFiles,
  liveReader: async (connection) => {
    const [{ checkedApiBaseUrl, createCloudflareClient }, { liveAccountsReader }] = await Promise.all([
      import("../adapters/cloudflare-api.ts"),
      import("../adapters/live-state.ts"),
    ]);
    try {
      checkedApiBaseUrl(connection.apiBaseUrl);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    return liveAccountsReader({
      ...(connection.requestBudget !== undefined ? { requestBudget: connection.requestBudget } : {}),
      client: (accountId, budget) =>
        createCloudflareClient({
          accountId,
          token: connection.token,
          budget,
          ...(connection.apiBaseUrl ? { apiBaseUrl: connection.apiBaseUrl } : {}),
        }),
    });
  },
};
