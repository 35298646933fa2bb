import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  FAIL_ON_VALUES,
  parseFailOn
} from "./chunk-ZPOH2JMV.js";
import {
  isAccountId
} from "./chunk-7ZJZNNLB.js";
import {
  getInput,
  setSecret
} from "./chunk-N6AHBFZZ.js";

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
    docsBaseUrl: actionRepo && actionRef ? `${serverUrl}/${actionRepo}/blob/${actionRef}` : void 0,
    cloudflareApiBaseUrl: env.CLOUDFLARE_API_BASE_URL?.trim() || void 0
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

// src/action/inputs.ts
var InputError = class extends Error {
};
var MODES = ["check", "deploy"];
var COMMENT_MODES = ["on-change", "always", "never"];
var PHASES = ["auto", "plan", "1", "2"];
var LIVE = ["auto", "off", "required"];
function choice(name, allowed) {
  const raw = getInput(name).trim();
  const value = raw === "" ? allowed[0] : raw;
  if (!allowed.includes(value)) {
    throw new InputError(`Input "${name}" is "${raw}"; allowed values: ${allowed.join(", ")}.`);
  }
  return value;
}
function listInput(name) {
  return getInput(name).split(/[\n,]/).map((item) => item.replace(/#.*$/, "").trim()).filter(Boolean);
}
function booleanInput(name, fallback) {
  const raw = getInput(name).trim();
  if (raw === "") return fallback;
  if (raw === "true") return true;
  if (raw === "false") return false;
  throw new InputError(`Input "${name}" is "${raw}"; allowed values: true, false.`);
}
function readSettings() {
  const mode = choice("mode", MODES);
  const failOnRaw = getInput("fail-on").trim() || "critical";
  const failOn = parseFailOn(failOnRaw);
  if (!failOn) {
    throw new InputError(`Input "fail-on" is "${failOnRaw}"; allowed values: ${FAIL_ON_VALUES.join(", ")}.`);
  }
  const environments = listInput("environments");
  const apiToken = getInput("cloudflare-api-token").trim();
  if (apiToken) setSecret(apiToken);
  const githubToken = getInput("github-token");
  if (githubToken) setSecret(githubToken);
  const accountId = getInput("cloudflare-account-id").trim();
  if (accountId && !isAccountId(accountId)) {
    throw new InputError('Input "cloudflare-account-id" is not an account ID (32 hexadecimal characters).');
  }
  const wranglerVersion = getInput("wrangler-version").trim();
  if (wranglerVersion && !/^[\w.^~<>=*|-]{1,64}$/.test(wranglerVersion)) {
    throw new InputError(`Input "wrangler-version" is "${wranglerVersion}"; give a version such as 4.156.0.`);
  }
  const environment = getInput("environment").trim();
  if (environment && !/^\w[\w.-]{0,127}$/.test(environment)) {
    throw new InputError(
      `Input "environment" is "${environment}"; an environment name is letters, digits, "_", "-", "." and starts with a letter, digit or "_".`
    );
  }
  const maxParallelRaw = getInput("max-parallel").trim() || "1";
  if (!/^\d{1,2}$/.test(maxParallelRaw) || Number(maxParallelRaw) < 1 || Number(maxParallelRaw) > 16) {
    throw new InputError(`Input "max-parallel" is "${maxParallelRaw}"; give a whole number from 1 to 16.`);
  }
  const policy = getInput("policy").trim();
  if (policy && !isRepositoryPath(policy)) {
    throw new InputError(
      `Input "policy" is "${policy}"; give a path from the repository root, such as .do-migrate.jsonc.`
    );
  }
  const commentAuthors = listInput("comment-author");
  for (const login of commentAuthors) {
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/.test(login)) {
      throw new InputError(
        `Input "comment-author" has "${login}"; give GitHub logins such as my-app[bot], one per line or comma-separated.`
      );
    }
  }
  return {
    mode,
    githubToken,
    config: listInput("config"),
    environments: environments.length ? environments.map((e) => e === "(top-level)" ? null : e) : null,
    failOn,
    comment: choice("comment", COMMENT_MODES),
    suggestions: booleanInput("suggestions", true),
    environment: environment || null,
    phase: choice("phase", PHASES),
    confirmDataLoss: listInput("confirm-data-loss"),
    live: choice("live", LIVE),
    cloudflareApiToken: apiToken,
    cloudflareAccountId: accountId,
    workingDirectory: getInput("working-directory").trim() || ".",
    wranglerVersion: wranglerVersion || null,
    maxParallel: Number(maxParallelRaw),
    skipUnchanged: booleanInput("skip-unchanged", false),
    policy: policy ? policy.replace(/^(?:\.\/)+/, "") : null,
    commentAuthors
  };
}
function isRepositoryPath(path) {
  const clean = path.replace(/^(?:\.\/)+/, "");
  if (clean === "" || /[\u0000-\u001f\\]/.test(clean) || clean.startsWith("/")) return false;
  return !clean.split("/").some((part) => part === ".." || part === "." || part === "");
}

export {
  ContextError,
  readRunContext,
  InputError,
  readSettings
};
