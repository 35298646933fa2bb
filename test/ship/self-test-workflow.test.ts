// .github/workflows/self-test.yml, run here step by step the way a runner would on a pull
// request: the checkout is a git repository holding examples/ at the PR's base, `run:` steps run
// in bash with their `env:`, `uses: ./` steps run the committed dist/index.js with their `with:`
// (through test/support/run-action.ts, against the local GitHub stand-in), and
// `${{ steps.<id>.outputs.<name> }}` / `${{ steps.<id>.outcome }}` are filled in from earlier
// steps. Each job must succeed, so the self-test's own assertions (risk critical, data loss,
// RateLimiter deleted, the default gate failing) hold for the committed bundle.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, it } from "node:test";
import { get, getString, parseYaml, type YamlNode } from "../../scripts/ship/yaml-nodes.ts";
import { type GitHubApi, startGitHubApi } from "../support/github-api.ts";
import { pullRequestPayload, ROOT, runAction } from "../support/run-action.ts";

const OWNER = "acme";
const REPO = "workers";
const TOKEN = "ghs_selfTESTtoken0000000000000000000000001";
const workflow = parseYaml(readFileSync(join(ROOT, ".github/workflows/self-test.yml"), "utf8"));

interface StepResult {
  outcome: "success" | "failure";
  outputs: Record<string, string>;
}

function mapOf(node: YamlNode | undefined): Record<string, string> {
  if (!node) return {};
  assert.equal(node.kind, "map");
  return Object.fromEntries(
    (node.kind === "map" ? node.entries : []).map((e) => {
      assert.equal(e.value.kind, "scalar", e.key);
      return [e.key, e.value.kind === "scalar" ? e.value.value : ""];
    }),
  );
}

/** Fills in the only expressions the self-test uses; any other is a test failure. */
function evaluate(value: string, steps: ReadonlyMap<string, StepResult>): string {
  return value.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_m, expression: string) => {
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
    if (output) return steps.get(output[1]!)?.outputs[output[2]!] ?? "";
    const outcome = /^steps\.([\w-]+)\.outcome$/.exec(expression);
    if (outcome) return steps.get(outcome[1]!)?.outcome ?? "";
    throw new Error(`the emulation does not evaluate \${{ ${expression} }}`);
  });
}

function git(cwd: string, args: string[]): string {
  const result = spawnSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_AUTHOR_NAME: "base",
      GIT_AUTHOR_EMAIL: "base@example.invalid",
      GIT_COMMITTER_NAME: "base",
      GIT_COMMITTER_EMAIL: "base@example.invalid",
    },
  });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.trim();
}

describe("self-test.yml, emulated", () => {
  let api: GitHubApi;
  let scratch: string;

  before(async () => {
    api = await startGitHubApi({ tokens: [{ token: TOKEN, label: "job-token", permission: "read" }] });
    scratch = mkdtempSync(join(tmpdir(), "self-test-"));
  });
  after(async () => {
    await api.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const jobs = get(workflow, "jobs");
  assert.equal(jobs?.kind, "map");
  const entries = jobs.kind === "map" ? jobs.entries : [];

  it("runs on pull requests and has jobs", () => {
    assert.ok(get(get(workflow, "on"), "pull_request"));
    assert.deepEqual(
      entries.map((e) => e.key),
      ["examples", "delete-class"],
    );
  });

  for (const [n, job] of entries.entries()) {
    it(`job "${job.key}" succeeds on the committed dist/`, async () => {
      // The checkout: examples/ committed as the pull request's base (and head).
      const workspace = join(scratch, job.key);
      cpSync(join(ROOT, "examples"), join(workspace, "examples"), { recursive: true });
      git(workspace, ["init", "-q", "-b", "main"]);
      git(workspace, ["add", "."]);
      git(workspace, ["commit", "-q", "-m", "base"]);
      const base = git(workspace, ["rev-parse", "HEAD"]);
      const number = 100 + n;
      api.setPull(OWNER, REPO, number, {
        body: "",
        base: { sha: base, ref: "main", repoFullName: `${OWNER}/${REPO}` },
        head: { sha: base, ref: "feature", repoFullName: `${OWNER}/${REPO}` },
      });
      const payload = pullRequestPayload({
        number,
        body: "",
        base: { sha: base },
        head: { sha: base },
        repository: { owner: OWNER, name: REPO },
      });

      const results = new Map<string, StepResult>();
      const log: string[] = [];
      const steps = get(job.value, "steps");
      assert.equal(steps?.kind, "seq");
      for (const step of steps.kind === "seq" ? steps.items : []) {
        const name = getString(step, "name") ?? "(unnamed)";
        const uses = getString(step, "uses");
        const run = getString(step, "run");
        const env = Object.fromEntries(
          Object.entries(mapOf(get(step, "env"))).map(([k, v]) => [k, evaluate(v, results)]),
        );
        let result: StepResult;
        if (uses?.startsWith("actions/checkout@")) {
          continue; // done above
        } else if (uses === "./") {
          const inputs = Object.fromEntries(
            Object.entries(mapOf(get(step, "with"))).map(([k, v]) => [k, evaluate(v, results)]),
          );
          const ran = await runAction({
            workspace,
            eventName: "pull_request",
            payload,
            repository: { owner: OWNER, name: REPO },
            apiUrl: api.url,
            token: TOKEN,
            with: inputs,
            sha: base,
          });
          log.push(`${name}: exit ${ran.status}\n${ran.stdout}${ran.stderr}`);
          // RUNNER_TEMP lasts as long as the job on a runner, but runAction removes its own at
          // the end of the step: keep the report where later steps can read it.
          const outputs = { ...ran.outputs };
          if (outputs.report && ran.reportText !== null) {
            outputs.report = join(scratch, `${job.key}-${results.size}-report.json`);
            writeFileSync(outputs.report, ran.reportText);
          }
          result = { outcome: ran.status === 0 ? "success" : "failure", outputs };
        } else if (run !== undefined) {
          const ran = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", run], {
            cwd: workspace,
            encoding: "utf8",
            env: { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, HOME: workspace, ...env },
          });
          log.push(`${name}: exit ${ran.status}\n${ran.stdout}${ran.stderr}`);
          result = { outcome: ran.status === 0 ? "success" : "failure", outputs: {} };
        } else {
          assert.fail(`step "${name}" is neither run: nor a known uses:`);
        }
        const id = getString(step, "id");
        if (id) results.set(id, result);
        if (result.outcome === "failure" && getString(step, "continue-on-error") !== "true") {
          assert.fail(`step "${name}" failed:\n${log.join("\n")}`);
        }
      }
      if (job.key === "delete-class") {
        assert.equal(results.get("report")?.outputs.risk, "critical");
        assert.equal(results.get("gate")?.outcome, "failure");
      }
    });
  }
});
