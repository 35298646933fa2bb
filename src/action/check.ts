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
  pickStickyComment,
  type StickyCommentQuery,
  type StickyCommentResult,
  statusOf,
  updateReviewComment,
  upsertStickyComment,
  viewerLogin,
} from "../adapters/github.ts";
import type { LiveRequest, LiveSummary } from "../check/live.ts";
import { type CheckResult, runCheck } from "../check/run-check.ts";
import { type Acknowledgement, acknowledgements } from "../core/acknowledge.ts";
import { deletesNamedClasses, severityRank } from "../core/catalogue.ts";
import type { FixOffer } from "../core/fix/fix.ts";
import { type Gate, gateFor, startsAComment } from "../core/gate.ts";
import type { Finding, Report } from "../core/model.ts";
import {
  renderAcknowledgementSection,
  renderNoChangesBody,
  renderShortReport,
} from "../core/render/check-sections.ts";
import { groupFindings } from "../core/render/groups.ts";
import { renderJson, workersJson } from "../core/render/json.ts";
import { type MarkdownOptions, renderMarkdown } from "../core/render/markdown.ts";
import { displayable } from "../core/text/display.ts";
import { ContextError, type RunContext } from "./context.ts";
import { InputError, type Settings } from "./inputs.ts";

/** The caller's blocks of the comment and the summary: the acknowledgement, the fixes. */
type Blocks = Pick<MarkdownOptions, "acknowledgement" | "sections">;

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

/**
 * Whether this run reads the live state, and with what: `live: auto` reads it when a token is
 * given; a fork's pull request gets no secrets, so it is checked statically and the report says
 * so. `live: required` without a token stops the run.
 */
function chooseLive(
  settings: Settings,
  context: RunContext,
): { request: LiveRequest | null; note: string | null } {
  if (settings.live === "off") return { request: null, note: null };
  const token = settings.cloudflareApiToken;
  const fork = context.pullRequest?.isFork === true;
  if (!token) {
    const forkNote = fork
      ? "This pull request comes from a fork, which gets no secrets: this is the static check, without the live plan."
      : null;
    if (settings.live === "required") {
      throw new InputError(
        fork
          ? "live: required, but a pull request from a fork gets no secrets, so there is no cloudflare-api-token: use live: auto to check forks statically."
          : "live: required needs the cloudflare-api-token input (a read-only token: Workers Scripts Read).",
      );
    }
    return { request: null, note: forkNote };
  }
  const apiBaseUrl = process.env.CLOUDFLARE_API_BASE_URL?.trim() || undefined;
  return {
    request: {
      token,
      accountId: settings.cloudflareAccountId || null,
      ...(apiBaseUrl ? { apiBaseUrl } : {}),
    },
    note: null,
  };
}

// ---------------------------------------------------------------------------------------------
// Revisions and analysis

interface Revisions {
  /** null: the CLI's default (merge base with the remote's default branch, else the parent of HEAD). */
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
  core.info(
    "No pull request: comparing the checkout with its merge base with the remote's default branch, else its parent commit.",
  );
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
  live: LiveRequest | null,
): Promise<CheckResult> {
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
    // The repository's policy file, read at the base revision: a pull request is judged by the
    // policy it starts from.
    policy: { from: "repository", path: settings.policy },
    live,
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

/**
 * Annotations on the config lines, most severe first, within GitHub's per-type limit. A change
 * that reaches several Workers (one finding each) is annotated once, naming them all; suppressed
 * findings are not annotated.
 */
function annotate(findings: readonly Finding[]): { dropped: number } {
  const counts = { error: 0, warning: 0, notice: 0 };
  let dropped = 0;
  const groups = groupFindings(findings.filter((f) => !f.suppressed)).sort(
    (a, b) => severityRank(b.first.severity) - severityRank(a.first.severity),
  );
  for (const group of groups) {
    const f = group.first;
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
    const text = `${group.message}\nFix: ${f.fix}`;
    if (type === "error") core.error(text, properties);
    else if (type === "warning") core.warning(text, properties);
    else core.notice(text, properties);
  }
  return { dropped };
}

async function writeSummary(
  report: Report,
  context: RunContext,
  blocks: Blocks,
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
    summary = renderMarkdown(report, { ...blocks, docsBaseUrl: context.docsBaseUrl, maxLength }) + overflow;
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
  selfLogin: string | null,
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
      // Only this token's own review comments: an integration may edit no other.
      const own = (selfLogin ?? DEFAULT_BOT_LOGIN).toLowerCase();
      if (offerId === null || c.authorLogin?.toLowerCase() !== own) return [];
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
  blocks: Blocks,
  selfLogin: string | null,
): Promise<void> {
  if (settings.comment === "never") return;
  if (!github) {
    core.warning("No github-token: the pull request comment was not written.");
    return;
  }
  const pr = context.pullRequest!;
  const marker = `<!-- do-migrate-action:sticky:${scopeOf(settings)} -->`;
  // The comment is recognised by its marker and by its author: the account of the token in use,
  // or one named as ours (GITHUB_TOKEN's by default, `comment-author` for an earlier token's).
  const target = {
    owner: context.owner,
    repo: context.repo,
    issueNumber: pr.number,
    marker,
    selfLogin,
    authorLogins: [DEFAULT_BOT_LOGIN, ...settings.commentAuthors],
  };
  const upsert = (body: string) => upsertStickyComment(github, { ...target, body });

  let body: string;
  if (settings.comment === "on-change" && !report.findings.some(startsAComment)) {
    // Never start a comment for what the check could not see or what is suppressed; only
    // correct an earlier one.
    if (!(await hasStickyComment(github, target))) {
      core.info(
        "No Durable Object lifecycle, binding, history or name changes to report: no pull request comment (comment: on-change).",
      );
      return;
    }
    body = report.findings.some((f) => f.introduced && !f.suppressed)
      ? renderMarkdown(report, { marker, comment: true, ...blocks, docsBaseUrl: context.docsBaseUrl })
      : renderNoChangesBody(marker);
  } else {
    body = renderMarkdown(report, { marker, comment: true, ...blocks, docsBaseUrl: context.docsBaseUrl });
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

/** The login of the token's account, or null (then only the named authors are recognised). */
async function tokenLogin(github: GitHubClient): Promise<string | null> {
  try {
    return await viewerLogin(github);
  } catch (error) {
    core.info(
      `Could not ask GitHub whose token this is (${(error as Error).message}): recognising comments by ${DEFAULT_BOT_LOGIN} and the comment-author input only.`,
    );
    return null;
  }
}

async function hasStickyComment(
  github: GitHubClient,
  target: { owner: string; repo: string; issueNumber: number } & StickyCommentQuery,
): Promise<boolean> {
  try {
    const comments = await listIssueComments(github, target);
    return pickStickyComment(comments, target).comment !== null;
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
