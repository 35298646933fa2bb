// The soundness oracle (issue 19): seeded random base/head repositories, deployed with the REAL
// pinned wrangler to the Cloudflare stand-in, checked with the committed dist/ in between.
//
// One case: an optional earlier revision is deployed (so a step the base later drops may have
// applied), then the base revision, then `do-migrate check` compares base and head, then the
// head is deployed. Every namespace live before the head's deploys and deleted after them must
// be named by a critical data-loss finding for that Worker and class (zero tolerance); a head
// deploy that fails behind a risk of none or low is a miss too. Test-only.
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CloudflareApi } from "./cloudflare-api.ts";
import { createGitRepo, type FileSpec } from "./git-repo.ts";
import { CLI } from "./run-cli.ts";
import { createWorkerProject, NODE_BIN, runWrangler, workerSource } from "./wrangler.ts";

export const SOUNDNESS_ACCOUNT = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
export const SOUNDNESS_TOKEN = "soundness-test-token";

// ---------------------------------------------------------------------------------------------
// A tiny seeded PRNG (mulberry32): the same seed, the same case, on every machine.

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

// ---------------------------------------------------------------------------------------------
// The model of a repository: one or two Worker configs, each a top level and maybe one env.

interface Step {
  tag: string;
  new_sqlite_classes?: string[];
  new_classes?: string[];
  renamed_classes?: { from: string; to: string }[];
  deleted_classes?: string[];
}
interface Binding {
  name: string;
  class_name: string;
  script_name?: string;
}
interface Target {
  name?: string;
  migrations?: Step[];
  bindings: Binding[];
}
interface Config {
  file: string;
  top: Target & { name: string };
  env: Target | null;
  /** The classes the Worker's code exports. */
  exports: string[];
}
export interface Revision {
  configs: Config[];
}
export interface SoundnessCase {
  seed: number;
  /** What the generator did, for the failure message. */
  story: string[];
  earlier: Revision | null;
  base: Revision;
  head: Revision;
}

const POOL = ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"];

function live(steps: readonly Step[]): Map<string, "sqlite" | "kv"> {
  const classes = new Map<string, "sqlite" | "kv">();
  for (const step of steps) {
    for (const c of step.deleted_classes ?? []) classes.delete(c);
    for (const r of step.renamed_classes ?? []) {
      const storage = classes.get(r.from);
      classes.delete(r.from);
      if (storage) classes.set(r.to, storage);
    }
    for (const c of step.new_sqlite_classes ?? []) classes.set(c, "sqlite");
    for (const c of step.new_classes ?? []) classes.set(c, "kv");
  }
  return classes;
}

const clone = <T>(value: T): T => structuredClone(value);

function history(rng: Rng): Step[] {
  const steps: Step[] = [{ tag: "v1", new_sqlite_classes: [POOL[0]!] }];
  if (rng.chance(0.5)) steps[0]!.new_sqlite_classes!.push(POOL[1]!);
  const more = rng.int(3);
  for (let i = 0; i < more; i++) {
    const classes = live(steps);
    const unused = POOL.filter(
      (c) => !classes.has(c) && !steps.some((s) => JSON.stringify(s).includes(`"${c}"`)),
    );
    const tag = `v${steps.length + 1}`;
    const roll = rng.int(3);
    if (roll === 0 && unused.length > 0) {
      steps.push(
        rng.chance(0.7) ? { tag, new_sqlite_classes: [unused[0]!] } : { tag, new_classes: [unused[0]!] },
      );
    } else if (roll === 1 && unused.length > 0 && classes.size > 0) {
      steps.push({ tag, renamed_classes: [{ from: rng.pick([...classes.keys()]), to: unused[0]! }] });
    } else if (classes.size > 1) {
      steps.push({ tag, deleted_classes: [rng.pick([...classes.keys()])] });
    }
  }
  return steps;
}

function bindingsFor(rng: Rng, classes: Iterable<string>): Binding[] {
  return [...classes].filter(() => rng.chance(0.4)).map((c) => ({ name: c.toUpperCase(), class_name: c }));
}

/** The classes a config's code must export: every class its targets keep live. */
function exportsOf(config: Config): string[] {
  const names = new Set(live(config.top.migrations ?? []).keys());
  if (config.env?.migrations) for (const c of live(config.env.migrations).keys()) names.add(c);
  return [...names];
}

function baseRevision(rng: Rng, story: string[]): Revision {
  const steps = history(rng);
  const top = { name: "w", migrations: steps, bindings: bindingsFor(rng, live(steps).keys()) };
  let env: Target | null = null;
  if (rng.chance(0.5)) {
    const own = rng.chance(0.4);
    env = {
      ...(own ? { migrations: clone(steps) } : {}),
      bindings: bindingsFor(rng, live(steps).keys()),
    };
    story.push(`env staging (${own ? "own migrations" : "inherits"})`);
  }
  const configs: Config[] = [{ file: "wrangler.jsonc", top, env, exports: [] }];
  if (rng.chance(0.35)) {
    const classes = [...live(steps).keys()];
    const other: Config = {
      file: "other/wrangler.jsonc",
      top: {
        name: "u",
        migrations: [{ tag: "v1", new_sqlite_classes: ["Omega"] }],
        bindings: [{ name: "OMEGA", class_name: "Omega" }],
      },
      env: null,
      exports: [],
    };
    if (classes.length > 0 && rng.chance(0.6)) {
      const c = rng.pick(classes);
      other.top.bindings.push({ name: `REMOTE_${c.toUpperCase()}`, class_name: c, script_name: "w" });
      story.push(`u binds ${c} of w through script_name`);
    }
    configs.push(other);
  }
  for (const config of configs) config.exports = exportsOf(config);
  return { configs };
}

type Mutation = (rng: Rng, rev: Revision, story: string[]) => void;

const main = (rev: Revision) => rev.configs[0]!;

const MUTATIONS: Record<string, Mutation> = {
  appendDelete(rng, rev, story) {
    const config = main(rev);
    const steps = config.top.migrations!;
    const classes = [...live(steps).keys()];
    if (classes.length === 0) return;
    const c = rng.pick(classes);
    steps.push({ tag: `v${steps.length + 1}`, deleted_classes: [c] });
    const unbind = rng.chance(0.6);
    if (unbind) {
      config.top.bindings = config.top.bindings.filter((b) => b.class_name !== c);
      if (config.env) config.env.bindings = config.env.bindings.filter((b) => b.class_name !== c);
    }
    const unexport = rng.chance(0.4);
    if (unexport) config.exports = config.exports.filter((e) => e !== c);
    story.push(
      `append delete ${c}${unbind ? ", bindings removed" : ""}${unexport ? ", export removed" : ""}`,
    );
  },
  deleteUnbound(rng, rev, story) {
    // A delete nothing blocks: the class is bound nowhere, so the deploy destroys it.
    const config = main(rev);
    const steps = config.top.migrations!;
    const bound = new Set(
      rev.configs.flatMap((c) => [...c.top.bindings, ...(c.env?.bindings ?? [])].map((b) => b.class_name)),
    );
    const free = [...live(steps).keys()].filter((c) => !bound.has(c));
    if (free.length === 0) return;
    const c = rng.pick(free);
    steps.push({ tag: `v${steps.length + 1}`, deleted_classes: [c] });
    if (rng.chance(0.5)) config.exports = config.exports.filter((e) => e !== c);
    story.push(`append delete ${c} (bound nowhere)`);
  },
  appendRename(rng, rev, story) {
    const config = main(rev);
    const steps = config.top.migrations!;
    const classes = [...live(steps).keys()];
    const wrong = rng.chance(0.3);
    const from = wrong || classes.length === 0 ? rng.pick(POOL) : rng.pick(classes);
    const to = rng.chance(0.2) && classes.length > 0 ? rng.pick(classes) : `${from}Next`;
    steps.push({ tag: `v${steps.length + 1}`, renamed_classes: [{ from, to }] });
    for (const b of [...config.top.bindings, ...(config.env?.bindings ?? [])])
      if (b.class_name === from) b.class_name = to;
    config.exports = [...config.exports.filter((e) => e !== from), to];
    story.push(`append rename ${from} -> ${to}`);
  },
  storageSwitch(rng, rev, story) {
    const config = main(rev);
    const steps = config.top.migrations!;
    const classes = [...live(steps)];
    if (classes.length === 0) return;
    const [c, storage] = rng.pick(classes);
    const next = `${c}V2`;
    steps.push({
      tag: `v${steps.length + 1}`,
      deleted_classes: [c],
      ...(storage === "sqlite" ? { new_classes: [next] } : { new_sqlite_classes: [next] }),
    });
    for (const b of config.top.bindings) if (b.class_name === c) b.class_name = next;
    config.exports = [...config.exports, next];
    story.push(`storage switch ${c} -> ${next} in one step, binding repointed`);
  },
  editStep(rng, rev, story) {
    const config = main(rev);
    const steps = config.top.migrations!;
    const at = rng.int(steps.length);
    const before = live(steps.slice(0, at));
    const step = steps[at]!;
    const roll = rng.int(3);
    if (roll === 0 && before.size > 0) {
      const c = rng.pick([...before.keys()]);
      step.deleted_classes = [...(step.deleted_classes ?? []), c];
      story.push(`edit ${step.tag}: also delete ${c}`);
    } else if (roll === 1 && step.new_sqlite_classes) {
      step.new_classes = step.new_sqlite_classes;
      delete step.new_sqlite_classes;
      story.push(`edit ${step.tag}: SQLite -> KV`);
    } else {
      const unused = POOL.find((c) => !JSON.stringify(steps).includes(`"${c}"`));
      if (!unused) return;
      step.new_sqlite_classes = [...(step.new_sqlite_classes ?? []), unused];
      config.exports = [...config.exports, unused];
      story.push(`edit ${step.tag}: also create ${unused}`);
    }
  },
  removeStep(rng, rev, story) {
    const steps = main(rev).top.migrations!;
    if (steps.length < 2) return;
    const at = 1 + rng.int(steps.length - 1);
    story.push(`remove ${steps[at]!.tag}`);
    steps.splice(at, 1);
  },
  retagStep(rng, rev, story) {
    const steps = main(rev).top.migrations!;
    const step = rng.pick(steps);
    story.push(`retag ${step.tag} -> ${step.tag}b`);
    step.tag = `${step.tag}b`;
  },
  envTakesTopName(rng, rev, story) {
    const config = main(rev);
    if (!config.env) config.env = { bindings: [] };
    config.env.name = "w";
    if (rng.chance(0.6)) {
      const steps = clone(config.top.migrations!);
      const classes = [...live(steps).keys()];
      if (classes.length > 0)
        steps.push({ tag: `v${steps.length + 1}`, deleted_classes: [rng.pick(classes)] });
      config.env.migrations = steps;
    }
    story.push(`env staging takes the name w${config.env.migrations ? " with its own migrations" : ""}`);
  },
  topTakesOtherName(rng, rev, story) {
    const other = rev.configs[1];
    if (!other) return;
    const config = main(rev);
    config.top.name = "u";
    config.top.migrations = [{ tag: "v1", new_sqlite_classes: ["Alpha"] }];
    if (rng.chance(0.5)) config.top.migrations.push({ tag: "v2", deleted_classes: ["Alpha"] });
    config.top.bindings = [];
    config.exports = ["Alpha"];
    if (config.env) config.env.name = "w-staging";
    story.push(`top level renamed onto u with a fresh history (${config.top.migrations.length} steps)`);
  },
  secondConfigSameWorker(rng, rev, story) {
    const config = main(rev);
    const steps = clone(config.top.migrations!);
    const classes = [...live(steps).keys()];
    if (classes.length > 0 && rng.chance(0.7))
      steps.push({ tag: `v${steps.length + 1}`, deleted_classes: [rng.pick(classes)] });
    rev.configs.push({
      file: "copy/wrangler.jsonc",
      top: { name: "w", migrations: steps, bindings: [] },
      env: null,
      exports: [...live(steps).keys()],
    });
    story.push("a second config deploys w");
  },
  otherDropsRemoteBinding(_rng, rev, story) {
    const other = rev.configs[1];
    if (!other) return;
    other.top.bindings = other.top.bindings.filter((b) => !b.script_name);
    story.push("u drops its script_name binding");
  },
};

/** A seeded case: the base (maybe after an earlier revision that had one more step), then the head. */
export function generateCase(seed: number): SoundnessCase {
  const rng = new Rng(seed);
  const story: string[] = [];
  let base = baseRevision(rng, story);
  let earlier: Revision | null = null;
  let removed: { at: number; step: Step } | null = null;
  if (rng.chance(0.25)) {
    // An earlier revision with one more step; the base drops it again (its deploy then fails,
    // so the Worker keeps the step).
    earlier = clone(base);
    const config = main(earlier);
    const steps = config.top.migrations!;
    const step: Step = { tag: `v${steps.length + 1}`, new_sqlite_classes: ["Zeta"] };
    steps.push(step);
    config.exports = [...config.exports, "Zeta"];
    removed = { at: steps.length - 1, step };
    base = clone(earlier);
    main(base).top.migrations!.splice(removed.at, 1);
    story.push(`earlier revision had ${step.tag} (creates Zeta); the base removed it`);
  }
  const head = clone(base);
  if (removed && rng.chance(0.7)) {
    const config = main(head);
    config.top.migrations!.splice(removed.at, 0, clone(removed.step));
    config.top.migrations!.push({ tag: `v${config.top.migrations!.length + 1}`, deleted_classes: ["Zeta"] });
    config.exports = [...new Set([...config.exports, "Zeta"])];
    story.push(`head restores ${removed.step.tag} and deletes Zeta`);
  }
  const names = Object.keys(MUTATIONS);
  const count = 1 + rng.int(2);
  for (let i = 0; i < count; i++) MUTATIONS[rng.pick(names)]!(rng, head, story);
  return { seed, story, earlier, base, head };
}

// ---------------------------------------------------------------------------------------------
// Files, deploys and the check.

function configJson(config: Config): string {
  const target = (t: Target) => ({
    ...(t.name ? { name: t.name } : {}),
    ...(t.migrations ? { migrations: t.migrations } : {}),
    ...(t.bindings.length > 0 ? { durable_objects: { bindings: t.bindings } } : {}),
  });
  const value = {
    ...target(config.top),
    main: "src/index.js",
    compatibility_date: "2025-01-01",
    ...(config.env ? { env: { staging: target(config.env) } } : {}),
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}

function files(rev: Revision): Record<string, string> {
  const out: Record<string, string> = {};
  for (const config of rev.configs) {
    const dir = config.file.includes("/") ? `${config.file.slice(0, config.file.lastIndexOf("/"))}/` : "";
    out[config.file] = configJson(config);
    out[`${dir}src/index.js`] = workerSource(config.exports);
  }
  return out;
}

interface DeployTarget {
  config: Config;
  env: string | null;
  name: string;
}

function targets(rev: Revision): DeployTarget[] {
  const out: DeployTarget[] = [];
  // Workers bound through script_name first (u), the way a release orders them.
  const ordered = [...rev.configs].sort((a, b) => Number(b.top.name === "u") - Number(a.top.name === "u"));
  for (const config of ordered) {
    out.push({ config, env: null, name: config.top.name });
    if (config.env)
      out.push({ config, env: "staging", name: config.env.name ?? `${config.top.name}-staging` });
  }
  return out;
}

interface Deployed {
  target: string;
  ok: boolean;
  output: string;
}

async function deployRevision(api: CloudflareApi, rev: Revision): Promise<Deployed[]> {
  const project = await createWorkerProject({ config: "{}", files: files(rev) });
  const out: Deployed[] = [];
  try {
    for (const t of targets(rev)) {
      const args = ["deploy", "--config", join(project.dir, t.config.file)];
      if (t.env) args.push("--env", t.env);
      const run = await runWrangler(args, {
        cwd: project.dir,
        apiBaseUrl: api.apiBaseUrl,
        accountId: SOUNDNESS_ACCOUNT,
        token: SOUNDNESS_TOKEN,
      });
      out.push({
        target: `${t.config.file}${t.env ? ` --env ${t.env}` : ""} (${t.name})`,
        ok: run.exitCode === 0,
        output: (run.stderr.match(/\[code: \d+\]|✘.*$/m) ?? [run.stderr.slice(-300)])[0] ?? "",
      });
    }
  } finally {
    await project.cleanup();
  }
  return out;
}

interface CheckReport {
  risk: string;
  findings: {
    code: string;
    severity: string;
    dataLoss: boolean;
    classes: string[];
    worker: string | null;
    message: string;
  }[];
}

function runCheck(c: SoundnessCase): CheckReport {
  const repo = createGitRepo({ base: files(c.base), head: diffFiles(files(c.base), files(c.head)) });
  try {
    const run = spawnSync(
      NODE_BIN,
      [CLI, "check", "--base", repo.baseSha, "--format", "json", "--fail-on", "never"],
      {
        cwd: repo.dir,
        encoding: "utf8",
        timeout: 60_000,
        env: { PATH: process.env.PATH, HOME: tmpdir(), NO_COLOR: "1", GIT_CEILING_DIRECTORIES: tmpdir() },
      },
    );
    if (run.status !== 0) throw new Error(`check exited ${run.status}: ${run.stderr}`);
    return JSON.parse(run.stdout) as CheckReport;
  } finally {
    repo.cleanup();
  }
}

function diffFiles(
  base: Record<string, string>,
  head: Record<string, string>,
): Record<string, FileSpec | null> {
  const out: Record<string, FileSpec | null> = {};
  for (const [path, text] of Object.entries(head)) if (base[path] !== text) out[path] = text;
  for (const path of Object.keys(base)) if (!(path in head)) out[path] = null;
  return out;
}

export interface CaseResult {
  seed: number;
  story: string[];
  /** Namespaces the head's deploys destroyed with no critical data-loss finding naming them. */
  missed: string[];
  /** Head deploys that failed behind a risk of none or low. */
  unpredictedRejections: string[];
  destroyed: string[];
  risk: string;
  /** Errors or worse reported, while every head deploy succeeded and nothing was destroyed. */
  quietAlarm: boolean;
  headDeploys: Deployed[];
  findings: string[];
}

/**
 * The revision as it was before its first delete, if it has one: a Worker reaches a delete by
 * deploying the steps before it first (a fresh Worker's first deploy cannot delete: 10074).
 */
function beforeFirstDelete(rev: Revision): Revision | null {
  let cut = false;
  const configs = rev.configs.map((config) => {
    const trim = (steps: Step[] | undefined) => {
      if (!steps) return steps;
      const at = steps.findIndex((step) => (step.deleted_classes?.length ?? 0) > 0);
      if (at <= 0) return steps;
      cut = true;
      return steps.slice(0, at);
    };
    const top = { ...config.top, migrations: trim(config.top.migrations) };
    const env = config.env ? { ...config.env, migrations: trim(config.env.migrations) } : null;
    const next = { ...config, top, env };
    return { ...next, exports: [...new Set([...config.exports, ...exportsOf(next)])] };
  });
  return cut ? { configs } : null;
}

/** Runs one case against a fresh account of the stand-in. */
export async function runCase(api: CloudflareApi, c: SoundnessCase): Promise<CaseResult> {
  api.state.accounts.delete(SOUNDNESS_ACCOUNT);
  const first = beforeFirstDelete(c.earlier ?? c.base);
  if (first) await deployRevision(api, first);
  if (c.earlier) await deployRevision(api, c.earlier);
  const baseDeploys = await deployRevision(api, c.base);
  const liveBefore = new Map<string, { worker: string; className: string }>();
  for (const worker of api.state.account(SOUNDNESS_ACCOUNT).workers.values()) {
    for (const ns of worker.namespaces)
      if (ns.state === "live") liveBefore.set(ns.id, { worker: worker.name, className: ns.className });
  }
  const report = runCheck(c);
  const headDeploys = await deployRevision(api, c.head);
  const destroyed: { worker: string; classes: string[] }[] = [];
  for (const worker of api.state.account(SOUNDNESS_ACCOUNT).workers.values()) {
    for (const ns of worker.namespaces) {
      const before = liveBefore.get(ns.id);
      if (before && ns.state === "deleted")
        destroyed.push({ worker: worker.name, classes: [before.className, ns.className] });
    }
  }
  const named = (d: { worker: string; classes: string[] }) =>
    report.findings.some(
      (f) =>
        f.dataLoss &&
        f.severity === "critical" &&
        (f.worker === d.worker || f.worker === null) &&
        f.classes.some((c) => d.classes.includes(c)),
    );
  const missed = destroyed
    .filter((d) => !named(d))
    .map((d) => `${d.worker}: ${[...new Set(d.classes)].join("/")}`);
  // A deploy that failed from the base as well is not this change's doing.
  const failedAtBase = new Set(baseDeploys.filter((d) => !d.ok).map((d) => d.target));
  const failed = headDeploys.filter((d) => !d.ok && !failedAtBase.has(d.target));
  const quiet = report.risk === "none" || report.risk === "low";
  return {
    seed: c.seed,
    story: c.story,
    missed,
    unpredictedRejections: quiet ? failed.map((d) => `${d.target}: ${d.output}`) : [],
    destroyed: destroyed.map((d) => `${d.worker}: ${[...new Set(d.classes)].join("/")}`),
    risk: report.risk,
    quietAlarm:
      (report.risk === "high" || report.risk === "critical") &&
      headDeploys.every((d) => d.ok) &&
      destroyed.length === 0,
    headDeploys,
    findings: report.findings.map((f) => `${f.severity} ${f.code} ${f.worker ?? ""} ${f.classes.join(",")}`),
  };
}

/** A failure message that replays the case: its seed, its story, what was destroyed and said. */
export function describe(result: CaseResult): string {
  return [
    `seed ${result.seed}: ${result.story.join("; ")}`,
    `  destroyed: ${result.destroyed.join(", ") || "nothing"}`,
    `  missed: ${result.missed.join(", ") || "none"}`,
    `  unpredicted rejections: ${result.unpredictedRejections.join(", ") || "none"}`,
    `  risk ${result.risk}; findings: ${result.findings.join(" | ")}`,
    `  head deploys: ${result.headDeploys.map((d) => `${d.target} ${d.ok ? "ok" : `failed ${d.output}`}`).join(" | ")}`,
  ].join("\n");
}

// ---------------------------------------------------------------------------------------------
// The routes to a delete that the check once passed (issue 19), as cases of the same oracle.

const config = (file: string, top: Config["top"], env: Target | null, exports: string[]): Config => ({
  file,
  top,
  env,
  exports,
});

export const ROUTE_CASES: readonly SoundnessCase[] = [
  {
    seed: -1,
    story: [
      "route 1: env staging takes the production Worker's name; its own history deletes a class of that Worker",
    ],
    earlier: null,
    base: {
      configs: [
        config(
          "wrangler.jsonc",
          { name: "w", migrations: [{ tag: "v1", new_sqlite_classes: ["Alpha"] }], bindings: [] },
          { migrations: [{ tag: "v1", new_sqlite_classes: ["Beta"] }], bindings: [] },
          ["Alpha", "Beta"],
        ),
      ],
    },
    head: {
      configs: [
        config(
          "wrangler.jsonc",
          { name: "w", migrations: [{ tag: "v1", new_sqlite_classes: ["Alpha"] }], bindings: [] },
          {
            name: "w",
            migrations: [
              { tag: "v1", new_sqlite_classes: ["Alpha"] },
              { tag: "v2", deleted_classes: ["Alpha"] },
            ],
            bindings: [],
          },
          ["Alpha", "Beta"],
        ),
      ],
    },
  },
  {
    seed: -2,
    story: [
      "route 1: a top level renamed onto another config's Worker, with a fresh history that deletes its class",
    ],
    earlier: null,
    base: {
      configs: [
        config(
          "wrangler.jsonc",
          { name: "w", migrations: [{ tag: "v1", new_sqlite_classes: ["Alpha"] }], bindings: [] },
          null,
          ["Alpha"],
        ),
        config(
          "other/wrangler.jsonc",
          { name: "u", migrations: [{ tag: "v1", new_sqlite_classes: ["Omega"] }], bindings: [] },
          null,
          ["Omega"],
        ),
      ],
    },
    head: {
      configs: [
        config(
          "wrangler.jsonc",
          {
            name: "u",
            migrations: [
              { tag: "v1", new_sqlite_classes: ["Omega"] },
              { tag: "v2", deleted_classes: ["Omega"] },
            ],
            bindings: [],
          },
          null,
          ["Alpha"],
        ),
      ],
    },
  },
  {
    seed: -3,
    story: ["route 1: a second config in the repository deploys the same Worker, its history deleting Alpha"],
    earlier: null,
    base: {
      configs: [
        config(
          "wrangler.jsonc",
          { name: "w", migrations: [{ tag: "v1", new_sqlite_classes: ["Alpha", "Beta"] }], bindings: [] },
          null,
          ["Alpha", "Beta"],
        ),
      ],
    },
    head: {
      configs: [
        config(
          "wrangler.jsonc",
          { name: "w", migrations: [{ tag: "v1", new_sqlite_classes: ["Alpha", "Beta"] }], bindings: [] },
          null,
          ["Alpha", "Beta"],
        ),
        config(
          "copy/wrangler.jsonc",
          {
            name: "w",
            migrations: [
              { tag: "v1", new_sqlite_classes: ["Alpha", "Beta"] },
              { tag: "v2", deleted_classes: ["Alpha"] },
            ],
            bindings: [],
          },
          null,
          ["Beta"],
        ),
      ],
    },
  },
  {
    seed: -4,
    story: ["route 4: the base dropped v2 (which had deployed); the head restores it and deletes its class"],
    earlier: {
      configs: [
        config(
          "wrangler.jsonc",
          {
            name: "w",
            migrations: [
              { tag: "v1", new_sqlite_classes: ["Alpha"] },
              { tag: "v2", new_sqlite_classes: ["Zeta"] },
            ],
            bindings: [],
          },
          null,
          ["Alpha", "Zeta"],
        ),
      ],
    },
    base: {
      configs: [
        config(
          "wrangler.jsonc",
          { name: "w", migrations: [{ tag: "v1", new_sqlite_classes: ["Alpha"] }], bindings: [] },
          null,
          ["Alpha", "Zeta"],
        ),
      ],
    },
    head: {
      configs: [
        config(
          "wrangler.jsonc",
          {
            name: "w",
            migrations: [
              { tag: "v1", new_sqlite_classes: ["Alpha"] },
              { tag: "v2", new_sqlite_classes: ["Zeta"] },
              { tag: "v3", deleted_classes: ["Zeta"] },
            ],
            bindings: [],
          },
          null,
          ["Alpha"],
        ),
      ],
    },
  },
];
