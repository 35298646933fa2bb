// The finding catalogue and docs/findings.md stay in step: one section per code, with the anchor
// the reports link to, the catalogue's severity, and nothing documented that does not exist.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { CATALOGUE, findingDocsAnchor, SEVERITIES, severityRank } from "../../src/core/catalogue.ts";
import type { FindingKind } from "../../src/core/model.ts";

const DOCS = readFileSync(new URL("../../docs/findings.md", import.meta.url), "utf8");
const entries = Object.entries(CATALOGUE) as Array<[FindingKind, (typeof CATALOGUE)[FindingKind]]>;

interface Section {
  code: string;
  kind: string;
  anchor: string | null;
  body: string;
}

/** `## DO101 class-deleted` sections, with the `<a id>` on the line just above each heading. */
function sections(markdown: string): Section[] {
  const lines = markdown.split("\n");
  const out: Section[] = [];
  lines.forEach((line, i) => {
    const heading = /^## (DO\d{3}) ([a-z-]+)$/.exec(line);
    if (!heading) return;
    const anchor = /^<a id="([^"]+)"><\/a>$/.exec(lines[i - 1] ?? "")?.[1] ?? null;
    const end = lines.findIndex((l, j) => j > i && l.startsWith("## "));
    const bodyLines = lines.slice(i + 1, end < 0 ? undefined : end);
    out.push({ code: heading[1]!, kind: heading[2]!, anchor, body: bodyLines.join("\n") });
  });
  return out;
}

const documented = sections(DOCS);

describe("the catalogue", () => {
  it("codes are unique and shaped DOnnn", () => {
    const codes = entries.map(([, e]) => e.code);
    assert.equal(new Set(codes).size, codes.length, `duplicate codes: ${codes}`);
    for (const code of codes) assert.match(code, /^DO\d{3}$/);
  });

  it("titles are unique and severities valid", () => {
    const titles = entries.map(([, e]) => e.title);
    assert.equal(new Set(titles).size, titles.length);
    for (const [, e] of entries) assert.ok(SEVERITIES.includes(e.severity), e.code);
  });

  it("severities rank info < warning < error < critical", () => {
    assert.deepEqual((["info", "warning", "error", "critical"] as const).map(severityRank), [0, 1, 2, 3]);
  });

  it("findingDocsAnchor links to the lower-case code in docs/findings.md", () => {
    assert.equal(findingDocsAnchor("DO101"), "docs/findings.md#do101");
  });
});

describe("docs/findings.md", () => {
  it("has exactly one section per catalogue code, and none for unknown codes", () => {
    const codes = documented.map((s) => s.code);
    assert.equal(new Set(codes).size, codes.length, "a code is documented twice");
    assert.deepEqual([...codes].sort(), entries.map(([, e]) => e.code).sort());
  });

  for (const [kind, entry] of entries) {
    describe(`${entry.code} ${kind}`, () => {
      const section = documented.find((s) => s.code === entry.code);
      it("has a section headed with its code and kind", () => {
        assert.ok(section, `no "## ${entry.code} ${kind}" section`);
        assert.equal(section.kind, kind);
      });
      it("has the anchor the reports link to", () => {
        assert.equal(section?.anchor, findingDocsAnchor(entry.code).split("#")[1]);
      });
      it("states the catalogue title and severity, and whether data is lost", () => {
        const body = section?.body ?? "";
        assert.ok(body.includes(`**${entry.title}.**`), `the title "${entry.title}"`);
        assert.ok(body.includes(`Severity: **${entry.severity}**`), `Severity: **${entry.severity}**`);
        // The catalogue's data-loss kinds (data-loss-kinds.test.ts pins which they are), DO801
        // and DO802 included: the live plan's replay and undeployed steps destroy data when they delete.
        const loss = entry.reportsDataLoss === true;
        assert.ok(body.includes(loss ? "Data loss: **yes**" : "Data loss: no"), "the data-loss statement");
      });
      it("says what it detects, what happens at deploy time and how to fix it, with an example", () => {
        const body = section?.body ?? "";
        for (const part of ["**Detects:**", "**At deploy time:**", "**Fix:**", "```"]) {
          assert.ok(body.includes(part), `missing ${part}`);
        }
      });
      it("is listed in the table of codes", () => {
        const row = `| [${entry.code}](#${entry.code.toLowerCase()}) | \`${kind}\` | ${entry.title} |`;
        assert.ok(DOCS.includes(row), `missing table row ${row}`);
      });
    });
  }

  it("cites only Cloudflare error codes listed in DOMAIN.md section 5 (and 10007)", () => {
    const known = new Set(["10007", "10061", "10064", "10070", "10074", "10079", "10097", "10211"]);
    for (const code of ["100402", "100403", "100405", "100406"]) known.add(code);
    const cited = new Set([...DOCS.matchAll(/`(1\d{4,5})`/g)].map((m) => m[1]!));
    for (const code of cited) assert.ok(known.has(code), `unknown error code ${code}`);
  });
});
