import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  readRevisionFiles
} from "./chunk-VGC65KCR.js";
import {
  UsageError
} from "./chunk-MENN5CMZ.js";

// src/check/adapters.ts
var checkAdapters = {
  readRevisions: readRevisionFiles,
  liveReader: async (connection) => {
    const [{ checkedApiBaseUrl, createCloudflareClient }, { liveAccountsReader }] = await Promise.all([
      import("./cloudflare-api-WKEJR2Y6.js"),
      import("./live-state-5IW65PDF.js")
    ]);
    try {
      checkedApiBaseUrl(connection.apiBaseUrl);
    } catch (error) {
      throw new UsageError(error.message);
    }
    return liveAccountsReader({
      ...connection.requestBudget !== void 0 ? { requestBudget: connection.requestBudget } : {},
      client: (accountId, budget) => createCloudflareClient({
        accountId,
        token: connection.token,
        budget,
        ...connection.apiBaseUrl ? { apiBaseUrl: connection.apiBaseUrl } : {}
      })
    });
  }
};

export {
  checkAdapters
};
