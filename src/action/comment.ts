// `mode: check`'s sticky pull request comment: one per configured scope, recognised by its
// marker and its author, written only when there is something to say (`comment: on-change`).
import { createHash } from "node:crypto";
import * as core from "@actions/core";
import type { GitHubClient } from "../adapters/github-client.ts";
import {
  CommentBodyTooLongError,
  DEFAULT_BOT_LOGIN,
  listIssueComments,
  pickStickyComment,
  type StickyCommentQuery,
  type StickyCommentResult,
  upsertStickyComment,
  viewerLogin,
} from "../adapters/github-comments.ts";
import type { Acknowledgement } from "../core/acknowledge.ts";
import { startsAComment } from "../core/gate.ts";
import type { Report } from "../core/model.ts";
import { renderNoChangesBody, renderShortReport } from "../core/render/check-sections.ts";
import { renderMarkdown } from "../core/render/markdown.ts";
import type { RunContext } from "./context.ts";
import type { Settings } from "./inputs.ts";
import type { Blocks } from "./summary.ts";

export async function writeComment(
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
export async function tokenLogin(github: GitHubClient): Promise<string | null> {
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
export function scopeOf(settings: Settings): string {
  const parts = [settings.workingDirectory, ...settings.config, ...(settings.environments ?? []).map(String)];
  if (parts.join("") === ".") return "default";
  return createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 12);
}
