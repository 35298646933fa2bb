// `mode: check`: review a change. Read the configs at the base and head revisions as data (never
// run anything from the pull request), analyse, then report through every channel GitHub has:
// outputs, job summary, annotations, one sticky PR comment, and the check's status.
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import * as core from "@actions/core";
import { fetchCommit, hasCommit, isFullSha } from "../adapters/git.ts";
import {
  CommentBodyTooLongError,
  createGitHubClient,
  DEFAULT_BOT_LOGIN,
  fetchFileAtRef,
  type GitHubClient,
  getPullRequest,
  listIssueComments,
  upsertStickyComment,
} from "../adapters/github.ts";
import { analyzeRepositoryChange, readRepositoryChange } from "../adapters/repository.ts";
import { acknowledgements } from "../core/acknowledge.ts";
import { severityRank } from "../core/catalogue.ts";
import { gateFor } from "../core/gate.ts";
import type { Finding, Report } from "../core/model.ts";
import { renderAcknowledgementSection, renderNoChangesBody } from "../core/render/check-sections.ts";
import { renderJson } from "../core/render/json.ts";
import { renderMarkdown } from "../core/render/markdown.ts";
import type { RunContext } from "./context.ts";
import type { Settings } from "./inputs.ts";

/** GitHub keeps at most this many annotations of one type per step. */
const ANNOTATIONS_PER_TYPE = 10;
const SUMMARY_LIMIT = 1024 * 1024 - 4096;

export async function runCheckMode(settings: Settings, context: RunContext): Promise<void> {
  const github = settings.githubToken
    ? createGitHubClient({
        token: settings.githubToken,
        apiUrl: context.apiUrl,
        log: { debug: core.debug, warning: core.warning },
      })
    : null;
  const cwd = resolve(context.workspace, settings.workingDirectory);
  const revisions = await chooseRevisions(context, cwd);

  const repo = await readRepositoryChange({
    cwd,
    base: revisions.base,
    head: revisions.head,
    paths: settings.config,
    baseFallback:
      github && revisions.base
        ? (path) =>
            fetchFileAtRef(github, { owner: context.owner, repo: context.repo, path, ref: revisions.base! })
        : undefined,
  });
  let report: Report;
  try {
    report = await analyzeRepositoryChange(repo, { envs: settings.environments });
  } finally {
    await repo.close();
  }
  core.info(
    `Analysed ${repo.changes.length} wrangler config(s): risk ${report.risk}, ${report.findings.length} finding(s).`,
  );

  const description = await pullRequestDescription(github, context);
  const acks = acknowledgements(report, description);
  const gate = gateFor(report, acks, settings.failOn);

  writeOutputs(report, context, repo.changes.length);
  const annotated = annotate(report.findings);
  const ackSection = renderAcknowledgementSection(acks);
  const marker = `<!-- do-migrate-action:sticky:${scopeOf(settings)} -->`;
  const body = renderMarkdown(report, {
    marker,
    sections: ackSection ? [ackSection] : [],
    docsBaseUrl: context.docsBaseUrl,
  });

  if (context.pullRequest && github) {
    await writeComment(github, context, settings, report, marker, body);
  } else if (context.pullRequest) {
    core.warning("No github-token: the pull request comment was not written.");
  }

  const overflow =
    annotated.dropped > 0
      ? `\n\n_${annotated.dropped} more finding(s) than GitHub shows as annotations are listed above._\n`
      : "";
  const summary = renderMarkdown(report, {
    sections: ackSection ? [ackSection] : [],
    docsBaseUrl: context.docsBaseUrl,
    maxLength: SUMMARY_LIMIT,
  });
  await core.summary.addRaw(summary + overflow).write();

  if (gate.failed) core.setFailed(gate.message);
  else if (gate.message) core.info(gate.message);
}

interface Revisions {
  readonly base: string | null;
  readonly head: string | null;
}

/** The revisions to compare: the PR's base and what was checked out (or, for pull_request_target, the PR head). */
async function chooseRevisions(context: RunContext, cwd: string): Promise<Revisions> {
  const pr = context.pullRequest;
  if (pr && isFullSha(pr.baseSha)) {
    await ensureCommit(cwd, pr.baseSha);
    if (context.eventName === "pull_request_target") {
      // The checkout is the base branch: read the PR head as data, never check it out or run it.
      if (!isFullSha(pr.headSha)) throw new Error("the pull_request_target payload has no head SHA");
      await ensureCommit(cwd, pr.headSha);
      return { base: pr.baseSha, head: pr.headSha };
    }
    return { base: pr.baseSha, head: "HEAD" };
  }
  if (context.eventName === "push" && context.pushBefore && isFullSha(context.pushBefore)) {
    await ensureCommit(cwd, context.pushBefore);
    return { base: context.pushBefore, head: "HEAD" };
  }
  return { base: null, head: "HEAD" };
}

async function ensureCommit(cwd: string, sha: string): Promise<void> {
  try {
    if (await hasCommit(cwd, sha)) return;
    const fetched = await fetchCommit(cwd, "origin", sha);
    if (!fetched.fetched)
      core.info(`Could not fetch ${sha} (${fetched.message}); reading it through the API instead.`);
  } catch (error) {
    core.info(`Could not look up ${sha}: ${(error as Error).message}`);
  }
}

async function pullRequestDescription(github: GitHubClient | null, context: RunContext): Promise<string> {
  const pr = context.pullRequest;
  if (!pr) return "";
  if (!github) return pr.body;
  try {
    // The payload is frozen at the event: a re-run after editing the description reads it fresh.
    return (await getPullRequest(github, { owner: context.owner, repo: context.repo, number: pr.number }))
      .body;
  } catch (error) {
    core.info(`Using the description from the event payload (${(error as Error).message}).`);
    return pr.body;
  }
}

function writeOutputs(report: Report, context: RunContext, configCount: number): void {
  const deleted = report.findings
    .filter((f) => f.kind === "class-deleted" && f.dataLoss)
    .flatMap((f) => f.classes.map((c) => ({ worker: f.worker, env: f.env, class: c })));
  const path = join(context.tempDir, `do-migrate-report-${process.pid}.json`);
  writeFileSync(path, renderJson(report));
  core.setOutput("risk", report.risk);
  core.setOutput("data-loss", String(report.findings.some((f) => f.dataLoss)));
  core.setOutput("deleted-classes", JSON.stringify(deleted));
  core.setOutput("findings", JSON.stringify(report.findings.map(compactFinding)));
  core.setOutput("report", path);
  core.debug(`report of ${configCount} config(s) written to ${path}`);
}

function compactFinding(f: Finding) {
  const { code, kind, severity, dataLoss, classes, worker, env, file, line, tag } = f;
  return { code, kind, severity, dataLoss, classes, worker, env, file, line, tag };
}

/** Annotations on the config lines, most severe first, within GitHub's per-type limits. */
function annotate(findings: readonly Finding[]): { dropped: number } {
  const counts = { error: 0, warning: 0, notice: 0 };
  let dropped = 0;
  const ordered = [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  for (const f of ordered) {
    const type =
      f.severity === "critical" || f.severity === "error"
        ? "error"
        : f.severity === "warning"
          ? "warning"
          : "notice";
    if (counts[type] >= ANNOTATIONS_PER_TYPE) {
      dropped++;
      continue;
    }
    counts[type]++;
    const properties = {
      title: `${f.code} ${f.kind}`,
      file: f.file,
      ...(f.line ? { startLine: f.line } : {}),
    };
    const text = `${f.message}\nFix: ${f.fix}`;
    if (type === "error") core.error(text, properties);
    else if (type === "warning") core.warning(text, properties);
    else core.notice(text, properties);
  }
  return { dropped };
}

async function writeComment(
  github: GitHubClient,
  context: RunContext,
  settings: Settings,
  report: Report,
  marker: string,
  body: string,
): Promise<void> {
  if (settings.comment === "never") return;
  const pr = context.pullRequest!;
  const target = { owner: context.owner, repo: context.repo, issueNumber: pr.number, marker };
  const hasChanges = report.findings.some((f) => f.introduced);
  let text = body;
  if (settings.comment === "on-change" && !hasChanges) {
    // Only touch an earlier comment, to say the changes are gone; never start a new one.
    const comments = await listIssueComments(github, target).catch(() => []);
    const mine = comments.find(
      (c) => c.body.startsWith(marker) && c.authorLogin?.toLowerCase() === DEFAULT_BOT_LOGIN,
    );
    if (!mine) return;
    text = renderNoChangesBody(marker);
  }
  try {
    let result = await upsertStickyComment(github, { ...target, body: text }).catch(
      async (error: unknown) => {
        if (!(error instanceof CommentBodyTooLongError)) throw error;
        const shorter = renderMarkdown(report, { marker, maxLength: Math.floor(error.limit * 0.9) });
        return upsertStickyComment(github, { ...target, body: shorter });
      },
    );
    if (result.action === "forbidden") {
      core.warning(`${result.message} The report is in the job summary and the outputs.`);
      result = { ...result };
    } else {
      core.setOutput("comment-id", String(result.commentId));
      core.info(`Sticky comment ${result.action} (id ${result.commentId}).`);
    }
  } catch (error) {
    core.warning(
      `Could not write the pull request comment: ${(error as Error).message}. The report is in the job summary and the outputs.`,
    );
  }
}

/** One sticky comment per configured scope: the same inputs update the same comment. */
function scopeOf(settings: Settings): string {
  const parts = [settings.workingDirectory, ...settings.config, ...(settings.environments ?? []).map(String)];
  if (parts.join("") === ".") return "default";
  return createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 12);
}
