// The action's entry point. One error boundary: every failure is reported once, as a plain
// message, never a stack trace; outputs start at safe values so later steps can rely on them.
import * as core from "@actions/core";
import { ContextError, readRunContext } from "./context.ts";
import { InputError, readSettings } from "./inputs.ts";

async function main(): Promise<void> {
  setSafeOutputs();
  const settings = readSettings();
  const context = readRunContext();
  // Each mode is its own chunk of dist/: a run loads only the code it uses.
  if (settings.mode === "deploy") {
    refuseDeployFromPullRequest(context.eventName);
    const { runDeployMode } = await import("./deploy.ts");
    await runDeployMode(settings, context);
  } else {
    const { runCheckMode } = await import("./check.ts");
    await runCheckMode(settings, context);
  }
}

/**
 * A deploy runs the repository's code and holds the Cloudflare token: never on a pull request
 * event, where the code (or, for pull_request_target, the trigger) comes from the PR's author.
 */
function refuseDeployFromPullRequest(eventName: string): void {
  if (eventName === "pull_request" || eventName === "pull_request_target") {
    throw new InputError(
      `mode: deploy refuses to run on "${eventName}" events: a deploy must come from a trusted branch. Run it from workflow_dispatch (or push) with a protected environment.`,
    );
  }
}

function setSafeOutputs(): void {
  core.setOutput("risk", "none");
  core.setOutput("data-loss", "false");
  core.setOutput("deleted-classes", "[]");
  core.setOutput("findings", "[]");
  core.setOutput("live-state", "off");
  core.setOutput("plan", "[]");
}

main().catch((error: unknown) => {
  const expected =
    error instanceof InputError || error instanceof ContextError || (error as Error)?.name === "UsageError";
  const message = error instanceof Error ? error.message : String(error);
  core.setFailed(expected ? message : `do-migrate-action failed unexpectedly: ${message}`);
  if (!expected && error instanceof Error && error.stack) core.debug(error.stack);
});
