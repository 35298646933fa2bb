// scripts/picture/comment.ts (`npm run picture`, not part of .ci/run): its input is the comment
// the committed action really posts, GitHub's alert blocks become GitHub's alert markup, and a
// missing tool is named with the command that installs it. (The rendering itself needs
// cmark-gfm and Chromium; the committed PNG is looked at by a person.)
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { githubAlerts, stickyComment } from "../../scripts/picture/comment.ts";
import { ROOT } from "../support/run-action.ts";

describe("picture: the input", () => {
  it("is the sticky comment the action posts on a pull request that deletes a class", async () => {
    const body = await stickyComment();
    assert.match(body, /^<!-- do-migrate-action:sticky:[^\n]* -->\n## Durable Object migration check: /);
    assert.match(body, /^> \[!CAUTION\]$/m);
    assert.match(body, /^do-migrate: destroy RateLimiter in chat at v2$/m);
  });
});

describe("picture: GitHub's alerts", () => {
  const title = (kind: string, text: string) =>
    new RegExp(
      `^<div class="markdown-alert markdown-alert-${kind}">\\n<p class="markdown-alert-title"><svg [^>]*octicon-[a-z-]+[^>]*>.*</svg>${text}</p>\\n`,
    );

  it("turns a block quote whose first line is [!CAUTION] into an alert, with the rest of its paragraph", () => {
    const html = githubAlerts(
      "<blockquote>\n<p>[!CAUTION]<br />\n<strong>Data loss.</strong> Gone.</p>\n</blockquote>\n<p>after</p>\n",
    );
    assert.match(html, title("caution", "Caution"));
    assert.match(html, /<\/p>\n<p><strong>Data loss\.<\/strong> Gone\.<\/p>\n<\/div>\n<p>after<\/p>\n$/);
  });

  it("keeps the paragraphs of an alert whose marker stands alone, and block quotes inside it", () => {
    const html = githubAlerts(
      "<blockquote>\n<p>[!NOTE]</p>\n<p>one</p>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n</blockquote>\n",
    );
    assert.match(html, title("note", "Note"));
    assert.match(html, /<p>one<\/p>\n<blockquote>\n<p>quoted<\/p>\n<\/blockquote>\n<\/div>\n$/);
  });

  it("leaves other block quotes alone", () => {
    const html =
      "<blockquote>\n<p>[!NOT-AN-ALERT] text</p>\n</blockquote>\n<blockquote>\n<p>plain</p>\n</blockquote>\n";
    assert.equal(githubAlerts(html), html);
  });
});

describe("picture: missing tools", () => {
  it("names the tool and the command that installs it", () => {
    const dir = mkdtempSync(join(tmpdir(), "picture-"));
    try {
      const input = join(dir, "comment.md");
      writeFileSync(input, "# x\n");
      const result = spawnSync(
        process.execPath,
        [join(ROOT, "scripts/picture/comment.ts"), "--input", input, "--output", join(dir, "x.png")],
        {
          encoding: "utf8",
          env: { PATH: dir, HOME: dir },
        },
      );
      assert.equal(result.status, 3, result.stderr);
      assert.match(
        result.stderr,
        /^cmark-gfm \(GitHub's Markdown renderer\) is not installed: apt-get install -y cmark-gfm chromium/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
