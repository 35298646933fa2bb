import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// src/action/context.ts
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
var ContextError = class extends Error {
};
function readRunContext(env = process.env) {
  const [owner = "", repo = ""] = (env.GITHUB_REPOSITORY ?? "").split("/");
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const pr = payload.pull_request;
  const serverUrl = (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/$/, "");
  const actionRepo = env.GITHUB_ACTION_REPOSITORY;
  const actionRef = env.GITHUB_ACTION_REF;
  const before = typeof payload.before === "string" && !/^0+$/.test(payload.before) ? payload.before : null;
  return {
    eventName: env.GITHUB_EVENT_NAME ?? "",
    owner,
    repo,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    apiUrl: env.GITHUB_API_URL || "https://api.github.com",
    serverUrl,
    sha: env.GITHUB_SHA || null,
    tempDir: env.RUNNER_TEMP || tmpdir(),
    pullRequest: pr?.base && pr.head && typeof pr.number === "number" ? {
      number: pr.number,
      baseSha: String(pr.base?.sha ?? ""),
      headSha: String(pr.head?.sha ?? ""),
      body: typeof pr.body === "string" ? pr.body : "",
      isFork: Boolean(pr.head?.repo?.fork) || pr.head?.repo?.full_name !== pr.base?.repo?.full_name
    } : null,
    pushBefore: before,
    docsBaseUrl: actionRepo && actionRef ? `${serverUrl}/${actionRepo}/blob/${actionRef}` : void 0
  };
}
function readPayload(path) {
  if (!path) return {};
  try {
    const value = JSON.parse(readFileSync(path, "utf8"));
    return value && typeof value === "object" ? value : {};
  } catch (error) {
    throw new ContextError(`cannot read the event payload at ${path}: ${error.message}`);
  }
}

export {
  ContextError,
  readRunContext
};
