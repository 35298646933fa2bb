// Every relative link of the documentation leads somewhere: the file exists, and a `#anchor` into
// a Markdown file names one of its headings (as GitHub makes their ids) or an `<a id>`. Moving a
// section to another page (the README's reference went to docs/) cannot leave a dead link.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const pages = [
  "README.md",
  "CONTRIBUTING.md",
  "SECURITY.md",
  "CHANGELOG.md",
  ...readdirSync(join(root, "docs"), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
].sort();

/** The Markdown with its fenced code blocks blanked (links in code are not links), lines kept. */
function prose(text: string): string {
  return text.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, (block) => block.replace(/[^\n]/g, ""));
}

/** GitHub's heading id: the heading's text, lower case, punctuation dropped, spaces to hyphens. */
export function headingId(heading: string): string {
  const text = heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/[`*]/g, "");
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/ /g, "-");
}

/** The ids a page defines: its headings (repeats numbered as GitHub does) and explicit anchors. */
function ids(text: string): Set<string> {
  const found = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, heading] of prose(text).matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const id = headingId(heading!);
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    found.add(n === 0 ? id : `${id}-${n}`);
  }
  for (const [, id] of text.matchAll(/<a (?:id|name)="([^"]+)"/g)) found.add(id!);
  return found;
}

/** Relative links of a page: `[text](target)` and `![alt](target)`, with their lines. */
function links(text: string): { target: string; line: number }[] {
  const body = prose(text);
  return [...body.matchAll(/\]\(([^)\s]+)(?: "[^"]*")?\)/g)]
    .map((m) => ({ target: m[1]!, line: body.slice(0, m.index).split("\n").length }))
    .filter(({ target }) => !/^[a-z][a-z+.-]*:/i.test(target));
}

describe("documentation links", () => {
  it("the ids are GitHub's", () => {
    assert.equal(
      headingId("What is certain, and what depends on the live state"),
      "what-is-certain-and-what-depends-on-the-live-state",
    );
    assert.equal(
      headingId("`do-migrate fix [--dry-run] [--base REF]`"),
      "do-migrate-fix---dry-run---base-ref",
    );
    assert.equal(headingId("Live plan: what the next deploy does"), "live-plan-what-the-next-deploy-does");
  });

  for (const page of pages) {
    it(`${page}: every relative link reaches a file, and an anchor a heading there`, () => {
      const text = readFileSync(join(root, page), "utf8");
      const dead: string[] = [];
      for (const { target, line } of links(text)) {
        const [path, anchor] = target.split("#", 2) as [string, string | undefined];
        const file = path === "" ? join(root, page) : join(root, dirname(page), decodeURI(path));
        const where = `${page}:${line}: ${target}`;
        if (!existsSync(file)) {
          dead.push(`${where} (no ${relative(root, file)})`);
        } else if (anchor !== undefined && file.endsWith(".md") && statSync(file).isFile()) {
          if (!ids(readFileSync(file, "utf8")).has(anchor)) dead.push(`${where} (no such heading)`);
        }
      }
      assert.deepEqual(dead, []);
    });
  }
});
