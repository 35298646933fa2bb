import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  SKIPPED_DIRS,
  createSourceReader,
  isWranglerConfigPath,
  listWorkingTreeFiles,
  showToplevel
} from "./chunk-JRYNRPQO.js";
import {
  renderPlanMarkdown,
  renderPlanText
} from "./chunk-67RHFWOW.js";
import {
  getExecOutput
} from "./chunk-FSZB5RRS.js";
import {
  resolveWorkerExports
} from "./chunk-5VPY553I.js";
import {
  ApiBaseUrlError,
  CloudflareApiError,
  createCloudflareClient,
  readLiveAccount
} from "./chunk-EKKJOPUJ.js";
import {
  applyEdits,
  checkConfirmation,
  createScanner,
  findNodeAtLocation,
  isRecord,
  liveStateFor,
  modify,
  parseConfigText,
  parseTree,
  planDeploy,
  plannedFromPlan,
  readWorkers,
  stringify,
  workerProblem
} from "./chunk-DTMEB6LR.js";

// src/adapters/workspace-configs.ts
import { readdir } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
var SKIPPED = new Set(SKIPPED_DIRS);
var MAX_DEPTH = 8;
var MAX_ENTRIES = 5e4;
async function listWorkspaceConfigs(workingDirectory) {
  const cwd = resolve(workingDirectory);
  const top = await showToplevel(cwd).catch(() => null);
  if (top) {
    try {
      const paths = await listWorkingTreeFiles(top, isWranglerConfigPath);
      return { root: top, files: paths.map((p) => join(top, ...p.split("/"))) };
    } catch {
    }
  }
  const files = [];
  let seen = 0;
  async function walk(dir, depth) {
    if (depth > MAX_DEPTH || seen > MAX_ENTRIES) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      seen++;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) await walk(path, depth + 1);
      } else if (entry.isFile() && isWranglerConfigPath(relative(cwd, path).split(sep).join("/"))) {
        files.push(path);
      }
    }
  }
  await walk(cwd, 0);
  return { root: cwd, files: files.sort() };
}

// src/adapters/wrangler.ts
import { access, mkdtemp, readFile, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, isAbsolute, join as join2, resolve as resolve2 } from "node:path";

// src/core/cloudflare-errors.ts
var BINDING_WITHOUT_NAMESPACE = {
  title: "A binding points at a class that has no Durable Object namespace",
  explanation: "The new version binds a Durable Object class that is not (or no longer) configured to implement Durable Objects: no migration or `exports` entry ever created it, or it was deleted.",
  fix: "Add a migration (`new_sqlite_classes`) or an `exports` entry that creates the class, or remove the binding."
};
var EXPLANATIONS = /* @__PURE__ */ new Map([
  [
    10007,
    {
      title: "The Worker does not exist",
      explanation: "The account has no Worker with this name. On a first deploy that is expected; otherwise the name, environment or account is wrong.",
      fix: "Check the Worker `name` (an environment deploys as `<name>-<env>` unless it sets its own name) and the account id."
    }
  ],
  [
    10061,
    {
      title: "A class cannot be deleted while a binding still references it",
      explanation: "The API checks a delete against the bindings that are live right now, not against the version being uploaded. Removing the binding and deleting the class in the same deploy is therefore refused, and so is a delete while another Worker still binds the class through `script_name`.",
      fix: "Deploy in two phases: first remove every binding to the class (in this Worker and in others that use `script_name`) while still exporting the class, then deploy the delete."
    }
  ],
  [
    10064,
    {
      title: "The new code no longer exports a class that has Durable Objects",
      explanation: "A Durable Object namespace exists for the class, so every new version must keep exporting it until a delete has been applied.",
      fix: "Keep exporting the class (a bare stub class is enough) until a `deleted_classes` step (or `exports` state `deleted`) has been deployed."
    }
  ],
  [
    10070,
    {
      title: "A new class is not exported by the code",
      explanation: "A migration creates a Durable Object class that the uploaded main module does not export.",
      fix: "Export the class from the main module, or fix the class name in the migration."
    }
  ],
  [
    10074,
    {
      title: "The migration does not match the Worker's existing classes",
      explanation: "A delete or rename names a class that does not exist or was not exported by the previous version, or a create names a class that already has Durable Objects. A fresh Worker (new environment, preview, renamed Worker) replays the whole history and hits this when an old delete step names a class it never exported.",
      fix: "Compare the migration history with what is deployed; for a fresh Worker, make sure every deleted class was created and exported first, or drop the step for that Worker."
    }
  ],
  [
    10079,
    {
      title: "Someone deployed in between",
      explanation: "The upload said which migration tag it expected to replace (`old_tag`), and the deployed tag is different: another deploy changed it after the plan was made.",
      fix: "Read the live migration tag again, re-plan, and deploy again."
    }
  ],
  [
    10097,
    {
      title: "Free plans need SQLite-backed Durable Objects",
      explanation: "On a free plan a Durable Object namespace must be created with `new_sqlite_classes`.",
      fix: 'Use `new_sqlite_classes` (or `storage: "sqlite"` in `exports`) instead of `new_classes`.'
    }
  ],
  [
    10211,
    {
      title: "Migrations cannot be applied by a version upload",
      explanation: "A version uploaded with `wrangler versions upload` cannot carry a Durable Object migration.",
      fix: "Apply the migration with `wrangler deploy`, then go back to version uploads."
    }
  ],
  [
    100402,
    {
      title: "Durable Object `exports` reconciliation failed",
      explanation: "The API could not reconcile the declared `exports` with the Worker's existing Durable Object classes (for example a delete while bindings remain, or a live class left out of the map).",
      fix: "Read the per-class reasons in the error, fix the `exports` entries, and deploy again."
    }
  ],
  [
    100403,
    {
      title: "This Worker cannot go back from `exports` to `migrations`",
      explanation: "Once a Worker has been deployed with declarative `exports`, the API refuses uploads with `migrations`.",
      fix: "Keep declaring the Durable Objects in `exports`."
    }
  ],
  [
    100405,
    {
      title: "Versions in one deployment declare different `exports`",
      explanation: "All versions in a split (gradual) deployment must declare identical `exports`.",
      fix: "Deploy the new version at 100% (`wrangler versions deploy <id>@100%`), or make the `exports` identical."
    }
  ],
  [
    100406,
    {
      title: "A binding references an `exports` class that is not provisioned yet",
      explanation: "Declarative `exports` are reconciled when a version is deployed, so an uploaded (not yet deployed) version cannot bind a class that only that version creates.",
      fix: "Deploy the version to provision the class, or remove the binding until it is provisioned."
    }
  ]
]);
var EXPLAINED_CLOUDFLARE_ERROR_CODES = [...EXPLANATIONS.keys()];
function explainCloudflareError(code2, message) {
  if (code2 === 10061 && message !== void 0 && /cannot create binding/i.test(message)) {
    return { code: code2, ...BINDING_WITHOUT_NAMESPACE };
  }
  const entry = EXPLANATIONS.get(code2);
  return entry ? { code: code2, ...entry } : void 0;
}

// src/adapters/wrangler.ts
var STRIPPED_ENV = [
  "CLOUDFLARE_API_TOKEN",
  "CLOUDFLARE_API_KEY",
  "CLOUDFLARE_EMAIL",
  "CLOUDFLARE_ACCOUNT_ID",
  "CLOUDFLARE_API_BASE_URL",
  "CLOUDFLARE_ENV",
  "WRANGLER_OUTPUT_FILE_PATH",
  "WRANGLER_OUTPUT_FILE_DIRECTORY"
];
var ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;
function stripAnsi(text) {
  return text.replace(ANSI, "");
}
function parseWranglerOutput(text) {
  const records = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const value = JSON.parse(line);
      if (typeof value === "object" && value !== null && typeof value.type === "string") {
        records.push(value);
      }
    } catch {
    }
  }
  return records;
}
var EXPORTS_RECONCILIATION_PREFIX = "Durable Object exports reconciliation failed";
function extractWranglerError(records, output, exitCode) {
  const text = stripAnsi(output);
  const failed = [...records].reverse().find((r) => r.type === "command-failed");
  let code2 = typeof failed?.code === "number" ? failed.code : void 0;
  const recordMessage = typeof failed?.message === "string" ? failed.message.trim() : "";
  const codeLines = [...text.matchAll(/^[ \t]*(.*?)\s*\[code: (\d+)\]\s*$/gm)];
  const line = codeLines.find((m) => code2 === void 0 || Number(m[2]) === code2) ?? codeLines[0];
  if (code2 === void 0 && line) code2 = Number(line[2]);
  if (code2 === void 0 && recordMessage.startsWith(EXPORTS_RECONCILIATION_PREFIX)) code2 = 100402;
  let message = line?.[1]?.trim() ?? "";
  if (message === "") message = recordMessage;
  if (message === "") {
    const errorLine = /^\s*✘\s*\[ERROR\]\s*(.+)$/m.exec(text);
    message = errorLine?.[1]?.trim() ?? "";
  }
  if (message === "") message = `wrangler exited with code ${exitCode}`;
  return code2 === void 0 ? { message } : { code: code2, message };
}
async function resolveWranglerCommand(wranglerBin, cwd = process.cwd()) {
  if (typeof wranglerBin !== "string") {
    if (wranglerBin.length === 0 || !wranglerBin[0]) throw new Error("wranglerBin: empty command");
    return [...wranglerBin];
  }
  const bin = !isAbsolute(wranglerBin) && wranglerBin.includes("/") ? resolve2(cwd, wranglerBin) : wranglerBin;
  const real = await realpath(bin).catch(() => bin);
  return /\.(?:c|m)?js$/.test(real) ? [process.execPath, real] : [bin];
}
async function findWrangler(cwd) {
  let dir = resolve2(cwd);
  for (; ; ) {
    const candidate = join2(dir, "node_modules", ".bin", "wrangler");
    try {
      await access(candidate);
      return candidate;
    } catch {
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
function quoteForExec(tool) {
  return `"${tool.replaceAll('"', '\\"')}"`;
}
async function runWranglerDeploy(options) {
  const args = ["deploy", "--config", options.configPath];
  if (options.env !== null) args.push("--env", options.env);
  const ownTemp = options.outputFile === void 0 ? await mkdtemp(join2(tmpdir(), "do-migrate-wrangler-")) : null;
  const outputFile = options.outputFile ?? join2(ownTemp, "output.ndjson");
  await writeFile(outputFile, "");
  const env = {};
  for (const [key, value] of Object.entries(options.baseEnv ?? process.env)) {
    if (value !== void 0 && !STRIPPED_ENV.includes(key)) env[key] = value;
  }
  for (const [key, value] of Object.entries(options.extraEnv ?? {})) {
    if (!STRIPPED_ENV.includes(key)) env[key] = value;
  }
  env.CLOUDFLARE_API_TOKEN = options.token;
  env.CLOUDFLARE_ACCOUNT_ID = options.accountId;
  if (options.apiBaseUrl !== void 0) env.CLOUDFLARE_API_BASE_URL = options.apiBaseUrl;
  env.WRANGLER_OUTPUT_FILE_PATH = outputFile;
  const scrub = (text) => options.token ? text.split(options.token).join("***") : text;
  const notStarted = (message) => ({
    ok: false,
    exitCode: -1,
    records: [],
    stdout: "",
    stderr: "",
    error: { message }
  });
  try {
    let command;
    try {
      command = await resolveWranglerCommand(options.wranglerBin, options.cwd);
    } catch (err) {
      return notStarted(err.message);
    }
    const [tool, ...prefix] = command;
    let exitCode;
    let stdout;
    let stderr;
    try {
      ({ exitCode, stdout, stderr } = await getExecOutput(quoteForExec(tool), [...prefix, ...args], {
        cwd: options.cwd,
        env,
        ignoreReturnCode: true,
        silent: options.silent ?? false
      }));
    } catch (err) {
      return notStarted(scrub(`could not start wrangler: ${err.message}`));
    }
    stdout = scrub(stdout);
    stderr = scrub(stderr);
    const records = parseWranglerOutput(scrub(await readFile(outputFile, "utf8").catch(() => "")));
    const deployRecord = records.find((r) => r.type === "deploy");
    const failed = records.some((r) => r.type === "command-failed");
    const ok = exitCode === 0 && !failed;
    const result = { ok, exitCode, records, stdout, stderr };
    if (typeof deployRecord?.version_id === "string") result.versionId = deployRecord.version_id;
    if (!ok) result.error = extractWranglerError(records, `${stderr}
${stdout}`, exitCode);
    return result;
  } finally {
    if (ownTemp !== null) await rm(ownTemp, { recursive: true, force: true });
  }
}

// src/adapters/wrangler-install.ts
import { readFile as readFile2 } from "node:fs/promises";
import { dirname as dirname2, join as join3, resolve as resolve3 } from "node:path";

// src/adapters/paths.ts
import { access as access2 } from "node:fs/promises";
async function pathExists(path) {
  try {
    await access2(path);
    return true;
  } catch {
    return false;
  }
}

// src/adapters/wrangler-install.ts
var LOCKFILES = [
  ["pnpm-lock.yaml", "pnpm"],
  ["yarn.lock", "yarn"],
  ["bun.lock", "bun"],
  ["bun.lockb", "bun"],
  ["package-lock.json", "npm"],
  ["npm-shrinkwrap.json", "npm"]
];
function packageManagerFor(lockfiles) {
  for (const [file, manager] of LOCKFILES) if (lockfiles.includes(file)) return manager;
  return "npm";
}
function installCommand(manager, spec) {
  const pkg = `wrangler@${spec}`;
  switch (manager) {
    case "pnpm":
      return ["pnpm", ["add", "--save-dev", pkg]];
    case "yarn":
      return ["yarn", ["add", "--dev", pkg]];
    case "bun":
      return ["bun", ["add", "--dev", pkg]];
    default:
      return ["npm", ["install", "--no-save", "--no-audit", "--no-fund", pkg]];
  }
}
function exactVersion(spec) {
  const m = /^v?(\d+\.\d+\.\d+(?:[-+][\w.-]+)?)$/.exec(spec.trim());
  return m ? m[1] : null;
}
async function findLockfiles(dir) {
  let current = resolve3(dir);
  for (; ; ) {
    const found = [];
    for (const [file] of LOCKFILES) if (await pathExists(join3(current, file))) found.push(file);
    if (found.length > 0) return { dir: current, files: found };
    const parent = dirname2(current);
    if (parent === current) return null;
    current = parent;
  }
}
async function installedWranglerVersion(bin) {
  const pkg = join3(dirname2(dirname2(bin)), "wrangler", "package.json");
  try {
    const value = JSON.parse(await readFile2(pkg, "utf8"));
    return typeof value.version === "string" ? value.version : null;
  } catch {
    return null;
  }
}
async function resolveWrangler(options) {
  const installed = await findWrangler(options.workingDirectory);
  const wanted = options.version ? exactVersion(options.version) : null;
  if (installed) {
    const have = await installedWranglerVersion(installed);
    if (options.version === null || wanted === null || have === wanted) {
      options.log.info(`Using the project's wrangler${have ? ` ${have}` : ""} (${installed}).`);
      return installed;
    }
    options.log.info(`The project has wrangler ${have ?? "(unknown version)"}; installing ${wanted}.`);
  }
  const lock = await findLockfiles(options.workingDirectory);
  const manager = packageManagerFor(lock?.files ?? []);
  const cwd = lock?.dir ?? resolve3(options.workingDirectory);
  const [tool, args] = installCommand(manager, options.version ?? "4");
  options.log.info(`Installing wrangler: ${tool} ${args.join(" ")} (in ${cwd})`);
  const result = await getExecOutput(tool, args, {
    cwd,
    ignoreReturnCode: true,
    silent: true,
    ...options.env ? { env: options.env } : {}
  }).catch((error) => ({
    exitCode: -1,
    stdout: "",
    stderr: error.message
  }));
  if (result.exitCode !== 0) {
    const tail = `${result.stderr}
${result.stdout}`.trim().split("\n").slice(-5).join("\n");
    throw new Error(`Installing wrangler with ${tool} failed (exit code ${result.exitCode}): ${tail}`);
  }
  const after = await findWrangler(options.workingDirectory) ?? await findWrangler(cwd);
  if (!after)
    throw new Error(`Installed wrangler with ${tool}, but node_modules/.bin/wrangler is not there.`);
  return after;
}

// src/deploy/adapters.ts
function createDeployAdapters(options) {
  return {
    log: options.log,
    cloudflare: (accountId) => createCloudflareClient({
      accountId,
      token: options.token,
      ...options.apiBaseUrl ? { apiBaseUrl: options.apiBaseUrl } : {}
    }),
    deploy: runWranglerDeploy,
    resolveWrangler: async (workingDirectory, version) => options.wranglerBin ?? await resolveWrangler({
      workingDirectory,
      version,
      log: options.log,
      ...options.installEnv ? { env: options.installEnv } : {}
    }),
    listConfigs: listWorkspaceConfigs,
    sourceReader: (root) => createSourceReader(root)
  };
}

// src/deploy/two-phase.ts
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { readFile as readFile3, rm as rm2, writeFile as writeFile2 } from "node:fs/promises";
import { basename, dirname as dirname3, isAbsolute as isAbsolute2, join as join4, relative as relative2, resolve as resolve4, sep as sep2 } from "node:path";

// src/core/plan/decide.ts
function blockingRefusals(plan, run2) {
  return plan.refusals.filter((r) => run2 !== "1" || r.reason !== "other-worker-binds");
}
function decideRun(plan, worker, requested, confirmed) {
  if (requested === "plan") return { kind: "plan" };
  const doomed = plan.doomed.join(", ");
  const run2 = requested === "auto" ? plan.next === "1" || plan.next === "2" ? plan.next : "normal" : requested;
  if (run2 === "normal") return deployUnlessBlocked(plan, "normal");
  if (run2 === "1") {
    if (plan.next === "1") return deployUnlessBlocked(plan, "1");
    if (plan.next === "2") {
      return {
        kind: "skip",
        message: `Phase 1 has landed for ${plan.worker}: nothing live binds ${doomed} any more. Next: phase 2, with confirm-data-loss set to exactly: ${plan.doomed.join(",")}`
      };
    }
    return refuse({
      reason: "phase-1-not-needed",
      message: `No pending change destroys a Durable Object class of ${plan.worker}: there is no phase 1 to run.`,
      fix: "Run with phase auto for a normal deploy; if a delete was expected, check that the branch deployed carries it."
    });
  }
  if (plan.next === "1") {
    const holders = plan.blockingBindings.filter((b) => b.worker === plan.worker).map((b) => `${b.binding} (${b.className})`).join(", ");
    return refuse({
      reason: "phase-1-not-landed",
      message: `Phase 1 has not landed: ${plan.worker} still binds ${holders} live, so the delete would be rejected (code 10061).`,
      fix: "Run phase 1 first (phase 1, or auto), then phase 2."
    });
  }
  if (plan.next !== "2") {
    if (deletesApplied(plan, worker)) {
      return {
        kind: "skip",
        message: `Phase 2 has already applied for ${plan.worker}: the config's deletes are live (migration tag ${plan.liveTag ?? "none"}) and nothing is left to destroy.`
      };
    }
    return refuse({
      reason: "nothing-to-destroy",
      message: `No pending change destroys a Durable Object class of ${plan.worker}: phase 2 has nothing to do.`,
      fix: "Run with phase auto for a normal deploy; if a delete was expected, check that the branch deployed carries it."
    });
  }
  const blocked = blockingRefusals(plan, "2");
  if (blocked.length > 0) return { kind: "refuse", refusals: blocked };
  const confirmation = checkConfirmation(plan, confirmed);
  if (confirmation) return refuse(confirmation);
  return { kind: "deploy", run: "2" };
}
function deployUnlessBlocked(plan, run2) {
  const blocked = blockingRefusals(plan, run2);
  return blocked.length > 0 ? { kind: "refuse", refusals: blocked } : { kind: "deploy", run: run2 };
}
function refuse(refusal) {
  return { kind: "refuse", refusals: [refusal] };
}
function deletesApplied(plan, worker) {
  if (plan.doomed.length > 0 || plan.refusals.length > 0) return false;
  const lifecycle = worker.lifecycle;
  if (lifecycle.model === "migrations") {
    return plan.next === "none" && lifecycle.steps.some((s) => s.ops.some((op) => op.type === "delete"));
  }
  if (lifecycle.model === "exports") return lifecycle.entries.some((e) => e.state === "deleted");
  return false;
}
function nextPhaseOutput(plan) {
  return plan.next === "1" || plan.next === "2" ? plan.next : "none";
}

// src/core/plan/derive-config.ts
function derivePhase1Config(file, text, worker, plan, options = {}) {
  const parsed = parseConfigText(file, text);
  if (!parsed.ok) throw new Error(`${file} does not parse: ${parsed.message}`);
  const value = parsed.value;
  const unbound = new Set(plan.phase1Unbound);
  const scope = worker.env === null ? [] : ["env", worker.env];
  const changes = [];
  const scopeValue = worker.env === null ? value : value.env[worker.env];
  const bindings = scopeValue.durable_objects?.bindings;
  if (Array.isArray(bindings)) {
    bindings.forEach((binding, index) => {
      if (!isRecord(binding) || typeof binding.class_name !== "string") return;
      const script = binding.script_name;
      const local = script === void 0 || script === null || script === "" || script === plan.worker;
      if (local && unbound.has(binding.class_name)) {
        changes.push({ path: [...scope, "durable_objects", "bindings", index], value: void 0 });
      }
    });
  }
  const lifecycleScope = worker.ownsLifecycle ? scope : [];
  const lifecycleValue = worker.ownsLifecycle ? scopeValue : value;
  if (plan.model === "migrations" && Array.isArray(lifecycleValue.migrations)) {
    const steps = lifecycleValue.migrations;
    const keep = plan.phase1Tag === null ? 0 : steps.findIndex((s) => isRecord(s) && s.tag === plan.phase1Tag) + 1;
    for (let i = keep; i < steps.length; i++)
      changes.push({ path: [...lifecycleScope, "migrations", i], value: void 0 });
  }
  if (plan.model === "exports") {
    for (const className of plan.doomed) {
      const storage = options.liveStorage?.get(className) ?? "sqlite";
      changes.push({
        path: [...lifecycleScope, "exports", className],
        value: { type: "durable-object", storage: storage === "kv" ? "legacy-kv" : "sqlite" }
      });
    }
  }
  if (options.main !== void 0) {
    const mainScope = typeof scopeValue.main === "string" ? scope : [];
    changes.push({ path: [...mainScope, "main"], value: options.main });
  }
  return parsed.format === "jsonc" ? editJsonc(text, changes) : editToml(value, changes);
}
function editJsonc(text, changes) {
  const ordered = [...changes].sort((a, b) => comparePaths(b.path, a.path));
  let out = text;
  for (const change of ordered) {
    if (change.value === void 0 && typeof change.path[change.path.length - 1] === "number") {
      out = removeArrayElement(out, change.path);
    } else {
      out = applyEdits(out, modify(out, change.path, change.value, {}));
    }
  }
  return out;
}
var COMMA = 5;
var SKIPPED_TOKENS = /* @__PURE__ */ new Set([12, 13, 14, 15]);
function removeArrayElement(text, path) {
  const tree = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const node = tree ? findNodeAtLocation(tree, path) : void 0;
  if (!node) return text;
  let start = node.offset;
  let end = node.offset + node.length;
  const scanner = createScanner(text, false);
  scanner.setPosition(end);
  for (; ; ) {
    const token = scanner.scan();
    if (token === COMMA) {
      end = scanner.getTokenOffset() + scanner.getTokenLength();
      break;
    }
    if (!SKIPPED_TOKENS.has(token)) break;
  }
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const newline = text.indexOf("\n", end);
  const lineEnd = newline < 0 ? text.length : newline + 1;
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd);
  if (before.trim() === "" && /^\s*(\/\/.*|\/\*[^\n]*?\*\/\s*)?\r?\n?$/.test(after)) {
    start = lineStart;
    end = lineEnd;
  }
  return text.slice(0, start) + text.slice(end);
}
function editToml(value, changes) {
  const copy = structuredClone(value);
  for (const change of [...changes].sort((a, b) => comparePaths(b.path, a.path))) {
    const parent = change.path.slice(0, -1).reduce((node, key2) => node?.[key2], copy);
    const key = change.path[change.path.length - 1];
    if (Array.isArray(parent) && typeof key === "number") {
      if (change.value === void 0) parent.splice(key, 1);
      else parent[key] = change.value;
    } else if (isRecord(parent)) {
      if (change.value === void 0) delete parent[key];
      else parent[key] = change.value;
    }
  }
  return `# Generated by do-migrate-action for phase 1 of a two-phase deploy. Do not commit.
${stringify(copy)}
`;
}
function comparePaths(a, b) {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    return String(x).localeCompare(String(y));
  }
  return a.length - b.length;
}
function standInEntryModule(entry, classes, options = {}) {
  const specifier = JSON.stringify(entry.startsWith(".") ? entry : `./${entry}`);
  const stubs = classes.filter((name) => STAND_IN_NAME.test(name) && !RESERVED.has(name)).map((name) => `export class ${name} extends DurableObject {}`);
  return [
    "// Generated by do-migrate-action for phase 1 of a two-phase deploy. Do not commit.",
    'import { DurableObject } from "cloudflare:workers";',
    `export * from ${specifier};`,
    // `export *` never re-exports `default`; without a default export there is none to forward.
    ...options.hasDefault === false ? [] : [`export { default } from ${specifier};`],
    ...stubs,
    ""
  ].join("\n");
}
var STAND_IN_NAME = /^[A-Za-z_$][\w$]*$/;
var RESERVED = /* @__PURE__ */ new Set(["default", "DurableObject"]);
function canStandIn(name) {
  return STAND_IN_NAME.test(name) && !RESERVED.has(name);
}

// src/core/plan/render-plan.ts
var RUN_LABEL = {
  "1": "phase 1 (bindings removed, delete held back)",
  "2": "phase 2 (the delete)",
  normal: "a normal deploy"
};
var NEXT_LABEL = {
  none: "nothing pending",
  deploy: "a normal deploy",
  "1": "phase 1",
  "2": "phase 2"
};
function code(text) {
  const clean = text.replace(/[\r\n]+/g, " ");
  const fence = clean.includes("`") ? "``" : "`";
  return `${fence}${clean.includes("`") ? ` ${clean} ` : clean}${fence}`;
}
function cell(text) {
  return text.replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ");
}
function envText(env) {
  return env === null ? "top level" : `env ${env}`;
}
function tagText(tag) {
  return tag === null ? "none" : tag;
}
function bindingsText(report) {
  const bindings = report.after?.blockingBindings ?? report.plan.blockingBindings;
  if (bindings.length === 0) return "none";
  return bindings.map((b) => `${b.worker}: ${b.binding} -> ${b.className}`).join("; ");
}
function confirmationLine(plan) {
  return plan.doomed.join(",");
}
function renderDeployMarkdown(report) {
  const { plan } = report;
  const lines = [];
  lines.push(`### Durable Object deploy: ${code(plan.worker)} (${envText(plan.env)})`, "");
  const icon = report.outcome === "failed" || report.outcome === "refused" ? ":x:" : report.outcome === "deployed" ? ":white_check_mark:" : ":information_source:";
  lines.push(`${icon} **${cell(report.headline)}**`, "");
  lines.push(
    renderPlanMarkdown([plannedFromPlan(plan, report.configFile)], { heading: "Plan", level: 4 }),
    ""
  );
  const rows = [
    ["Config", code(report.configFile)],
    ["Phase asked for", code(report.requested)],
    ["Lifecycle model", plan.model],
    [
      "Live migration tag",
      report.after && report.after.liveTag !== plan.liveTag ? `${code(tagText(plan.liveTag))} \u2192 ${code(tagText(report.after.liveTag))}` : code(tagText(report.after?.liveTag ?? plan.liveTag))
    ]
  ];
  if (plan.model === "migrations") {
    rows.push(["Config ends at", code(tagText(plan.targetTag))]);
    rows.push([
      "Pending migrations",
      plan.pendingTags.length ? plan.pendingTags.map(code).join(", ") : "none"
    ]);
  }
  rows.push([
    "Destroys (all objects and storage)",
    plan.doomed.length ? plan.doomed.map((c) => `**${code(c)}**`).join(", ") : "nothing"
  ]);
  if (plan.doomed.length) rows.push(["Live bindings to them", cell(bindingsText(report))]);
  if (report.ran) rows.push(["Ran", RUN_LABEL[report.ran]]);
  rows.push(["Next", NEXT_LABEL[report.after?.next ?? plan.next]]);
  lines.push("| | |", "|---|---|", ...rows.map(([k, v]) => `| ${k} | ${v} |`), "");
  if (report.standIns.length > 0) {
    lines.push(
      "> [!NOTE]",
      `> Phase 1 supplied a minimal stand-in export for ${report.standIns.map(code).join(", ")}: the code no longer exports ${report.standIns.length === 1 ? "it" : "them"}, and Cloudflare refuses a version that drops a class with live objects (code 10064) until the delete has applied. The stand-in was a temporary file, removed after the deploy.`,
      ""
    );
  }
  const next = report.after?.next ?? plan.next;
  if (next === "2" && plan.doomed.length > 0) {
    lines.push(
      "> [!CAUTION]",
      `> Phase 2 destroys every object of ${plan.doomed.map(code).join(", ")} in ${code(plan.worker)}, with all their storage, irreversibly. To run it, set \`confirm-data-loss\` to exactly: ${code(confirmationLine(plan))}`,
      ""
    );
  }
  if (report.problems.length > 0) {
    const heading = report.outcome === "failed" ? "What went wrong" : report.outcome === "planned" ? "What stops the deploy" : "Why nothing was deployed";
    lines.push(`#### ${heading}`, "");
    for (const p of report.problems) lines.push(`- ${cell(p.message)}`, `  **Fix:** ${cell(p.fix)}`);
    lines.push("");
  }
  if (report.notes.length > 0) {
    lines.push("#### Notes", "", ...report.notes.map((n) => `- ${cell(n)}`), "");
  }
  return `${lines.join("\n")}
`;
}
function renderDeployText(report) {
  const { plan } = report;
  const lines = [];
  lines.push(`Durable Object deploy: ${plan.worker} (${envText(plan.env)}), config ${report.configFile}`);
  lines.push(`  ${report.headline}`);
  for (const line of renderPlanText([plannedFromPlan(plan, report.configFile)])) lines.push(`  ${line}`);
  const liveTag = report.after && report.after.liveTag !== plan.liveTag ? `${tagText(plan.liveTag)} -> ${tagText(report.after.liveTag)}` : tagText(report.after?.liveTag ?? plan.liveTag);
  lines.push(`  phase asked for:    ${report.requested}`);
  lines.push(`  lifecycle model:    ${plan.model}`);
  lines.push(`  live migration tag: ${liveTag}`);
  if (plan.model === "migrations") {
    lines.push(`  config ends at:     ${tagText(plan.targetTag)}`);
    lines.push(`  pending migrations: ${plan.pendingTags.length ? plan.pendingTags.join(", ") : "none"}`);
  }
  lines.push(`  destroys:           ${plan.doomed.length ? plan.doomed.join(", ") : "nothing"}`);
  if (plan.doomed.length) lines.push(`  live bindings:      ${bindingsText(report)}`);
  if (report.ran) lines.push(`  ran:                ${RUN_LABEL[report.ran]}`);
  lines.push(`  next:               ${NEXT_LABEL[report.after?.next ?? plan.next]}`);
  if (report.standIns.length > 0) {
    lines.push(
      `  stand-in export supplied for ${report.standIns.join(", ")} (the code no longer exports ${report.standIns.length === 1 ? "it" : "them"}).`
    );
  }
  const next = report.after?.next ?? plan.next;
  if (next === "2" && plan.doomed.length > 0) {
    lines.push(
      `  Phase 2 destroys every object of ${plan.doomed.join(", ")}, irreversibly. To run it, confirm exactly: ${confirmationLine(plan)}`
    );
  }
  for (const p of report.problems) lines.push(`  ${p.message}`, `    fix: ${p.fix}`);
  for (const n of report.notes) lines.push(`  note: ${n}`);
  return `${lines.join("\n")}
`;
}

// src/deploy/two-phase.ts
var DeployError = class extends Error {
  fix;
  constructor(message, fix) {
    super(message);
    this.name = "DeployError";
    this.fix = fix;
  }
};
var CONFIG_NAMES = ["wrangler.json", "wrangler.jsonc", "wrangler.toml"];
var TEMP_PREFIX = ".do-migrate-phase1.";
var MAX_OTHER_WORKERS = 50;
async function runTwoPhaseDeploy(request, adapters) {
  const scrub = (text) => request.token.length > 0 ? text.split(request.token).join("***") : text;
  const log = {
    info: (m) => adapters.log.info(scrub(m)),
    warning: (m) => adapters.log.warning(scrub(m))
  };
  try {
    return await run(request, adapters, log, scrub);
  } catch (error) {
    if (error instanceof DeployError) return early(scrub(error.message), scrub(error.fix));
    if (error instanceof ApiBaseUrlError) {
      return early(
        error.message,
        "Point CLOUDFLARE_API_BASE_URL at the https:// API (or unset it): nothing was deployed."
      );
    }
    if (error instanceof CloudflareApiError) {
      const explained = error.code !== null ? explainCloudflareError(error.code, error.message) : void 0;
      return early(
        scrub(
          `Reading the live state from the Cloudflare API failed: ${error.message}${explained ? ` (${explained.title})` : ""}`
        ),
        explained?.fix ?? (error.status === 401 || error.status === 403 ? "Check the API token (it needs Workers Scripts read/edit) and the account ID." : "Check the account ID, the token and the network, then re-run: nothing was deployed.")
      );
    }
    throw error;
  }
}
function early(message, fix) {
  return {
    ok: false,
    outcome: "failed",
    phase: "none",
    deployed: null,
    nextPhase: "none",
    migrationTag: null,
    deletedClasses: [],
    standIns: [],
    message: `${message} ${fix}`,
    report: null,
    markdown: `### Durable Object deploy

:x: **${message.replace(/[\r\n]+/g, " ")}**

**Fix:** ${fix}
`,
    text: `do-migrate deploy: ${message}
  fix: ${fix}
`
  };
}
async function run(request, adapters, log, scrub) {
  const target = await loadTarget(request, log);
  const { worker } = target;
  const configLabel = relative2(target.workingDirectory, target.configPath) || basename(target.configPath);
  log.info(
    `Config: ${configLabel}; Worker ${worker.name} (${worker.env === null ? "top level" : `env ${worker.env}`}).`
  );
  const client = adapters.cloudflare(target.accountId);
  const workspace = await adapters.listConfigs(target.workingDirectory);
  const repository = repositoryWorkers(workspace.files, target, log);
  const notes = [];
  const before = await readLiveState(client, worker, repository, log, notes);
  const plan = planDeploy(worker, before);
  const decision = decideRun(plan, worker, request.phase, request.confirmDataLoss);
  if (repository.others.length > 0) {
    notes.unshift(
      `Other Workers of the repository checked for bindings to ${worker.name}: ${repository.others.join(", ")}.`
    );
  }
  const finish = (fields) => {
    const afterPlan = fields.after?.plan ?? null;
    const report = {
      configFile: configLabel,
      requested: request.phase,
      plan,
      outcome: fields.outcome,
      ran: fields.ran,
      headline: scrub(fields.headline),
      problems: fields.problems.map((p) => ({ message: scrub(p.message), fix: scrub(p.fix) })),
      standIns: fields.standIns ?? [],
      after: afterPlan ? {
        liveTag: fields.after?.liveTag ?? null,
        next: afterPlan.next,
        blockingBindings: afterPlan.blockingBindings
      } : null,
      notes: notes.map(scrub)
    };
    const deployedOk = fields.deployedOk === true;
    const ok = fields.outcome !== "refused" && fields.outcome !== "failed";
    const nextPhase = afterPlan ? nextPhaseOutput(afterPlan) : deployedOk && fields.ran === "1" ? "2" : deployedOk ? "none" : nextPhaseOutput(plan);
    const destroyed = deployedOk && fields.ran === "2" ? plan.doomed : (afterPlan ?? plan).doomed;
    return {
      ok,
      outcome: fields.outcome,
      phase: deployedOk && (fields.ran === "1" || fields.ran === "2") ? fields.ran : "none",
      deployed: deployedOk ? fields.ran : null,
      nextPhase,
      migrationTag: fields.after ? fields.after.liveTag : plan.liveTag,
      deletedClasses: destroyed.map((c) => ({ worker: plan.worker, env: plan.env, class: c })),
      standIns: report.standIns,
      message: ok ? null : report.problems.map((p) => `${p.message} ${p.fix}`).join("\n"),
      report,
      markdown: renderDeployMarkdown(report),
      text: renderDeployText(report)
    };
  };
  if (decision.kind === "plan") {
    return finish({
      outcome: "planned",
      ran: null,
      headline: `Plan only: nothing was deployed. Next: ${describeNext(plan)}.`,
      problems: [...plan.refusals]
    });
  }
  if (decision.kind === "refuse") {
    return finish({
      outcome: "refused",
      ran: null,
      headline: "Refused: nothing was deployed.",
      problems: [...decision.refusals]
    });
  }
  if (decision.kind === "skip") {
    return finish({ outcome: "skipped", ran: null, headline: decision.message, problems: [] });
  }
  const runKind = decision.run;
  log.info(
    `${runKind === "normal" ? "Normal deploy" : `Phase ${runKind}`} of ${worker.name}: ${planSentence(plan)}`
  );
  let wranglerBin;
  try {
    wranglerBin = await adapters.resolveWrangler(target.workingDirectory, request.wranglerVersion);
  } catch (error) {
    return finish({
      outcome: "failed",
      ran: runKind,
      headline: "No wrangler to deploy with: nothing was deployed.",
      problems: [
        {
          message: scrub(error.message),
          fix: "Add wrangler to the project's devDependencies (and install them before this step), or set wrangler-version."
        }
      ]
    });
  }
  const deployWith = (configPath) => {
    log.info(
      `Running: wrangler deploy --config ${relative2(target.workingDirectory, configPath)}${worker.env === null ? "" : ` --env ${worker.env}`}`
    );
    const options = {
      wranglerBin,
      cwd: target.workingDirectory,
      configPath,
      env: worker.env,
      accountId: target.accountId,
      token: request.token,
      silent: request.silent ?? false
    };
    if (request.apiBaseUrl !== void 0) options.apiBaseUrl = request.apiBaseUrl;
    if (request.baseEnv !== void 0) options.baseEnv = request.baseEnv;
    return adapters.deploy(options);
  };
  let standIns = [];
  let result;
  if (runKind === "1") {
    const phase1 = await preparePhase1(target, plan, before, workspace.root, adapters, log);
    standIns = phase1.standIns;
    notes.push(...phase1.notes);
    try {
      result = await deployWith(phase1.configPath);
    } finally {
      await phase1.cleanup();
    }
  } else {
    result = await deployWith(target.configPath);
  }
  let after = null;
  try {
    const live = await readLiveState(client, worker, repository, log, []);
    after = { plan: planDeploy(worker, live), liveTag: live.exists ? live.migrationTag : null };
  } catch (error) {
    log.warning(`Could not read the live state again after the deploy: ${error.message}`);
  }
  const what = runKind === "normal" ? "The deploy" : `Phase ${runKind}`;
  const finished = result.ok && (result.records.length === 0 || result.records.some((r) => r.type === "deploy"));
  if (!finished) {
    const problem = result.ok ? {
      headline: `${what} did not finish: wrangler stopped without reporting a deploy.`,
      message: "wrangler exited without its `deploy` record (was it killed?). The live state above shows what landed.",
      fix: "Re-run: the deploy plans again from the live state and resumes."
    } : explainFailure(result, worker.name, what);
    return finish({
      outcome: "failed",
      ran: runKind,
      headline: problem.headline,
      problems: [{ message: problem.message, fix: problem.fix }],
      standIns,
      after
    });
  }
  if (after && runKind === "1" && after.plan.next === "1") {
    notes.push(
      `Phase 1 deployed, but ${worker.name} still binds ${after.plan.blockingBindings.map((b) => b.className).join(", ")} live (a gradual deployment still serving an older version?). Phase 2 waits until no live version binds them.`
    );
  }
  const headline = runKind === "1" ? `Phase 1 deployed: ${worker.name} no longer binds ${plan.doomed.join(", ")}; the delete is held back. Next: phase 2.` : runKind === "2" ? `Phase 2 deployed: ${plan.doomed.join(", ")} ${plan.doomed.length === 1 ? "was" : "were"} deleted with all ${plan.doomed.length === 1 ? "its" : "their"} objects.` : `Deployed ${worker.name}${plan.pendingTags.length ? ` (migrations ${plan.pendingTags.join(", ")})` : ""}.`;
  return finish({
    outcome: "deployed",
    ran: runKind,
    headline,
    problems: [],
    standIns,
    after,
    deployedOk: true
  });
}
function describeNext(plan) {
  switch (plan.next) {
    case "1":
      return "phase 1";
    case "2":
      return "phase 2";
    case "deploy":
      return "a normal deploy";
    default:
      return "nothing pending (a normal deploy)";
  }
}
function planSentence(plan) {
  if (plan.doomed.length === 0) return "no Durable Object class is destroyed.";
  return `destroys ${plan.doomed.join(", ")}; live bindings to ${plan.doomed.length === 1 ? "it" : "them"}: ${plan.blockingBindings.length ? plan.blockingBindings.map((b) => `${b.worker}: ${b.binding}`).join(", ") : "none"}.`;
}
function explainFailure(result, workerName, what) {
  const code2 = result.error?.code;
  const apiMessage = result.error?.message ?? `wrangler exited with code ${result.exitCode}`;
  if (code2 === 10079) {
    return {
      headline: `${what} aborted: someone else deployed ${workerName} at the same time.`,
      message: `Cloudflare refused the upload because the live migration tag moved while this run was deploying (code 10079: ${apiMessage}). This run changed nothing.`,
      fix: "Re-run: the deploy plans again from the new live state."
    };
  }
  const explained = code2 !== void 0 ? explainCloudflareError(code2, apiMessage) : void 0;
  if (explained) {
    return {
      headline: `${what} failed: ${explained.title} (code ${code2}).`,
      message: `${apiMessage} ${explained.explanation}`,
      fix: `${explained.fix} Then re-run: the deploy resumes from the live state.`
    };
  }
  return {
    headline: `${what} failed${code2 !== void 0 ? ` (code ${code2})` : ""}.`,
    message: `wrangler deploy failed: ${apiMessage}`,
    fix: "Read wrangler's output above, fix the cause, and re-run: the deploy resumes from the live state."
  };
}
async function findConfig(workingDirectory) {
  for (const name of CONFIG_NAMES) {
    let dir = resolve4(workingDirectory);
    for (; ; ) {
      const candidate = join4(dir, name);
      if (await pathExists(candidate)) return candidate;
      const parent = dirname3(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return null;
}
async function loadTarget(request, log) {
  const workingDirectory = resolve4(request.workingDirectory);
  if (!await pathExists(workingDirectory)) {
    throw new DeployError(
      `The working directory ${workingDirectory} does not exist.`,
      "Check working-directory."
    );
  }
  let configPath;
  if (request.config) {
    configPath = isAbsolute2(request.config) ? request.config : resolve4(workingDirectory, request.config);
    if (!await pathExists(configPath)) {
      throw new DeployError(`The config ${request.config} does not exist.`, "Check the config path.");
    }
  } else {
    const found = await findConfig(workingDirectory);
    if (!found) {
      throw new DeployError(
        `No wrangler config (wrangler.json, wrangler.jsonc, wrangler.toml) in ${workingDirectory} or above.`,
        "Set working-directory to the Worker project, or give the config path."
      );
    }
    configPath = found;
    const redirect = join4(dirname3(found), ".wrangler", "deploy", "config.json");
    if (await pathExists(redirect)) {
      log.warning(
        `${relative2(workingDirectory, redirect)} redirects a plain \`wrangler deploy\` to a build tool's generated config; this deploy reads ${basename(found)} itself.`
      );
    }
  }
  const configText = await readFile3(configPath, "utf8");
  const parsed = parseConfigText(configPath, configText);
  if (!parsed.ok) {
    throw new DeployError(
      `${basename(configPath)} does not parse${parsed.line ? ` (line ${parsed.line})` : ""}: ${parsed.message}.`,
      "Fix the config; wrangler would refuse it too."
    );
  }
  const { workers } = readWorkers(parsed);
  const worker = workers.find((w) => w.env === request.environment);
  if (!worker) {
    const envs = workers.flatMap((w) => w.env === null ? [] : [w.env]);
    throw new DeployError(
      `${basename(configPath)} has no environment "${request.environment}"${envs.length ? ` (it has: ${envs.join(", ")})` : ""}.`,
      "Set environment to one the config defines (empty for the top level)."
    );
  }
  if (worker.name === null) {
    throw new DeployError(
      `${basename(configPath)} gives the Worker no name${worker.env === null ? "" : ` in env ${worker.env}`}.`,
      "Set `name` in the config."
    );
  }
  const accountId = request.accountId || configAccountId(parsed.value, worker.env);
  if (!accountId) {
    throw new DeployError(
      "No Cloudflare account ID: the deploy reads the live state of the account's Workers.",
      "Set cloudflare-account-id (CLI: --account-id or CLOUDFLARE_ACCOUNT_ID), or `account_id` in the config."
    );
  }
  return { workingDirectory, configPath, configText, worker, accountId };
}
function configAccountId(value, env) {
  const envs = value.env;
  const scope = env !== null && isRecord(envs) && isRecord(envs[env]) ? envs[env] : null;
  const fromEnv = scope?.account_id;
  if (typeof fromEnv === "string" && fromEnv) return fromEnv;
  return typeof value.account_id === "string" && value.account_id ? value.account_id : null;
}
function repositoryWorkers(files, target, log) {
  const names = /* @__PURE__ */ new Set([target.worker.name]);
  for (const file of files) {
    let text;
    try {
      text = file === target.configPath ? target.configText : readFileSync(file, "utf8");
    } catch {
      continue;
    }
    const parsed = parseConfigText(file, text);
    if (!parsed.ok) continue;
    for (const w of readWorkers(parsed).workers) if (w.name) names.add(w.name);
  }
  const all = [...names].filter((n) => n !== target.worker.name).sort();
  if (all.length > MAX_OTHER_WORKERS) {
    log.warning(
      `The repository defines ${all.length} other Workers; only the first ${MAX_OTHER_WORKERS} are checked for bindings to ${target.worker.name}. Cloudflare still refuses a delete while any Worker binds the class (code 10061).`
    );
  }
  return { all: names, others: all.slice(0, MAX_OTHER_WORKERS) };
}
async function readLiveState(client, worker, repository, log, notes) {
  const name = worker.name;
  const account = await readLiveAccount(client, {
    workers: [name],
    alsoRead: repository.others,
    repositoryWorkers: repository.all,
    doomed: (read) => workerProblem(read, name) ? [] : planDeploy(worker, liveStateFor(read, name)).destroys.map((d) => ({
      worker: name,
      origin: d.origin
    }))
  });
  const problem = workerProblem(account, name);
  if (problem) throw apiError(problem);
  for (const other of repository.others) {
    const read = account.settings.get(other);
    if (read && !read.ok) {
      log.warning(
        `Could not read the live bindings of Worker ${other}: ${read.problem.message}. If it binds a class of ${name}, Cloudflare refuses the delete (code 10061).`
      );
    }
  }
  if (!account.namespaces.ok) {
    log.warning(
      `Could not list the account's Durable Object namespaces: ${account.namespaces.problem.message}`
    );
  }
  for (const read of account.objects.values()) {
    if (!read.ok)
      log.warning(`Could not count the objects of a class the deploy destroys: ${read.problem.message}`);
  }
  const { workers: scanned, skipped } = account.scanned;
  if (scanned.length > 0) {
    notes.push(
      `Workers of the account outside the repository checked for bindings to ${name}: ${scanned.length}${skipped > 0 ? ` (${skipped} more not checked)` : ""}.`
    );
  }
  return liveStateFor(account, name);
}
function apiError(problem) {
  return new CloudflareApiError({
    kind: problem.status === null ? "network" : "api",
    message: problem.message,
    code: problem.code,
    status: problem.status,
    request: problem.request,
    attempts: 1
  });
}
async function preparePhase1(target, plan, live, root, adapters, log) {
  const { worker } = target;
  const configDir = dirname3(target.configPath);
  const suffix = randomBytes(6).toString("hex");
  const notes = [];
  const temp = [];
  const cleanup = async () => {
    for (const path of temp) {
      await rm2(path, { force: true });
      tempFiles.delete(path);
    }
    if (tempFiles.size === 0) uninstallSignalCleanup();
  };
  try {
    let main;
    let standIns = [];
    if (worker.main === null) {
      notes.push("The config has no `main`: the classes the code exports could not be checked.");
    } else {
      const entryPath = resolve4(configDir, worker.main);
      const exported = await codeExports(entryPath, root, adapters);
      if (exported.status === "unknown") {
        log.warning(
          `Could not list what ${worker.main} exports (${exported.message}); phase 1 deploys the code as it is.`
        );
        notes.push(`The export names of ${worker.main} could not be determined: ${exported.message}`);
      } else {
        const missing = plan.phase1Classes.filter((c) => !exported.names.has(c));
        standIns = missing.filter(canStandIn);
        for (const c of missing.filter((m) => !canStandIn(m))) {
          notes.push(`${c} is not exported and cannot be given a stand-in export (not an identifier).`);
        }
        if (standIns.length > 0) {
          const standInPath = join4(dirname3(entryPath), `${TEMP_PREFIX}${suffix}.entry.js`);
          const text = standInEntryModule(`./${basename(entryPath)}`, standIns, {
            hasDefault: exported.names.has("default")
          });
          await writeTemp(standInPath, text, temp);
          main = relative2(configDir, standInPath).split(sep2).join("/");
          log.info(
            `Phase 1: the code no longer exports ${standIns.join(", ")}; supplying a stand-in export.`
          );
        }
      }
    }
    const derived = derivePhase1Config(target.configPath, target.configText, worker, plan, {
      ...live.provisioned ? { liveStorage: live.provisioned } : {},
      ...main !== void 0 ? { main } : {}
    });
    const configPath = join4(configDir, `${TEMP_PREFIX}${suffix}.${basename(target.configPath)}`);
    await writeTemp(configPath, derived, temp);
    return { configPath, standIns, notes, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
async function codeExports(entryPath, root, adapters) {
  const rel = relative2(root, entryPath);
  if (rel.startsWith("..") || isAbsolute2(rel)) {
    return { status: "unknown", message: "the entry is outside the repository" };
  }
  try {
    const result = await resolveWorkerExports(rel.split(sep2).join("/"), adapters.sourceReader(root));
    return result.status === "known" ? { status: "known", names: result.names } : { status: "unknown", message: result.message };
  } catch (error) {
    return { status: "unknown", message: error.message };
  }
}
var tempFiles = /* @__PURE__ */ new Set();
var signalCleanupInstalled = false;
function removeTempFilesNow() {
  for (const path of tempFiles) rmSync(path, { force: true });
  tempFiles.clear();
}
function onSignal(signal) {
  removeTempFilesNow();
  uninstallSignalCleanup();
  process.kill(process.pid, signal);
}
function installSignalCleanup() {
  if (signalCleanupInstalled) return;
  signalCleanupInstalled = true;
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  process.once("exit", removeTempFilesNow);
}
function uninstallSignalCleanup() {
  if (!signalCleanupInstalled) return;
  signalCleanupInstalled = false;
  process.removeListener("SIGINT", onSignal);
  process.removeListener("SIGTERM", onSignal);
  process.removeListener("exit", removeTempFilesNow);
}
async function writeTemp(path, text, temp) {
  installSignalCleanup();
  tempFiles.add(path);
  temp.push(path);
  await writeFile2(path, text, { flag: "wx" });
}

export {
  createDeployAdapters,
  runTwoPhaseDeploy
};
