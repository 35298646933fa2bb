// `mode: check`: review a change. Read the configs at the base and head revisions as data (never
// run anything from the pull request), analyse, then report through every channel GitHub has:
// outputs, annotations, one sticky PR comment, the job summary, and the check's status.
// The jobs are in their own modules: check-request.ts (what to check), summary.ts (annotations,
// the job summary), suggestions.ts, comment.ts; the check itself is src/check/run-check.ts.
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import * as core from "@actions/core";
import { createGitHubClient, type GitHubClient } from "../adapters/github-client.ts";
import { getPullRequest } from "../adapters/github-pulls.ts";
import type { LiveSummary } from "../check/live.ts";
import { type Acknowledgement, acknowledgements } from "../core/acknowledge.ts";
import { deletesNamedClasses } from "../core/catalogue.ts";
import { type Gate, gateFor } from "../core/gate.ts";
import type { Finding, Report } from "../core/model.ts";
import { renderAcknowledgementSection } from "../core/render/check-sections.ts";
import { groupFindings } from "../core/render/groups.ts";
import { renderJson, workersJson } from "../core/render/json.ts";
import { displayable } from "../core/text/display.ts";
import { analyse, chooseLive, chooseRevisions } from "./check-request.ts";
import { tokenLogin, writeComment } from "./comment.ts";
import type { RunContext } from "./context.ts";
import type { Settings } from "./inputs.ts";
import { suggestFixes } from "./suggestions.ts";
import { annotate, writeSummary } from "./summary.ts";

export async function runCheckMode(settings: Settings, context: RunContext): Promise<void> {
  const github = settings.githubToken
    ? createGitHubClient({
        token: settings.githubToken,
        apiUrl: context.apiUrl,
        log: { debug: core.debug, warning: core.warning },
      })
    : null;
  const cwd = resolve(context.workspace, settings.workingDirectory);

  const revisions = await chooseRevisions(context, cwd, github !== null);
  const liveChoice = chooseLive(settings, context);
  const analysed = await analyse(settings, context, cwd, revisions, github, liveChoice.request);
  const { configCount, live, offers } = analysed;
  const report = liveChoice.note
    ? { ...analysed.report, notes: [...(analysed.report.notes ?? []), liveChoice.note] }
    : analysed.report;
  // Counted as the comment and the summary show them: one per change, however many Workers.
  const shown = groupFindings(report.findings.filter((f) => !f.suppressed)).length;
  const suppressed = groupFindings(report.findings.filter((f) => f.suppressed)).length;
  core.info(
    `Analysed ${configCount} wrangler config(s): risk ${report.risk}, ${shown} finding(s)${suppressed ? `, ${suppressed} suppressed` : ""}.`,
  );
  // Notes quote repository paths: no control character of theirs reaches the log (a line break
  // could start a workflow command).
  for (const note of report.notes ?? []) core.info(`Note: ${displayable(note, "?")}`);
  if (live) {
    core.info(
      `Live state: ${live.planned} Worker(s) planned against the live state, ${live.failed} judged from the config alone${live.skipped > 0 ? ` (and ${live.skipped} not deployed as written)` : ""}; ${live.requests} Cloudflare API request(s).`,
    );
    for (const warning of live.warnings) core.warning(warning);
  }

  const acks = acknowledgements(report, await pullRequestDescription(github, context));
  const gate = gateFor(report, acks, settings.failOn);
  // Without a pull request there is no description to acknowledge anything in.
  const ackSection = context.pullRequest ? renderAcknowledgementSection(acks) : null;
  const sections: string[] = [];
  const suggesting = Boolean(context.pullRequest && offers && offers.length > 0);
  // Whose token this is: its comments (the sticky one, the suggestions) are the ones to update.
  const selfLogin =
    github && context.pullRequest && (settings.comment !== "never" || suggesting)
      ? await tokenLogin(github)
      : null;
  if (suggesting) {
    const fixSection = await suggestFixes(github, context, settings, offers!, selfLogin);
    if (fixSection) sections.push(fixSection);
  }

  writeOutputs(report, context, live?.status ?? "off");
  const { dropped } = annotate(report.findings);
  const blocks = { acknowledgement: ackSection, sections };
  if (context.pullRequest) await writeComment(github, context, settings, report, acks, blocks, selfLogin);
  await writeSummary(report, context, blocks, dropped);

  const verdict = context.pullRequest ? gate : withoutPullRequest(gate, acks);
  if (verdict.failed) core.setFailed(verdict.message);
  else if (verdict.message) core.info(verdict.message);
  if (settings.live === "required" && live && live.status !== "read") {
    core.setFailed(
      `live: required, but the live state of ${live.failed} Worker(s) could not be read (see the warnings); they were judged from the config alone.`,
    );
  }
}

/** The description as it is now: the payload is frozen at the event, an edit re-runs the check. */
async function pullRequestDescription(github: GitHubClient | null, context: RunContext): Promise<string> {
  const pr = context.pullRequest;
  if (!pr) return "";
  if (!github) return pr.body;
  try {
    return (await getPullRequest(github, { owner: context.owner, repo: context.repo, number: pr.number }))
      .body;
  } catch (error) {
    core.info(`Using the description from the event payload (${(error as Error).message}).`);
    return pr.body;
  }
}

/** On push or workflow_dispatch, data loss cannot be acknowledged: say so instead of pointing at a PR. */
function withoutPullRequest(gate: Gate, acks: readonly Acknowledgement[]): Gate {
  if (!gate.failed || acks.length === 0) return gate;
  return {
    failed: true,
    message: `This change destroys Durable Object data:\n${acks.map((a) => `  ${a.line}`).join("\n")}\nThere is no pull request to acknowledge it in: review it in its pull request, deploy it with \`mode: deploy\`, or set \`fail-on: never\` on this step to only report.`,
  };
}

// ---------------------------------------------------------------------------------------------
// Outputs, annotations, summary

function writeOutputs(report: Report, context: RunContext, liveState: LiveSummary["status"] | "off"): void {
  const deleted = report.findings
    .filter((f) => f.dataLoss && deletesNamedClasses(f.kind))
    .flatMap((f) => f.classes.map((c) => ({ worker: f.worker, env: f.env, class: c })));
  const path = join(context.tempDir, `do-migrate-report-${process.pid}.json`);
  writeFileSync(path, renderJson(report));
  core.setOutput("risk", report.risk);
  core.setOutput("data-loss", String(report.findings.some((f) => f.dataLoss)));
  core.setOutput("deleted-classes", JSON.stringify(deleted));
  core.setOutput("findings", JSON.stringify(report.findings.map(compactFinding)));
  core.setOutput("report", path);
  core.setOutput("live-state", liveState);
  core.setOutput("plan", JSON.stringify(workersJson(report)));
}

function compactFinding(f: Finding) {
  const { code, kind, severity, dataLoss, classes, worker, env, file, line, tag } = f;
  return {
    code,
    kind,
    severity,
    dataLoss,
    classes,
    worker,
    env,
    file,
    line,
    tag,
    ...(f.suppressed ? { suppressed: true } : {}),
  };
}
