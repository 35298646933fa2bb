// `mode: check`'s suggestions: one review per run with the new ones, earlier ones updated or
// retired; what cannot be posted goes to the sticky comment's fix section.
import * as core from "@actions/core";
import { type GitHubClient, statusOf } from "../adapters/github-client.ts";
import { DEFAULT_BOT_LOGIN } from "../adapters/github-comments.ts";
import { listPullRequestFiles } from "../adapters/github-pulls.ts";
import {
  createReview,
  deleteReviewComment,
  listReviewComments,
  updateReviewComment,
} from "../adapters/github-reviews.ts";
import type { FixOffer } from "../core/fix/fix.ts";
import { scopeOf } from "./comment.ts";
import type { RunContext } from "./context.ts";
import type { Settings } from "./inputs.ts";

/**
 * Posts the proven fixes whose lines are in the diff as suggestions and returns the sticky
 * comment's section for the rest (outside the diff, or when the token cannot write reviews).
 */
export async function suggestFixes(
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
