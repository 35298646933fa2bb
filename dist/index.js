import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  ContextError,
  readRunContext
} from "./chunks/chunk-OR4TT7NX.js";
import {
  FAIL_ON_VALUES,
  parseFailOn
} from "./chunks/chunk-PSKTFUSG.js";
import {
  debug,
  getInput,
  setFailed,
  setOutput,
  setSecret
} from "./chunks/chunk-N6AHBFZZ.js";
import "./chunks/chunk-FSZB5RRS.js";
import "./chunks/chunk-NCYYF5OR.js";
import "./chunks/chunk-FDGYIFXX.js";

// src/action/inputs.ts
var InputError = class extends Error {
};
var MODES = ["check", "deploy"];
var COMMENT_MODES = ["on-change", "always", "never"];
var PHASES = ["auto", "plan", "1", "2"];
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
  const apiToken = getInput("cloudflare-api-token");
  if (apiToken) setSecret(apiToken);
  const githubToken = getInput("github-token");
  if (githubToken) setSecret(githubToken);
  const accountId = getInput("cloudflare-account-id").trim();
  if (accountId && !/^[0-9a-f]{32}$/i.test(accountId) && !/^[\w-]{1,64}$/.test(accountId)) {
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
    cloudflareApiToken: apiToken,
    cloudflareAccountId: accountId,
    workingDirectory: getInput("working-directory").trim() || ".",
    wranglerVersion: wranglerVersion || null
  };
}

// src/action/main.ts
async function main() {
  setSafeOutputs();
  const settings = readSettings();
  const context = readRunContext();
  if (settings.mode === "deploy") {
    refuseDeployFromPullRequest(context.eventName);
    const { runDeployMode } = await import("./chunks/deploy-7WBABVNG.js");
    await runDeployMode(settings);
  } else {
    const { runCheckMode } = await import("./chunks/check-Y2CASPLK.js");
    await runCheckMode(settings, context);
  }
}
function refuseDeployFromPullRequest(eventName) {
  if (eventName === "pull_request" || eventName === "pull_request_target") {
    throw new InputError(
      `mode: deploy refuses to run on "${eventName}" events: a deploy must come from a trusted branch. Run it from workflow_dispatch (or push) with a protected environment.`
    );
  }
}
function setSafeOutputs() {
  setOutput("risk", "none");
  setOutput("data-loss", "false");
  setOutput("deleted-classes", "[]");
  setOutput("findings", "[]");
}
main().catch((error) => {
  const expected = error instanceof InputError || error instanceof ContextError || error?.name === "UsageError";
  const message = error instanceof Error ? error.message : String(error);
  setFailed(expected ? message : `do-migrate-action failed unexpectedly: ${message}`);
  if (!expected && error instanceof Error && error.stack) debug(error.stack);
});
