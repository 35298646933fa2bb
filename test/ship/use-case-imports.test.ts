// The use cases in src/check and src/deploy reach the world only through their ports
// (src/check/ports.ts, src/deploy/ports.ts): no module of theirs imports the file system, a child
// process, @actions/* or an adapter (src/adapters/), except their composition roots
// (src/check/adapters.ts, src/deploy/adapters.ts), which put the real adapters behind the ports.
// Adapters may import from the use cases (their ports, their errors), not the other way round.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const USE_CASES = ["src/check", "src/deploy"];
const COMPOSITION_ROOTS = new Set(["src/check/adapters.ts", "src/deploy/adapters.ts"]);
const ADAPTERS = join(ROOT, "src/adapters") + sep;
const FORBIDDEN_MODULES = /^(node:)?(fs|fs\/promises|child_process)$|^@actions\//;

/** Every module specifier a file imports or re-exports, statically or dynamically. */
function specifiers(text: string): string[] {
  // Comment lines left out (they name adapters in prose); code is kept whole otherwise.
  const code = text
    .split("\n")
    .filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line))
    .join("\n");
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of code.matchAll(pattern)) found.push(m[1] as string);
  return found;
}

/** The imports of a file that a use case must not have. */
function forbidden(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  return specifiers(text).filter(
    (s) =>
      FORBIDDEN_MODULES.test(s) ||
      (s.startsWith(".") && resolve(dirname(join(ROOT, file)), s).startsWith(ADAPTERS)),
  );
}

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) =>
      relative(ROOT, join(ROOT, dir, f))
        .split(sep)
        .join("/"),
    )
    .sort();
}

describe("the use cases import no adapter and no file system, outside their composition roots", () => {
  it("the check finds the imports it looks for (the composition roots have them)", () => {
    for (const file of COMPOSITION_ROOTS) assert.notDeepEqual(forbidden(file), [], file);
    assert.deepEqual(
      specifiers(
        'import { a } from "node:fs";\nimport type {\n  B,\n} from "../adapters/x.ts";\nexport { c } from "./c.ts";\nconst d = await import("node:child_process");\n// import { e } from "node:fs";\n',
      ),
      ["node:fs", "../adapters/x.ts", "./c.ts", "node:child_process"],
    );
  });

  for (const dir of USE_CASES) {
    it(`${dir}: only ${[...COMPOSITION_ROOTS].filter((f) => f.startsWith(dir)).join(", ")} imports adapters or the file system`, () => {
      const files = sources(dir).filter((f) => !COMPOSITION_ROOTS.has(f));
      assert.ok(files.length > 3, `the modules of ${dir}`);
      const found = files.flatMap((f) => forbidden(f).map((s) => `${f}: ${s}`));
      assert.deepEqual(found, []);
    });
  }
});
