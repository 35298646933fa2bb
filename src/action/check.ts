// `mode: check`: review a change. Read the configs at the base and head revisions as data (never
// run anything from the pull request), analyse, then report through every channel GitHub has:
// outputs, annotations, one sticky PR comment, the job summary, and the check's status.
import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import * as core from "@actions/core";
import { fetchCommit, hasCommit, isFullSha } from "../adapters/git.ts";
import {
  CommentBodyTooLongError,
  createGitHubClient,
  createReview,
  DEFAULT_BOT_LOGIN,
  deleteReviewComment,
  fetchFileAtRef,
  type GitHubClient,
  getPullRequest,
  listIssueComments,
  listPullRequestFiles,
  listReviewComments,
  type StickyCommentResult,
  statusOf,
  updateReviewComment,
  upsertStickyComment,
} from "../adapters/github.ts";
import { runCheck } from "../check/run-check.ts";
import { type Acknowledgement, acknowledgements } from "../core/acknowledge.ts";
import { severityRank } from "../core/catalogue.ts";
import type { FixOffer } from "../core/fix/fix.ts";
import { type Gate, gateFor } from "../core/gate.ts";
import type { Finding, Report } from "../core/model.ts";
import {
  renderAcknowledgementSection,
  renderNoChangesBody,
  renderShortReport,
} from "../core/render/check-sections.ts";
import { renderJson } from "../core/render/json.ts";
import { renderMarkdown } from "../core/render/markdown.ts";
import { ContextError, type RunContext } from "./context.ts";
import type { Settings } from "./inputs.ts";

/** GitHub shows at most this many annotations of one type per step (more are dropped silently). */
const ANNOTATIONS_PER_TYPE = 10;
/** The job summary may hold 1 MiB per step; keep some room for what GitHub adds. */
const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 4096;

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
  const { report, configCount, offers } = await analyse(settings, context, cwd, revisions, github);
  core.info(
    `Analysed ${configCount} wrangler config(s): risk ${report.risk}, ${report.findings.length} finding(s).`,
  );

  const acks = acknowledgements(report, await pullRequestDescription(github, context));
  const gate = gateFor(report, acks, settings.failOn);
  // Without a pull request there is no description to acknowledge anything in.
  const ackSection = context.pullRequest ? renderAcknowledgementSection(acks) : null;
  const sections = ackSection ? [ackSection] : [];
  if (context.pullRequest && offers && offers.length > 0) {
    const fixSection = await suggestFixes(github, context, settings, offers);
    if (fixSection) sections.push(fixSection);
  }

  writeOutputs(report, context);
  const { dropped } = annotate(report.findings);
  if (context.pullRequest) await writeComment(github, context, settings, report, acks, sections);
  await writeSummary(report, context, sections, dropped);

  const verdict = context.pullRequest ? gate : withoutPullRequest(gate, acks);
  if (verdict.failed) core.setFailed(verdict.message);
  else if (verdict.message) core.info(verdict.message);
}

// ---------------------------------------------------------------------------------------------
// Revisions and analysis

interface Revisions {
  /** null: the CLI's default (merge base with the upstream, else the parent of HEAD). */
  readonly base: string | null;
  readonly head: string;
  /** The base commit is not in the clone and could not be fetched: read it through the API. */
  readonly baseViaApi: boolean;
}

/**
 * The revisions to compare: the PR's base and what was checked out, or for pull_request_target
 * (whose checkout is the base branch) the PR head, fetched and read as data, never checked out.
 * A commit missing from a shallow checkout is fetched alone from `origin`.
 */
async function chooseRevisions(context: RunContext, cwd: string, canUseApi: boolean): Promise<Revisions> {
  const pr = context.pullRequest;
  if (pr && isFullSha(pr.baseSha)) {
    const baseHere = await ensureCommit(cwd, pr.baseSha);
    if (!baseHere && !canUseApi) {
      throw new ContextError(
        `The base commit ${pr.baseSha} is not in the checkout and could not be fetched, and there is no github-token to read it through the API.`,
      );
    }
    let head = "HEAD";
    if (context.eventName === "pull_request_target") {
      if (!isFullSha(pr.headSha)) throw new ContextError("The pull_request_target payload has no head SHA.");
      if (!(await ensureCommit(cwd, pr.headSha))) {
        throw new ContextError(
          `The pull request head ${pr.headSha} could not be fetched from origin; it is read as data, never checked out.`,
        );
      }
      head = pr.headSha;
    }
    core.info(
      `Comparing the pull request's base ${pr.baseSha} with ${head === "HEAD" ? "the checkout" : head}.`,
    );
    return { base: pr.baseSha, head, baseViaApi: !baseHere };
  }
  if (context.eventName === "push" && context.pushBefore && isFullSha(context.pushBefore)) {
    if (await ensureCommit(cwd, context.pushBefore)) {
      core.info(`Comparing the commit before the push, ${context.pushBefore}, with the checkout.`);
      return { base: context.pushBefore, head: "HEAD", baseViaApi: false };
    }
  }
  core.info("No pull request: comparing the checkout with its upstream merge base, else its parent commit.");
  return { base: null, head: "HEAD", baseViaApi: false };
}

/** True when the commit is in the clone, fetching it from `origin` if needed. */
async function ensureCommit(cwd: string, sha: string): Promise<boolean> {
  try {
    if (await hasCommit(cwd, sha)) return true;
    const fetched = await fetchCommit(cwd, "origin", sha);
    if (fetched.fetched) {
      core.info(`Fetched ${sha} from origin (the checkout is shallow).`);
      return true;
    }
    core.info(`Could not fetch ${sha} from origin: ${fetched.message}`);
  } catch (error) {
    core.info(`Could not look up ${sha}: ${(error as Error).message}`);
  }
  return false;
}

async function analyse(
  settings: Settings,
  context: RunContext,
  cwd: string,
  revisions: Revisions,
  github: GitHubClient | null,
): Promise<{ report: Report; configCount: number; offers?: readonly FixOffer[] }> {
  const base = revisions.base;
  if (revisions.baseViaApi) core.info(`Reading the configs at ${base} through the GitHub contents API.`);
  return runCheck({
    cwd,
    base,
    head: revisions.head,
    // No `config`: every wrangler config under working-directory (the whole repository by default).
    paths: settings.config.length > 0 ? settings.config : cwd === resolve(context.workspace) ? [] : ["."],
    baseFallback:
      github && base && revisions.baseViaApi
        ? (path) => fetchFileAtRef(github, { owner: context.owner, repo: context.repo, path, ref: base })
        : undefined,
    analyze: { envs: settings.environments },
    // The proven fixes, for the suggestions; "today" dates a new date-scheme migration tag.
    offers:
      context.pullRequest && settings.suggestions ? { today: new Date().toISOString().slice(0, 10) } : null,
  });
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

function writeOutputs(report: Report, context: RunContext): void {
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
}

function compactFinding(f: Finding) {
  const { code, kind, severity, dataLoss, classes, worker, env, file, line, tag } = f;
  return { code, kind, severity, dataLoss, classes, worker, env, file, line, tag };
}

/**
 * Annotations on the config lines, most severe first, within GitHub's per-type limit. The same
 * text on the same line (one finding per environment) is annotated once.
 */
function annotate(findings: readonly Finding[]): { dropped: number } {
  const counts = { error: 0, warning: 0, notice: 0 };
  const seen = new Set<string>();
  let dropped = 0;
  const ordered = [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  for (const f of ordered) {
    const type =
      f.severity === "critical" || f.severity === "error"
        ? "error"
        : f.severity === "warning"
          ? "warning"
          : "notice";
    const text = `${f.message}\nFix: ${f.fix}`;
    const key = `${type}\u0000${f.file}\u0000${f.line}\u0000${f.code}\u0000${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
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
    if (type === "error") core.error(text, properties);
    else if (type === "warning") core.warning(text, properties);
    else core.notice(text, properties);
  }
  return { dropped };
}

async function writeSummary(
  report: Report,
  context: RunContext,
  sections: readonly string[],
  droppedAnnotations: number,
): Promise<void> {
  const overflow =
    droppedAnnotations > 0
      ? `\n\n_${droppedAnnotations} more finding(s) than GitHub shows as annotations are listed above._\n`
      : "";
  // The limit is in bytes; the renderer counts characters (up to 3 bytes each).
  let maxLength = SUMMARY_LIMIT_BYTES;
  let summary = "";
  for (let attempt = 0; attempt < 4; attempt++) {
    summary = renderMarkdown(report, { sections, docsBaseUrl: context.docsBaseUrl, maxLength }) + overflow;
    const bytes = Buffer.byteLength(summary, "utf8");
    if (bytes <= SUMMARY_LIMIT_BYTES) break;
    maxLength = Math.floor((maxLength * SUMMARY_LIMIT_BYTES) / bytes) - 1024;
  }
  await core.summary.addRaw(summary).write();
}

// ---------------------------------------------------------------------------------------------
// The suggestions: one review per run with the new ones, earlier ones updated or retired

/**
 * Posts the proven fixes whose lines are in the diff as suggestions and returns the sticky
 * comment's section for the rest (outside the diff, or when the token cannot write reviews).
 */
async function suggestFixes(
  github: GitHubClient | null,
  context: RunContext,
  settings: Settings,
  offers: readonly FixOffer[],
): Promise<string | null> {
  const { planSuggestions, markerOfferId, patchHunks, renderFixSection, reviewBody } = await import(
    "../core/fix/suggestions.ts"
  );
  const pr = context.pullRequest!;
  const scope = scopeOf(settings);
  const everywhere = (why: "not-posted" | "outside-diff") =>
    renderFixSection(
      0,
      offers.map((offer) => ({ offer, why })),
    );
  // A fork's pull_request token is read-only: every write would be refused.
  if (!github || (pr.isFork && context.eventName === "pull_request")) return everywhere("not-posted");
  const target = { owner: context.owner, repo: context.repo, number: pr.number };
  try {
    const [files, comments] = await Promise.all([
      listPullRequestFiles(github, target),
      listReviewComments(github, target),
    ]);
    const hunks = new Map(files.map((f) => [f.path, patchHunks(f.patch)]));
    const replied = new Set(comments.flatMap((c) => (c.inReplyToId === null ? [] : [c.inReplyToId])));
    const existing = comments.flatMap((c) => {
      const offerId = markerOfferId(scope, c.body);
      if (offerId === null || c.authorLogin?.toLowerCase() !== DEFAULT_BOT_LOGIN) return [];
      return [
        {
          id: c.id,
          offerId,
          path: c.path,
          line: c.line,
          startLine: c.startLine,
          body: c.body,
          hasReplies: replied.has(c.id),
        },
      ];
    });
    const plan = planSuggestions(offers, (path) => hunks.get(path) ?? [], existing, scope);
    for (const change of [...plan.update, ...plan.resolve])
      await updateReviewComment(github, { ...target, commentId: change.id, body: change.body });
    for (const id of plan.remove) await deleteReviewComment(github, { ...target, commentId: id });
    let posted = plan.unchanged + plan.update.length;
    if (plan.create.length > 0) {
      try {
        await createReview(github, {
          ...target,
          commitId: pr.headSha,
          body: reviewBody(scope, plan.create.length),
          comments: plan.create.map((c) => ({ path: c.path, start: c.start, end: c.end, body: c.body })),
        });
        posted += plan.create.length;
      } catch (error) {
        const status = statusOf(error);
        if (status !== 403 && status !== 422) throw error;
        core.warning(
          status === 403
            ? "GitHub refused the review with the suggested fixes (403: the token cannot write reviews); they are in the sticky comment instead."
            : `GitHub refused the review with the suggested fixes (422: ${(error as Error).message.split(" - ")[0]}); they are in the sticky comment instead.`,
        );
        return renderFixSection(posted, [
          ...plan.elsewhere,
          ...plan.create.map((c) => ({ offer: c.offer, why: "not-posted" as const })),
        ]);
      }
    }
    core.info(
      `Suggestions: ${plan.create.length} posted, ${plan.update.length} updated, ${plan.resolve.length + plan.remove.length} retired, ${plan.unchanged} unchanged, ${plan.elsewhere.length} outside the diff.`,
    );
    return renderFixSection(posted, plan.elsewhere);
  } catch (error) {
    if (statusOf(error) === 403) return everywhere("not-posted");
    core.warning(
      `Could not post the suggested fixes: ${(error as Error).message}. They are in the sticky comment instead.`,
    );
    return everywhere("not-posted");
  }
}

// ---------------------------------------------------------------------------------------------
// The sticky comment

async function writeComment(
  github: GitHubClient | null,
  context: RunContext,
  settings: Settings,
  report: Report,
  acks: readonly Acknowledgement[],
  sections: readonly string[],
): Promise<void> {
  if (settings.comment === "never") return;
  if (!github) {
    core.warning("No github-token: the pull request comment was not written.");
    return;
  }
  const pr = context.pullRequest!;
  const marker = `<!-- do-migrate-action:sticky:${scopeOf(settings)} -->`;
  const target = { owner: context.owner, repo: context.repo, issueNumber: pr.number, marker };
  const upsert = (body: string) => upsertStickyComment(github, { ...target, body });

  let body: string;
  if (settings.comment === "on-change" && !report.findings.some((f) => f.introduced)) {
    // Never start a comment without changes; only correct an earlier one.
    if (!(await hasStickyComment(github, target))) {
      core.info("No Durable Object lifecycle changes: no pull request comment (comment: on-change).");
      return;
    }
    body = renderNoChangesBody(marker);
  } else {
    body = renderMarkdown(report, { marker, sections, docsBaseUrl: context.docsBaseUrl });
  }

  let result: StickyCommentResult;
  try {
    result = await upsert(body).catch((error: unknown) => {
      if (!(error instanceof CommentBodyTooLongError)) throw error;
      core.info(`GitHub refused the ${error.bodyLength}-character comment as too long; writing a short one.`);
      return upsert(
        renderShortReport(report, { marker, acknowledgements: acks, docsBaseUrl: context.docsBaseUrl }),
      );
    });
  } catch (error) {
    core.warning(
      `Could not write the pull request comment: ${(error as Error).message}. The report is in the job summary and the outputs.`,
    );
    return;
  }
  if (result.action === "forbidden") {
    core.warning(`${result.message} The report is in the job summary and the outputs.`);
    return;
  }
  core.setOutput("comment-id", String(result.commentId));
  core.info(`Sticky comment ${result.action} (id ${result.commentId}).`);
  if (result.message) core.info(result.message);
}

async function hasStickyComment(
  github: GitHubClient,
  target: { owner: string; repo: string; issueNumber: number; marker: string },
): Promise<boolean> {
  try {
    const comments = await listIssueComments(github, target);
    return comments.some(
      (c) =>
        c.authorLogin?.toLowerCase() === DEFAULT_BOT_LOGIN && c.body.trimStart().startsWith(target.marker),
    );
  } catch (error) {
    core.info(`Could not read the pull request comments: ${(error as Error).message}`);
    return false;
  }
}

/** One sticky comment per configured scope: the same inputs update the same comment. */
function scopeOf(settings: Settings): string {
  const parts = [settings.workingDirectory, ...settings.config, ...(settings.environments ?? []).map(String)];
  if (parts.join("") === ".") return "default";
  return createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 12);
}
