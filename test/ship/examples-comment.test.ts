// The bundled example (examples/delete-class: a pull request that deletes a class inherited by
// every env, still bound in one) as the committed action (dist/index.js) comments on it: read in
// ten seconds. Its visible length (what GitHub shows before anything is expanded) stays under
// 1,500 characters, and its order is the one a reviewer needs: the verdict, the data loss, the
// acknowledgement lines, the advice on deleting safely (once), then the rest, collapsed.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { stickyComment } from "../../scripts/picture/comment.ts";

/**
 * The text GitHub shows of a comment before anything is expanded, as a simple strip of the
 * Markdown and HTML it uses: HTML comments go, a closed `<details>` shows only its `<summary>`,
 * tags, emphasis, code-span backticks and fences go, a link shows its text, an alert its title.
 */
function visibleText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<details>\s*<summary>([\s\S]*?)<\/summary>[\s\S]*?<\/details>/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/^> \[!(\w)(\w*)\]$/gm, (_, first: string, rest: string) => first + rest.toLowerCase())
    .replace(/^```.*$/gm, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^(?:> ?)+/gm, "")
    .replace(/^\s*(?:[-*]|\d+\.) /gm, "")
    .replace(/^#+ /gm, "")
    .replace(/\*\*|`/g, "")
    .replace(/\\([\\`*_[\]()#!|~>+=])/g, "$1")
    .replace(/&(?:amp|lt|gt|quot|#\d+);/g, "x")
    .replace(/\u2060/g, "")
    .replace(/\n{2,}/g, "\n")
    .trim();
}

describe("the bundled example's comment (dist/index.js)", () => {
  it("is read in ten seconds: under 1,500 visible characters, in a reviewer's order, nothing needed lost", async () => {
    const body = await stickyComment();
    const visible = visibleText(body);
    assert.ok([...visible].length < 1500, `${[...visible].length} visible characters:\n${visible}`);

    // The order: verdict, data loss, acknowledgement lines, advice, then the rest collapsed.
    const at = (pattern: RegExp) => {
      const m = pattern.exec(body);
      assert.ok(m, `${pattern} in\n${body}`);
      return m.index;
    };
    const order = [
      at(/^## Durable Object migration check: 🛑 \*\*critical risk\*\*$/m),
      at(
        /^> \*\*This change destroys Durable Object data:\*\* every object of `RateLimiter`.* in 3 Workers\./m,
      ),
      at(/^- \*\*`RateLimiter`\*\* deleted by migration `v2` \(`wrangler\.toml:16`\)/m),
      at(/^do-migrate: destroy RateLimiter in chat at v2$/m),
      at(/^\*\*To delete safely, deploy twice\*\*/m),
      at(/^<details>\n<summary>3 other findings: ❌ 1 error · ⚠️ 2 warnings<\/summary>/m),
    ];
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
      body,
    );
    // The advice once, not once per finding; no plain-delete advice in front of a rename's fix.
    assert.equal(body.match(/keep exporting the class/gi)?.length, 1, body);
    assert.equal(body.match(/the two deploys above/g)?.length, 2, body);
    assert.doesNotMatch(body, /If the data really must go/);
    // Nothing a reviewer needs is lost: every Worker the delete reaches, every acknowledgement
    // line, the deploy that fails (DO103) and the code that no longer exports the class (DO603).
    for (const worker of ["chat", "chat-production", "chat-staging"]) {
      assert.match(body, new RegExp(`Worker \`${worker}\``));
      assert.match(body, new RegExp(`^do-migrate: destroy RateLimiter in ${worker} at v2$`, "m"));
    }
    assert.match(
      body,
      /\*\*DO103\*\* `delete-still-bound` `RateLimiter` \(`wrangler\.toml:28`\) .* · Worker `chat-production` \(env `production`\)\n {2}Class `RateLimiter` is deleted in env `production` but binding `LIMITER`.*\n {2}_Fix:_ the two deploys above\./,
    );
    assert.match(
      body,
      /\*\*DO603\*\* .*\n {2}`RateLimiter` is deleted, and `src\/index\.ts` no longer exports it/,
    );
    assert.match(body, /confirm-data-loss: RateLimiter/);
    assert.match(body, /job summary/);
  });
});
