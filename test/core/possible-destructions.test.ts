// Issue 19, route 4: a delete of objects that exist only on a Worker at another tag than the
// base's last one (a step the base does not have: restored, or deployed from another branch).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { possibleDestructions } from "../../src/core/lifecycle/engine.ts";
import type { LifecycleOp, LifecycleStep } from "../../src/core/model.ts";
import { inBothFormats, runAnalysisCases } from "../support/core-cases.ts";

const deleted = { code: "DO101", kind: "class-deleted", severity: "critical", dataLoss: true } as const;

describe("a restored creating step and a delete in one change: data loss if the Worker ran it", () => {
  runAnalysisCases([
    ...inBothFormats(
      "v2 (creates Zeta) is back after the base dropped it, and v3 deletes Zeta",
      {
        toml: `
name = "w"
[[migrations]]
tag = "v1"
new_sqlite_classes = ["A"]
+[[migrations]]
+tag = "v2"
+new_sqlite_classes = ["Zeta"]
+[[migrations]] # @@v3
+tag = "v3"
+deleted_classes = ["Zeta"]
`,
        jsonc: `
{
  "name": "w",
  "migrations": [
    { "tag": "v1", "new_sqlite_classes": ["A"] },
+    { "tag": "v2", "new_sqlite_classes": ["Zeta"] },
+    { "tag": "v3", "deleted_classes": ["Zeta"] }, // @@v3
  ],
}
`,
      },
      [
        {
          ...deleted,
          classes: ["Zeta"],
          worker: "w",
          line: "@@v3",
          tag: "v3",
          says: ["has run `v2`", "not in the base revision's history", "live migration tag"],
        },
      ],
    ),
    {
      name: "another Worker still binds the class through script_name: the delete is also rejected (10061)",
      changes: [
        {
          file: "wrangler.toml",
          baseText: 'name = "w"\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["A"]\n',
          headText:
            'name = "w"\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["A"]\n[[migrations]]\ntag = "v2"\nnew_sqlite_classes = ["Zeta"]\n[[migrations]]\ntag = "v3"\ndeleted_classes = ["Zeta"]\n',
        },
        {
          file: "o/wrangler.toml",
          baseText:
            'name = "u"\n[[durable_objects.bindings]]\nname = "Z"\nclass_name = "Zeta"\nscript_name = "w"\n',
          headText:
            'name = "u"\n[[durable_objects.bindings]]\nname = "Z"\nclass_name = "Zeta"\nscript_name = "w"\n',
        },
      ],
      expect: [
        { ...deleted, classes: ["Zeta"], worker: "w", line: 8, tag: "v3" },
        {
          code: "DO105",
          kind: "cross-worker-binding",
          severity: "error",
          classes: ["Zeta"],
          worker: "u",
          file: "o/wrangler.toml",
          line: 2,
          tag: "v3",
          says: ["10061"],
        },
      ],
    },
  ]);
});

/** Steps from a compact notation: `v1:+A,+B`, `v2:-A`, `v3:A>B` (rename). */
function steps(...specs: string[]): LifecycleStep[] {
  return specs.map((spec, index) => {
    const [tag, body = ""] = spec.split(":");
    const ops = body
      .split(",")
      .filter(Boolean)
      .map((op): LifecycleOp => {
        if (op.startsWith("+")) return { type: "create", className: op.slice(1), storage: "sqlite" };
        if (op.startsWith("-")) return { type: "delete", className: op.slice(1) };
        const [from, to] = op.split(">");
        return { type: "rename", from: from!, to: to! };
      });
    return { tag: tag!, index, line: index + 1, ops, canonical: body };
  });
}

describe("possibleDestructions: the plausible live tags of each delete, in one pass", () => {
  const cases: { name: string; base: string[]; head: string[]; deployed?: number; expect: string[] }[] = [
    {
      name: "an appended delete is the caller's certain case",
      base: ["v1:+A"],
      head: ["v1:+A", "v2:-A"],
      expect: [],
    },
    {
      name: "a delete the base sends too is not the change's",
      base: ["v1:+A", "v2:-A"],
      head: ["v1:+A", "v2:-A", "v3:+B"],
      expect: [],
    },
    {
      name: "a head-only create then delete: if it ran the create",
      base: ["v1:+A"],
      head: ["v1:+A", "v2:+Z", "v3:-Z"],
      expect: ["Z@v3 ifRan v2"],
    },
    {
      name: "followed through a rename",
      base: ["v1:+A"],
      head: ["v1:+A", "v2:+Z", "v3:Z>Y", "v4:-Y"],
      expect: ["Y@v4 ifRan v3"],
    },
    {
      name: "a delete edited into a step before the deployed tag: unless it ran that step",
      base: ["v1:+A", "v2:+B", "v3:+C"],
      head: ["v1:+A", "v2:+B,-A", "v3:+C"],
      expect: ["A@v2 unlessRan v2"],
    },
    {
      name: "a step of a rejected tail the head keeps: if it ran it",
      base: ["v1:+A", "v2:+B"],
      head: ["v1:+A", "v2:+B", "v3:-B"],
      deployed: 0,
      expect: ["B@v3 ifRan v2"],
    },
    {
      name: "a class created and deleted in one step span with no tag between: nothing",
      base: ["v1:+A"],
      head: ["v1:+A", "v2:+Z,-Z"],
      expect: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const base = steps(...c.base);
      const found = possibleDestructions(base, steps(...c.head), c.deployed ?? base.length - 1).map(
        (d) =>
          `${d.className}@${d.tag}${d.ifRan ? ` ifRan ${d.ifRan}` : ""}${d.unlessRan ? ` unlessRan ${d.unlessRan}` : ""}`,
      );
      assert.deepEqual(found, c.expect);
    });
  }
  it("20,000 head-only steps, each creating a class the next deletes: every delete found in one pass", () => {
    const head = steps(
      "v0:+A",
      ...Array.from({ length: 20_000 }, (_, i) => `t${i}:${i % 2 === 0 ? `+C${i}` : `-C${i - 1}`}`),
    );
    const found = possibleDestructions(steps("v0:+A"), head, 0);
    assert.equal(found.length, 10_000);
  });
});

describe("a base revision that does not parse: the head's deletes are said, as an error", () => {
  runAnalysisCases([
    {
      name: "the head deletes a class its history created: the base's DO001 is an error naming the delete and the live plan",
      file: "wrangler.toml",
      base: 'name = "w"\n[[migrations]\ntag = "v1"\n',
      head: 'name = "w"\n[[migrations]]\ntag = "v1"\nnew_sqlite_classes = ["A"]\n[[migrations]]\ntag = "v2"\ndeleted_classes = ["A"]\n',
      expect: [
        {
          code: "DO001",
          kind: "parse-error",
          severity: "error",
          classes: [],
          line: 2,
          says: ["deletes `A` (`v2`)", "has not run that step yet", "--live"],
        },
      ],
    },
  ]);
});
