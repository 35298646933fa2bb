import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  ContextError,
  InputError,
  readRunContext,
  readSettings
} from "./chunks/chunk-QLGM77BU.js";
import "./chunks/chunk-ZPOH2JMV.js";
import "./chunks/chunk-7ZJZNNLB.js";
import "./chunks/chunk-57KHF4P2.js";
import {
  debug,
  setFailed,
  setOutput
} from "./chunks/chunk-N6AHBFZZ.js";
import "./chunks/chunk-FSZB5RRS.js";
import "./chunks/chunk-Y72PUWW2.js";
import "./chunks/chunk-FDGYIFXX.js";

// src/action/main.ts
async function main() {
  setSafeOutputs();
  const settings = readSettings();
  const context = readRunContext();
  if (settings.mode === "deploy") {
    refuseDeployFromPullRequest(context.eventName);
    const { runDeployMode } = await import("./chunks/deploy-DSJQMQR4.js");
    await runDeployMode(settings, context);
  } else {
    const { runCheckMode } = await import("./chunks/check-T6H2Y5JS.js");
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
  setOutput("live-state", "off");
  setOutput("plan", "[]");
}
main().catch((error) => {
  const expected = error instanceof InputError || error instanceof ContextError || error?.name === "UsageError";
  const message = error instanceof Error ? error.message : String(error);
  setFailed(expected ? message : `do-migrate-action failed unexpectedly: ${message}`);
  if (!expected && error instanceof Error && error.stack) debug(error.stack);
});
