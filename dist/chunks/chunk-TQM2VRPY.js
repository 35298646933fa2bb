import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  createSourceReader,
  toRepoPatterns
} from "./chunk-27Y2JU4L.js";
import {
  listWorkingTreeFiles,
  showToplevel
} from "./chunk-KDC7SQTS.js";
import {
  applyOps,
  eolOf
} from "./chunk-RQ5ONLRU.js";
import {
  SKIPPED_DIRS,
  isWranglerConfigPath,
  selectConfigPaths
} from "./chunk-PQ7QJ6BL.js";
import {
  renderPlanMarkdown,
  renderPlanText
} from "./chunk-TW7EIWBP.js";
import {
  isGlob
} from "./chunk-TZV6S3WX.js";
import {
  accountOf,
  checkConfirmation,
  destroyedBy,
  noPhase1ForExports,
  nothingToPhase,
  phase1Landed,
  phase1NotLanded,
  phase2Applied,
  planDeploy,
  planWorker,
  plannedFromPlan,
  replayLifecycle,
  workerNames
} from "./chunk-5OSWRORD.js";
import {
  parseConfigText
} from "./chunk-PIRUEGYP.js";
import {
  cell,
  code
} from "./chunk-CYCF2PHT.js";
import {
  canonicalJson,
  isRecord,
  readWorkers
} from "./chunk-7ZJZNNLB.js";
import {
  getExecOutput
} from "./chunk-FSZB5RRS.js";
import {
  liveAccountsReader
} from "./chunk-NRVXM5AG.js";
import {
  liveStateFor,
  namespacesOf,
  workerProblem
} from "./chunk-BKDYTUFB.js";
import {
  ApiBaseUrlError,
  createCloudflareClient
} from "./chunk-Q4EI3H2W.js";
import {
  stringify
} from "./chunk-Y72PUWW2.js";
import {
  resolveWorkerExports
} from "./chunk-5VPY553I.js";

// src/deploy/adapters.ts
import { rmSync } from "node:fs";
import { readFile as readFile3, rm as rm2, stat, writeFile as writeFile2 } from "node:fs/promises";

// src/adapters/paths.ts
import { access } from "node:fs/promises";
async function pathExists(path) {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

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
import { access as access2, mkdtemp, readFile, realpath, rm, writeFile } from "node:fs/promises";
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
      await access2(candidate);
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
        silent: options.silent ?? false,
        ...options.echoTo ? { outStream: options.echoTo } : {}
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

// src/deploy/ports.ts
var UnusableApiBaseUrl = class extends Error {
  name = "UnusableApiBaseUrl";
};

// src/deploy/adapters.ts
function createDeployAdapters(options) {
  const read = liveAccountsReader({
    client: (accountId, budget) => {
      try {
        return createCloudflareClient({
          accountId,
          token: options.token,
          budget,
          ...options.apiBaseUrl ? { apiBaseUrl: options.apiBaseUrl } : {}
        });
      } catch (error) {
        if (error instanceof ApiBaseUrlError) throw new UnusableApiBaseUrl(error.message);
        throw error;
      }
    }
  });
  return {
    log: options.log,
    readLive: read,
    deploy: runWranglerDeploy,
    resolveWrangler: async (workingDirectory, version) => options.wranglerBin ?? await resolveWrangler({
      workingDirectory,
      version,
      log: options.log,
      ...options.installEnv ? { env: options.installEnv } : {}
    }),
    ...diskFiles,
    sourceReader: (root) => createSourceReader(root)
  };
}
var diskFiles = {
  listConfigs: listWorkspaceConfigs,
  exists: pathExists,
  isDirectory: async (path) => {
    try {
      return (await stat(path)).isDirectory();
    } catch {
      return false;
    }
  },
  readText: (path) => readFile3(path, "utf8"),
  repoPatterns: toRepoPatterns,
  writeTemp,
  removeTemp
};
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
async function writeTemp(path, text) {
  installSignalCleanup();
  tempFiles.add(path);
  await writeFile2(path, text, { flag: "wx" });
}
async function removeTemp(path) {
  await rm2(path, { force: true });
  tempFiles.delete(path);
  if (tempFiles.size === 0) uninstallSignalCleanup();
}

// src/deploy/targets.ts
import { basename, dirname as dirname3, isAbsolute as isAbsolute2, join as join4, relative as relative2, resolve as resolve4, sep as sep2 } from "node:path";
var DeployError = class extends Error {
  fix;
  constructor(message, fix) {
    super(message);
    this.name = "DeployError";
    this.fix = fix;
  }
};
var CONFIG_NAMES = ["wrangler.json", "wrangler.jsonc", "wrangler.toml"];
async function findConfig(workingDirectory, fs) {
  for (const name of CONFIG_NAMES) {
    let dir = resolve4(workingDirectory);
    for (; ; ) {
      const candidate = join4(dir, name);
      if (await fs.exists(candidate)) return candidate;
      const parent = dirname3(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return null;
}
async function hasOwnConfig(workingDirectory, fs) {
  for (const name of CONFIG_NAMES) if (await fs.exists(join4(workingDirectory, name))) return true;
  return false;
}
function selectReleaseConfigs(fs, root, workingDirectory, files, patterns) {
  const rel = (abs) => relative2(root, abs).split(sep2).join("/");
  const wanted = (patterns.length > 0 ? patterns : ["."]).flatMap(
    (p) => fs.repoPatterns(root, workingDirectory, p)
  );
  const byRel = new Map(files.map((f) => [rel(f), f]));
  return selectConfigPaths([...byRel.keys()], wanted).map((p) => byRel.get(p));
}
async function loadTarget(configPath, environment, defaultAccount, wranglerCwd, label, fs) {
  const fail = (message, fix, name = null, notInRelease) => ({
    ok: false,
    label,
    env: environment,
    name,
    message,
    fix,
    ...notInRelease ? { notInRelease } : {}
  });
  let configText;
  try {
    configText = await fs.readText(configPath);
  } catch (error) {
    return fail(
      `${label} cannot be read: ${error.code ?? "error"}.`,
      "Check the config path."
    );
  }
  const parsed = parseConfigText(configPath, configText);
  if (!parsed.ok) {
    return fail(
      `${basename(configPath)} does not parse${parsed.line ? ` (line ${parsed.line})` : ""}: ${parsed.message}.`,
      "Fix the config; wrangler would refuse it too."
    );
  }
  const { workers } = readWorkers(parsed);
  const worker = workers.find((w) => w.env === environment);
  if (!worker) {
    const envs = workers.flatMap((w) => w.env === null ? [] : [w.env]);
    return fail(
      `${basename(configPath)} has no environment "${environment}"${envs.length ? ` (it has: ${envs.join(", ")})` : ""}.`,
      "Set environment to one the config defines (empty for the top level).",
      null,
      "no-env"
    );
  }
  if (worker.placeholderName) {
    return fail(
      `${basename(configPath)} is a template: the Worker name "${worker.placeholderName}"${worker.env === null ? "" : ` of env ${worker.env}`} is a placeholder, and wrangler deploys the name as written.`,
      "Give the Worker its real name in the config before deploying it, or leave the template out (`!path` in config).",
      worker.name,
      "template"
    );
  }
  if (worker.name === null) {
    return fail(
      `${basename(configPath)} gives the Worker no name${worker.env === null ? "" : ` in env ${worker.env}`}.`,
      "Set `name` in the config."
    );
  }
  const accountId = accountOf(worker, defaultAccount);
  if (!accountId) {
    return fail(
      "No Cloudflare account ID: the deploy reads the live state of the account's Workers.",
      "Set cloudflare-account-id (CLI: --account-id or CLOUDFLARE_ACCOUNT_ID), or `account_id` in the config.",
      worker.name
    );
  }
  return {
    ok: true,
    label,
    target: {
      workingDirectory: wranglerCwd,
      configPath,
      configText,
      worker,
      accountId
    }
  };
}
async function singleConfig(workingDirectory, config, log, fs) {
  if (!await fs.exists(workingDirectory)) {
    throw new DeployError(
      `The working directory ${workingDirectory} does not exist.`,
      "Check working-directory."
    );
  }
  if (config) {
    const configPath = isAbsolute2(config) ? config : resolve4(workingDirectory, config);
    if (!await fs.exists(configPath)) {
      throw new DeployError(`The config ${config} does not exist.`, "Check the config path.");
    }
    return configPath;
  }
  const found = await findConfig(workingDirectory, fs);
  if (!found) {
    throw new DeployError(
      `No wrangler config (wrangler.json, wrangler.jsonc, wrangler.toml) in ${workingDirectory} or above.`,
      "Set working-directory to the Worker project, or give the config path."
    );
  }
  const redirect = join4(dirname3(found), ".wrangler", "deploy", "config.json");
  if (await fs.exists(redirect)) {
    log.warning(
      `${relative2(workingDirectory, redirect)} redirects a plain \`wrangler deploy\` to a build tool's generated config; this deploy reads ${basename(found)} itself.`
    );
  }
  return found;
}
async function selectionFor(workingDirectory, configs, all, fs) {
  if (all) return { kind: "select", patterns: [...configs] };
  if (configs.length === 0) return { kind: "discover" };
  const [only] = configs;
  if (configs.length === 1 && only && !isGlob(only) && !only.trim().startsWith("!")) {
    if (await fs.isDirectory(resolve4(workingDirectory, only))) return { kind: "select", patterns: [only] };
    return { kind: "single", config: only };
  }
  return { kind: "select", patterns: [...configs] };
}
async function selectWorkers(request, fs, log) {
  const workingDirectory = request.workingDirectory;
  let listing = null;
  const listed = () => {
    listing ??= fs.listConfigs(workingDirectory);
    return listing;
  };
  let selection = request.selection;
  if (selection.kind === "discover") {
    const under = await hasOwnConfig(workingDirectory, fs) || !await fs.exists(workingDirectory) ? [] : await listed().then((w) => selectReleaseConfigs(fs, w.root, workingDirectory, w.files, [])).catch(() => []);
    selection = under.length > 0 ? { kind: "select", patterns: [] } : { kind: "single", config: null };
  }
  if (selection.kind === "single") {
    const configPath = await singleConfig(workingDirectory, selection.config, log, fs);
    const label = relative2(workingDirectory, configPath) || configPath;
    const loaded = await loadTarget(
      configPath,
      request.environment,
      request.accountId,
      workingDirectory,
      label,
      fs
    );
    if (!loaded.ok) throw new DeployError(loaded.message, loaded.fix);
    const workspace2 = await listed();
    return { slots: [slotOf(loaded)], root: workspace2.root, files: workspace2.files };
  }
  const workspace = await listed();
  const patterns = selection.kind === "select" ? selection.patterns : [];
  const paths = selectReleaseConfigs(fs, workspace.root, workingDirectory, workspace.files, patterns);
  if (paths.length === 0) {
    throw new DeployError(
      `No wrangler config matches ${patterns.length ? patterns.join(", ") : `under ${workingDirectory}`}.`,
      "Check config (paths or globs relative to working-directory)."
    );
  }
  const slots = [];
  const skipped = [];
  const templates = [];
  for (const path of paths) {
    const label = relative2(workingDirectory, path) || path;
    const loaded = await loadTarget(path, request.environment, request.accountId, dirname3(path), label, fs);
    if (!loaded.ok && loaded.notInRelease === "no-env" && request.environment !== null) {
      skipped.push(label);
      continue;
    }
    if (!loaded.ok && loaded.notInRelease === "template") {
      templates.push(label);
      continue;
    }
    const slot = slotOf(loaded);
    const twin = slots.find((x) => x.key === slot.key);
    if (twin && slot.target) {
      slots.push(
        slotOf({
          ok: false,
          label,
          env: slot.target.worker.env,
          name: slot.target.worker.name,
          message: `${label} deploys Worker ${slot.target.worker.name}, which ${twin.loaded.label} deploys too: each deploy would replace the other's.`,
          fix: "Give each Worker its own name, or leave one of the configs out of the release (`!path` in config)."
        })
      );
      continue;
    }
    slots.push(slot);
  }
  if (slots.length === 0) {
    throw skipped.length > 0 ? new DeployError(
      `No selected config defines the environment "${request.environment}"${templates.length ? ` (the others are templates: ${templates.join(", ")})` : ""}.`,
      "Set environment to one the configs define (empty for the top level)."
    ) : new DeployError(
      `Every selected config is a template (its Worker name is a placeholder): ${templates.join(", ")}.`,
      "Select the configs of real Workers (paths or globs in config), or give the Workers their names."
    );
  }
  if (skipped.length > 0) {
    slots[0]?.notes.push(
      `Not in this release (no environment "${request.environment}"): ${skipped.join(", ")}.`
    );
  }
  if (templates.length > 0) {
    slots[0]?.notes.push(
      `Not in this release (templates: the Worker name is a placeholder): ${templates.join(", ")}.`
    );
  }
  return { slots, root: workspace.root, files: workspace.files };
}
function slotOf(loaded) {
  const target = loaded.ok ? loaded.target : null;
  const key = target ? `${target.accountId}\0${target.worker.name}` : `${loaded.label}\0${loaded.ok ? "" : loaded.env ?? ""}`;
  return { loaded, target, key, notes: [] };
}

// src/core/plan/decide.ts
function blockingRefusals(plan, run2) {
  return plan.refusals.filter((r) => run2 !== "1" || r.reason !== "other-worker-binds");
}
function decideRun(plan, worker, requested, confirmed) {
  if (requested === "plan") return { kind: "plan" };
  const run2 = requested === "auto" ? plan.next === "1" || plan.next === "2" ? plan.next : "normal" : requested;
  if (run2 === "normal") return deployUnlessBlocked(plan, "normal");
  if (run2 === "1") {
    if (plan.model === "exports" && plan.doomed.length > 0) {
      return refuse({
        reason: "phase-1-not-needed",
        ...noPhase1ForExports({ worker: plan.worker, doomed: plan.doomed })
      });
    }
    if (plan.next === "1") return deployUnlessBlocked(plan, "1");
    if (plan.next === "2") {
      return {
        kind: "skip",
        message: phase1Landed({ worker: plan.worker, doomed: plan.doomed })
      };
    }
    return refuse({
      reason: "phase-1-not-needed",
      ...nothingToPhase({ worker: plan.worker, phase: "1" })
    });
  }
  if (plan.next === "1") {
    const holders = plan.blockingBindings.filter((b) => b.worker === plan.worker);
    return refuse({
      reason: "phase-1-not-landed",
      ...phase1NotLanded({ worker: plan.worker, holders })
    });
  }
  if (plan.next !== "2") {
    if (deletesApplied(plan, worker)) {
      return {
        kind: "skip",
        message: phase2Applied({ worker: plan.worker, liveTag: plan.liveTag })
      };
    }
    return refuse({
      reason: "nothing-to-destroy",
      ...nothingToPhase({ worker: plan.worker, phase: "2" })
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
var GENERATED = "# Generated by do-migrate-action for phase 1 of a two-phase deploy. Do not commit.";
function derivePhase1Config(file, text, worker, plan, options = {}) {
  const parsed = parseConfigText(file, text);
  if (!parsed.ok) throw new Error(`${file} does not parse: ${parsed.message}`);
  const value = parsed.value;
  const unbound = new Set(plan.phase1Unbound);
  const scope = worker.env === null ? [] : ["env", worker.env];
  const ops = [];
  const scopeValue = worker.env === null ? value : value.env[worker.env];
  const bindings = scopeValue.durable_objects?.bindings;
  if (Array.isArray(bindings)) {
    for (let index = bindings.length - 1; index >= 0; index--) {
      const binding = bindings[index];
      if (!isRecord(binding) || typeof binding.class_name !== "string") continue;
      const script = binding.script_name;
      const local = script === void 0 || script === null || script === "" || script === plan.worker;
      if (local && unbound.has(binding.class_name))
        ops.push({ op: "remove", path: [...scope, "durable_objects", "bindings", index] });
    }
  }
  const lifecycleScope = worker.ownsLifecycle ? scope : [];
  const lifecycleValue = worker.ownsLifecycle ? scopeValue : value;
  if (plan.model === "migrations" && Array.isArray(lifecycleValue.migrations)) {
    const steps = lifecycleValue.migrations;
    const keep = plan.phase1Tag === null ? 0 : steps.findIndex((s) => isRecord(s) && s.tag === plan.phase1Tag) + 1;
    for (let i = steps.length - 1; i >= keep; i--)
      ops.push({ op: "remove", path: [...lifecycleScope, "migrations", i] });
  }
  if (plan.model === "exports") {
    const entries = lifecycleValue.exports ?? {};
    for (const className of plan.doomed) {
      const storage = options.liveStorage?.get(className) ?? "sqlite";
      const held = { type: "durable-object", storage: storage === "kv" ? "legacy-kv" : "sqlite" };
      ops.push(...holdOps([...lifecycleScope, "exports", className], entries[className], held));
    }
  }
  if (options.main !== void 0) {
    const mainScope = typeof scopeValue.main === "string" ? scope : [];
    const present = mainScope.length > 0 || "main" in value;
    ops.push(
      present ? { op: "set", path: [...mainScope, "main"], value: options.main } : { op: "add-key", path: [], key: "main", value: options.main }
    );
  }
  const meant = applyOpsToValue(value, ops);
  const edited = applyOps(parsed.format, text, ops);
  const reread = edited === null ? null : parseConfigText(file, edited);
  const placed = reread?.ok && canonicalJson(withoutEmptyBindings(reread.value)) === canonicalJson(withoutEmptyBindings(meant)) ? edited : null;
  if (parsed.format === "jsonc") {
    return placed ?? `${JSON.stringify(meant, null, 2)}
`;
  }
  if (placed !== null) return `${GENERATED}${eolOf(text)}${placed}`;
  return `${GENERATED}
${stringify(meant)}
`;
}
function holdOps(at, entry, held) {
  if (!isRecord(entry)) return [{ op: "set", path: at, value: held }];
  const ops = [];
  for (const [key, value] of Object.entries(held)) {
    if (!(key in entry)) ops.push({ op: "add-key", path: at, key, value });
    else if (entry[key] !== value) ops.push({ op: "set", path: [...at, key], value });
  }
  for (const key of Object.keys(entry)) if (!(key in held)) ops.push({ op: "remove", path: [...at, key] });
  return ops;
}
function applyOpsToValue(value, ops) {
  const copy = structuredClone(value);
  for (const op of ops) {
    const path = op.op === "add-key" ? [...op.path, op.key] : op.path;
    const parent = path.slice(0, -1).reduce((node, key2) => node?.[key2], copy);
    const key = path[path.length - 1];
    if (Array.isArray(parent) && typeof key === "number") {
      if (op.op === "remove") parent.splice(key, 1);
      else if (op.op === "set") parent[key] = op.value;
    } else if (isRecord(parent)) {
      if (op.op === "remove") delete parent[key];
      else if (op.op === "set" || op.op === "add-key") parent[key] = op.value;
    }
  }
  return copy;
}
function withoutEmptyBindings(value) {
  const prune = (scope) => {
    const table = scope.durable_objects;
    if (!isRecord(table)) return scope;
    const { bindings, ...rest } = table;
    const empty = Array.isArray(bindings) && bindings.length === 0;
    if (Object.keys(rest).length > 0 || bindings !== void 0 && !empty) {
      return empty ? { ...scope, durable_objects: rest } : scope;
    }
    const { durable_objects: _table, ...others } = scope;
    return others;
  };
  const top = prune(value);
  if (!isRecord(top.env)) return top;
  const env = Object.fromEntries(
    Object.entries(top.env).map(([name, scope]) => [name, isRecord(scope) ? prune(scope) : scope])
  );
  return { ...top, env };
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

// src/core/release/order.ts
function finalClasses(worker) {
  return new Set(
    [...replayLifecycle(worker.lifecycle).classes.values()].filter((c) => c.status === "live").map((c) => c.className)
  );
}
function incomingTransfers(node) {
  const lifecycle = node.worker.lifecycle;
  if (lifecycle.model === "exports") {
    return lifecycle.entries.flatMap(
      (e) => e.state === "expecting-transfer" && e.transferFrom ? [{ className: e.className, from: e.transferFrom }] : []
    );
  }
  if (lifecycle.model !== "migrations") return [];
  const sent = new Set(node.plan.sends);
  return lifecycle.steps.filter((s) => s.tag !== null && sent.has(s.tag)).flatMap(
    (s) => s.ops.flatMap(
      (op) => op.type === "transfer-in" ? [{ className: op.className, from: op.fromScript }] : []
    )
  );
}
function outgoingTransfers(worker) {
  const lifecycle = worker.lifecycle;
  if (lifecycle.model !== "exports") return [];
  return lifecycle.entries.flatMap(
    (e) => e.state === "transferred" && e.transferredTo ? [{ className: e.className, to: e.transferredTo }] : []
  );
}
var foreign = (scriptName, self) => scriptName !== null && scriptName !== "" && scriptName !== self;
function orderEdges(nodes) {
  const byName = new Map(nodes.map((n) => [`${n.accountId}\0${n.name}`, n]));
  const find = (accountId, name) => byName.get(`${accountId}\0${name}`);
  const edges = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (edge) => {
    const id = `${edge.before}\0${edge.after}\0${edge.reason}\0${edge.className}`;
    if (edge.before === edge.after || seen.has(id)) return;
    seen.add(id);
    edges.push(edge);
  };
  for (const node of nodes) {
    for (const b of node.worker.bindings) {
      if (!foreign(b.scriptName, node.name)) continue;
      const owner = find(node.accountId, b.scriptName);
      if (!owner) continue;
      const liveNow = owner.live.provisioned?.has(b.className) ?? false;
      if (!liveNow && finalClasses(owner.worker).has(b.className)) {
        add({
          before: owner.key,
          after: node.key,
          reason: "creates-before-bind",
          className: b.className,
          why: `${owner.name} creates ${b.className}, which ${node.name} starts binding (${b.name})`
        });
      }
    }
    for (const b of node.liveBindings) {
      if (!foreign(b.scriptName, node.name)) continue;
      const owner = find(node.accountId, b.scriptName);
      if (owner?.run !== "2" || !owner.plan.doomed.includes(b.className)) continue;
      const keeps = node.worker.bindings.some(
        (c) => c.scriptName === b.scriptName && c.className === b.className
      );
      if (!keeps) {
        add({
          before: node.key,
          after: owner.key,
          reason: "drops-before-delete",
          className: b.className,
          why: `${node.name} drops its binding ${b.name} to ${owner.name}:${b.className} before ${owner.name} deletes it`
        });
      }
    }
    for (const t of incomingTransfers(node)) {
      const source = find(node.accountId, t.from);
      if (source) {
        add({
          before: node.key,
          after: source.key,
          reason: "transfer",
          className: t.className,
          why: `${node.name} receives ${t.className} from ${source.name}, so it deploys first`
        });
      }
    }
    for (const t of outgoingTransfers(node.worker)) {
      const target = find(node.accountId, t.to);
      if (target) {
        add({
          before: target.key,
          after: node.key,
          reason: "transfer",
          className: t.className,
          why: `${target.name} expects ${t.className} from ${node.name}, so it deploys first`
        });
      }
    }
  }
  return edges;
}
function releaseOrder(nodes) {
  const edges = orderEdges(nodes);
  const keys = nodes.map((n) => n.key);
  const waitsFor = new Map(keys.map((k) => [k, []]));
  for (const e of edges) {
    const list = waitsFor.get(e.after);
    if (list && !list.includes(e.before)) list.push(e.before);
  }
  const done = /* @__PURE__ */ new Set();
  const order = [];
  while (order.length < keys.length) {
    const next = keys.find((k) => !done.has(k) && (waitsFor.get(k) ?? []).every((d) => done.has(d)));
    if (next === void 0) break;
    done.add(next);
    order.push(next);
  }
  if (order.length === keys.length) return { order, waitsFor, edges, cycle: null };
  return {
    order: [],
    waitsFor,
    edges,
    cycle: findCycle(
      keys.filter((k) => !done.has(k)),
      edges
    )
  };
}
function findCycle(left, edges) {
  const inLeft = new Set(left);
  const into = /* @__PURE__ */ new Map();
  for (const e of edges)
    if (inLeft.has(e.before) && inLeft.has(e.after) && !into.has(e.after)) into.set(e.after, e);
  const path = [];
  let at = left[0];
  while (!path.includes(at)) {
    path.push(at);
    const edge = into.get(at);
    if (!edge) return [];
    at = edge.before;
  }
  const cycle = [];
  let cur = at;
  do {
    const edge = into.get(cur);
    cycle.unshift(edge);
    cur = edge.before;
  } while (cur !== at);
  return cycle;
}

// src/core/release/preflight.ts
function parseConfirmation(confirm) {
  return [...new Set(confirm.map((c) => c.trim()).filter(Boolean))].map((c) => {
    const at = c.lastIndexOf(":");
    return at > 0 ? { worker: c.slice(0, at).trim(), className: c.slice(at + 1).trim() } : { worker: null, className: c };
  });
}
function confirmedFor(name, confirm, single) {
  return parseConfirmation(confirm).filter((c) => c.worker === name || single && c.worker === null).map((c) => c.className);
}
function confirmationFor(plans) {
  return plans.flatMap((p) => p.doomed.map((c) => `${p.worker}:${c}`)).join(",");
}
function preflightWorkers(candidates, options) {
  const byName = /* @__PURE__ */ new Map();
  for (const c of candidates) if (c.name && c.accountId) byName.set(`${c.accountId}\0${c.name}`, c);
  return candidates.map((c) => decideWorker(c, options, byName));
}
function decideWorker(c, options, byName) {
  const blocked = (blockers, reason) => ({
    key: c.key,
    status: "blocked",
    run: null,
    reason,
    blockers
  });
  if (!c.worker || !c.plan || c.problems.length > 0) {
    return blocked(c.problems, "It could not be planned.");
  }
  const { worker, plan } = c;
  const requested = options.single ? options.requested : "auto";
  const decision = decideRun(
    plan,
    worker,
    requested,
    confirmedFor(plan.worker, options.confirm, options.single)
  );
  const result = (status, run3, reason) => {
    if (run3 === null) return { key: c.key, status, run: run3, reason, blockers: [] };
    const blockers = deployBlockers(c, worker, plan, run3, options, byName);
    if (blockers.length > 0) return blocked(blockers, "Its deploy would be rejected.");
    const planned = options.requested === "plan";
    return { key: c.key, status: planned ? "planned" : status, run: run3, reason, blockers: [] };
  };
  if (options.single) {
    if (decision.kind === "plan") {
      const run3 = plan.next === "1" || plan.next === "2" ? plan.next : "normal";
      const blockers = [...plan.refusals, ...deployBlockers(c, worker, plan, run3, options, byName)];
      return { key: c.key, status: "planned", run: run3, reason: "Plan only.", blockers };
    }
    if (decision.kind === "refuse") return blocked(decision.refusals, "Refused.");
    if (decision.kind === "skip") return result("unchanged", null, decision.message);
    return result("deploy", decision.run, runReason(decision.run, plan));
  }
  if (decision.kind === "skip") return result("unchanged", null, decision.message);
  if (decision.kind === "refuse") {
    const reasons = new Set(decision.refusals.map((r) => r.reason));
    if (reasons.has("confirmation-missing") && decision.refusals.length === 1) {
      return result(
        "waiting",
        null,
        `Phase 2 waits for confirm-data-loss naming exactly: ${confirmationFor([plan])}.`
      );
    }
    if ([...reasons].every((r) => r === "other-worker-binds")) {
      const holders = plan.blockingBindings.filter((b) => b.worker !== plan.worker);
      const dropped = holders.filter((h) => dropsInRelease(h.worker, plan.worker, h.className, c, byName));
      const confirmed = confirmedFor(plan.worker, options.confirm, false).length > 0;
      if (dropped.length < holders.length && !confirmed) {
        const left = holders.filter((h) => !dropped.includes(h));
        return result(
          "waiting",
          null,
          `Phase 2 waits: ${left.map((h) => `${h.worker} still binds ${h.className} (binding ${h.binding})`).join("; ")}. Deploy ${[...new Set(left.map((h) => h.worker))].join(", ")} without ${left.length === 1 ? "that binding" : "those bindings"} first.`
        );
      }
      if (dropped.length === holders.length) {
        return result(
          "waiting",
          null,
          `Phase 2 waits until ${[...new Set(holders.map((h) => h.worker))].join(", ")} ${holders.length === 1 ? "drops its binding" : "drop their bindings"} (this run deploys ${holders.length === 1 ? "it" : "them"}); run the release again with the confirmation.`
        );
      }
    }
    if ([...reasons].every(
      (r) => ["phase-1-not-needed", "nothing-to-destroy", "phase-1-not-landed"].includes(r)
    )) {
      return result("skipped", null, decision.refusals.map((r) => r.message).join(" "));
    }
    const exact = `Re-run with confirm-data-loss naming exactly: ${confirmationFor([plan])}`;
    const refusals = decision.refusals.map(
      (r) => r.reason === "confirmation-mismatch" || r.reason === "confirmation-missing" ? { ...r, fix: exact } : r
    );
    return blocked(refusals, "Refused.");
  }
  if (decision.kind !== "deploy") return result("skipped", null, "Plan only.");
  const run2 = decision.run;
  if (options.requested === "1" && run2 === "2")
    return result("skipped", null, "Phase 2 is not part of phase 1.");
  if (options.requested === "2" && run2 === "1") {
    return result("skipped", null, "Phase 1 has not landed yet: run phase 1 (or auto) first.");
  }
  if (run2 === "normal") {
    if (options.requested === "1" && !dropsBindingToDoomed(c, byName)) {
      return result(
        "skipped",
        null,
        "No phase 1 to run: phase 1 runs only deploys that remove bindings to doomed classes."
      );
    }
    if (options.requested === "2") return result("skipped", null, "No phase 2 to run here.");
    if (options.skipUnchanged && atHead(c, worker, plan)) {
      return result(
        "unchanged",
        null,
        "The live Worker is at the head as far as the live state tells (migration tag and Durable Object bindings); skip-unchanged is set."
      );
    }
  }
  return result("deploy", run2, runReason(run2, plan));
}
function runReason(run2, plan) {
  if (run2 === "1") return `Phase 1: the bindings to ${plan.doomed.join(", ")} go, the delete is held back.`;
  if (run2 === "2") return `Phase 2: destroys ${plan.doomed.join(", ")}.`;
  if (!plan.deployed) return "A first deploy.";
  return plan.pendingTags.length > 0 ? `Applies ${plan.pendingTags.join(", ")}.` : "A normal deploy.";
}
function dropsInRelease(holder, owner, className, c, byName) {
  const h = byName.get(`${c.accountId}\0${holder}`);
  if (!h?.worker || h.problems.length > 0) return false;
  return !h.worker.bindings.some((b) => b.scriptName === owner && b.className === className);
}
function dropsBindingToDoomed(c, byName) {
  return c.liveBindings.some((b) => {
    if (b.scriptName === null || b.scriptName === c.name) return false;
    const owner = byName.get(`${c.accountId}\0${b.scriptName}`);
    return (owner?.plan?.doomed.includes(b.className) ?? false) && !(c.worker?.bindings.some((x) => x.scriptName === b.scriptName && x.className === b.className) ?? true);
  });
}
function atHead(c, worker, plan) {
  if (!plan.deployed) return false;
  const lifecycleAtHead = plan.model === "none" || plan.model === "migrations" && plan.sendKind === "nothing" && plan.next === "none";
  if (!lifecycleAtHead) return false;
  const key = (name, className, script) => `${name}\0${className}\0${script === null || script === worker.name ? "" : script}`;
  const live = new Set(c.liveBindings.map((b) => key(b.name, b.className, b.scriptName)));
  const config = new Set(worker.bindings.map((b) => key(b.name, b.className, b.scriptName)));
  return live.size === config.size && [...live].every((k) => config.has(k));
}
function deployBlockers(c, worker, plan, run2, options, byName) {
  const out = [];
  const name = plan.worker;
  const label = `${name}${worker.env === null ? "" : ` (env ${worker.env})`}`;
  if (plan.rejected) {
    const r = plan.rejected;
    out.push({
      message: r.reason === "delete-first-deploy" ? `${label} is not deployed yet: its first deploy replays every migration, and the delete of ${r.className} in ${r.tag} cannot apply to a class it never had (code 10074).` : `The next deploy of ${label} creates ${r.className} in ${r.tag}, which already exists live (code 10074).`,
      fix: r.reason === "delete-first-deploy" ? `Drop the create and delete of ${r.className} from the history of a Worker that never had it (a new env: give it its own migrations), then re-run.` : "Restore the migration history the live Worker was deployed with, then re-run."
    });
  }
  if (plan.model === "migrations" && c.liveUsesExports) {
    out.push({
      message: `${label} is deployed with \`exports\`; the API refuses to go back to \`migrations\` (code 100403).`,
      fix: "Keep the `exports` map in the config."
    });
  }
  if (worker.lifecycle.model === "exports" && c.live?.provisioned) {
    for (const e of worker.lifecycle.entries) {
      const liveStorage = c.live.provisioned.get(e.className);
      if (e.state === "created" && e.storage && liveStorage && liveStorage !== e.storage) {
        out.push({
          message: `${e.className} has ${liveStorage === "kv" ? "key-value" : "SQLite"} storage in the live ${label}, but its \`exports\` entry says ${e.storage === "kv" ? "legacy-kv" : "sqlite"}: the API rejects a storage change (code 100402).`,
          fix: `Declare ${e.className} with "storage": "${liveStorage === "kv" ? "legacy-kv" : "sqlite"}", its live storage.`
        });
      }
    }
  }
  if (c.codeExports) {
    const exported = c.codeExports;
    const live = c.live?.provisioned ?? /* @__PURE__ */ new Map();
    const doomed = new Set(plan.doomed);
    const required = new Set(
      run2 === "1" ? plan.phase1Classes.filter((x) => !(doomed.has(x) && canStandIn(x))) : []
    );
    for (const x of finalClasses(worker)) required.add(x);
    const exportsModel = worker.lifecycle.model === "exports";
    if (exportsModel && run2 !== "1") {
      for (const x of plan.doomed.filter((d) => exported.has(d))) {
        out.push({
          message: `${label}'s code still exports ${x}, which its \`exports\` marks "deleted": the API refuses the tombstone (code 100402, tombstone_delete_class_still_in_code).`,
          fix: `Remove class ${x} (and its re-exports) from ${worker.main ?? "the entry module"} and re-run: with \`exports\` the class leaves the code in the same deploy as its tombstone.`
        });
      }
    }
    for (const x of [...required].sort()) {
      if (exported.has(x)) continue;
      const hasObjects = live.has(x) || plan.deployed && run2 === "1" && plan.phase1Classes.includes(x);
      out.push(
        exportsModel ? {
          message: `${label}'s \`exports\` declares ${x} live but its code does not export it: the API refuses the deploy (code 100402, config_export_not_in_code).`,
          fix: `Export class ${x} from ${worker.main ?? "the entry module"}${hasObjects ? `; if its data should go, mark it "state": "deleted" instead and confirm the data loss` : ", or drop its entry"}.`
        } : hasObjects ? {
          message: `${label}'s code does not export ${x}, which has Durable Objects: the API rejects the version (code 10064).`,
          fix: `Keep exporting ${x} (a stub class is enough) until a delete migration has applied; to destroy its data, delete it through the two-phase deploy.`
        } : {
          message: `${label}'s config creates ${x} but its code does not export it: the API rejects the migration (code 10070).`,
          fix: `Export class ${x} from ${worker.main ?? "the entry module"}, or drop it from the config.`
        }
      );
    }
  }
  for (const b of worker.bindings) {
    if (b.scriptName === null || b.scriptName === name || b.environment !== null) continue;
    const owner = byName.get(`${c.accountId}\0${b.scriptName}`);
    if (owner?.worker && owner.plan) {
      if (owner.plan.doomed.includes(b.className)) {
        out.push({
          message: `${label} binds ${b.scriptName}:${b.className} (binding ${b.name}), which ${b.scriptName} deletes in this release: the delete is rejected while the binding is live (code 10061).`,
          fix: `Remove binding ${b.name} from ${label}'s config, or keep ${b.className} in ${b.scriptName}.`
        });
      } else if (!finalClasses(owner.worker).has(b.className)) {
        out.push(missingClass(label, b.name, b.scriptName, b.className));
      }
      continue;
    }
    const classes = options.outsideClasses?.get(`${c.accountId}\0${b.scriptName}`);
    if (classes && !classes.has(b.className))
      out.push(missingClass(label, b.name, b.scriptName, b.className));
  }
  return out;
}
function missingClass(label, binding, owner, className) {
  return {
    message: `${label} binds ${owner}:${className} (binding ${binding}), but ${owner} has no such Durable Object class live, and its config does not create it: the API rejects the binding (code 10061).`,
    fix: `Create ${className} in ${owner} (a migration, or an \`exports\` entry) and deploy it first, or fix the binding's class_name / script_name.`
  };
}

// src/core/release/report.ts
function workerOutputs(w) {
  const plan = w.plan;
  const nextPhase = w.after ? nextPhaseOutput(w.after.plan) : w.deployedOk && w.ran === "1" ? "2" : w.deployedOk ? "none" : plan ? nextPhaseOutput(plan) : "none";
  const destroyed = plan ? w.deployedOk && w.ran === "2" ? plan.doomed : (w.after?.plan ?? plan).doomed : [];
  return {
    phase: w.deployedOk && (w.ran === "1" || w.ran === "2") ? w.ran : "none",
    nextPhase,
    migrationTag: w.after ? w.after.liveTag : plan?.liveTag ?? null,
    deletedClasses: destroyed.map((c) => ({ worker: plan?.worker ?? "", env: plan?.env ?? null, class: c }))
  };
}
function releaseOutputs(report) {
  const per = report.workers.map((w) => ({ w, o: workerOutputs(w) }));
  const phases = new Set(per.map(({ o }) => o.phase));
  const next = new Set(per.map(({ o }) => o.nextPhase));
  return {
    phase: phases.has("2") ? "2" : phases.has("1") ? "1" : "none",
    nextPhase: next.has("1") ? "1" : next.has("2") ? "2" : "none",
    deletedClasses: per.flatMap(({ o }) => o.deletedClasses),
    workers: per.map(({ w, o }) => ({
      config: w.file,
      env: w.env,
      worker: w.name,
      status: w.status,
      ran: w.ran,
      phase: o.phase,
      nextPhase: o.nextPhase,
      migrationTag: o.migrationTag,
      deletedClasses: o.deletedClasses.map((d) => d.class),
      waitsFor: w.waitsFor,
      headline: w.headline,
      problems: w.problems
    }))
  };
}
var STATUS_LABEL = {
  deployed: ":white_check_mark: deployed",
  unchanged: ":heavy_minus_sign: unchanged",
  blocked: ":no_entry: blocked",
  failed: ":x: failed",
  waiting: ":hourglass: waiting for phase 2",
  skipped: ":heavy_minus_sign: skipped",
  planned: ":information_source: planned",
  "not-started": ":pause_button: not started"
};
var TEXT_STATUS = {
  deployed: "deployed",
  unchanged: "unchanged",
  blocked: "BLOCKED",
  failed: "FAILED",
  waiting: "waiting for phase 2",
  skipped: "skipped",
  planned: "planned",
  "not-started": "not started"
};
var RUN_LABEL = {
  "1": "phase 1",
  "2": "phase 2 (the delete)",
  normal: "a normal deploy"
};
function who(w) {
  return `${w.name ?? w.file}${w.env === null ? "" : ` (env ${w.env})`}`;
}
function nextOf(w) {
  const next = (w.after?.plan ?? w.plan)?.next;
  if (w.status === "failed" || w.status === "not-started") return "re-run";
  if (next === "1") return "phase 1";
  if (next === "2") return "phase 2";
  if (next === "deploy") return w.deployedOk ? "nothing pending" : "a normal deploy";
  return "nothing pending";
}
function renderReleaseMarkdown(report) {
  const lines = [];
  lines.push(`### Durable Object release: ${report.workers.length} Workers`, "");
  const icon = report.ok ? report.requested === "plan" ? ":information_source:" : ":white_check_mark:" : ":x:";
  lines.push(`${icon} **${cell(report.headline)}**`, "");
  const plans = report.workers.flatMap((w) => w.plan ? [plannedFromPlan(w.plan, w.file)] : []);
  if (plans.length > 0) lines.push(renderPlanMarkdown(plans, { heading: "Plan", level: 4 }), "");
  lines.push(
    "#### Workers",
    "",
    "| # | Worker | Config | Status | This run | Next |",
    "|---|---|---|---|---|---|"
  );
  report.workers.forEach((w, i) => {
    lines.push(
      `| ${i + 1} | ${code(who(w))} | ${code(w.file)} | ${STATUS_LABEL[w.status]} | ${w.ran ? RUN_LABEL[w.ran] : "nothing"} | ${nextOf(w)} |`
    );
  });
  lines.push("");
  if (report.edges.length > 0) {
    lines.push("#### Order", "", ...report.edges.map((e) => `- ${cell(e.why)}`), "");
  }
  if (report.confirmation) {
    lines.push(
      "> [!CAUTION]",
      `> Phase 2 destroys every object of ${report.confirmation.split(",").map((p) => code(p)).join(
        ", "
      )}, with all their storage, irreversibly. To run it, set \`confirm-data-loss\` to exactly: ${code(report.confirmation)}`,
      ""
    );
  }
  const problems = [
    ...report.blockers.map((p) => ({ who: "release", p })),
    ...report.workers.flatMap((w) => w.problems.map((p) => ({ who: who(w), p })))
  ];
  if (problems.length > 0) {
    lines.push(`#### ${report.ok ? "Problems" : "What stops the release"}`, "");
    for (const { who: name, p } of problems)
      lines.push(`- **${cell(name)}**: ${cell(p.message)}`, `  **Fix:** ${cell(p.fix)}`);
    lines.push("");
  }
  const details = report.workers.filter((w) => w.headline);
  if (details.length > 0) {
    lines.push("#### Each Worker", "", ...details.map((w) => `- ${code(who(w))}: ${cell(w.headline)}`), "");
  }
  if (report.next.length > 0) lines.push("#### Next", "", ...report.next.map((n) => `- ${cell(n)}`), "");
  if (report.notes.length > 0) lines.push("#### Notes", "", ...report.notes.map((n) => `- ${cell(n)}`), "");
  return `${lines.join("\n")}
`;
}
function renderReleaseText(report) {
  const lines = [];
  lines.push(`Durable Object release: ${report.workers.length} Workers`, `  ${report.headline}`);
  const plans = report.workers.flatMap((w) => w.plan ? [plannedFromPlan(w.plan, w.file)] : []);
  for (const line of renderPlanText(plans)) lines.push(`  ${line}`);
  report.workers.forEach((w, i) => {
    lines.push(
      `  ${i + 1}. ${who(w)} [${w.file}]: ${TEXT_STATUS[w.status]}${w.ran ? `, ${RUN_LABEL[w.ran]}` : ""}; next: ${nextOf(w)}`
    );
    if (w.headline) lines.push(`     ${w.headline}`);
    for (const p of w.problems) lines.push(`     ${p.message}`, `       fix: ${p.fix}`);
  });
  for (const e of report.edges) lines.push(`  order: ${e.why}`);
  for (const p of report.blockers) lines.push(`  ${p.message}`, `    fix: ${p.fix}`);
  if (report.confirmation) {
    lines.push(
      `  Phase 2 destroys every object of ${report.confirmation}, irreversibly. To run it, confirm exactly: ${report.confirmation}`
    );
  }
  for (const n of report.next) lines.push(`  next: ${n}`);
  for (const n of report.notes) lines.push(`  note: ${n}`);
  return `${lines.join("\n")}
`;
}
function summarizeRelease(input) {
  const { plan, workers, mayDeploy } = input;
  const count = (status) => workers.filter((w) => w.status === status).length;
  const failed = workers.find((w) => w.status === "failed");
  const blocked = !plan.ok || workers.some((w) => w.status === "blocked");
  const planned = input.requested === "plan";
  const ok = !blocked && !failed && count("not-started") === 0;
  const names = (list) => list.map((w) => w.name ?? w.file).join(", ");
  let headline;
  if (blocked && !planned) {
    const n = workers.filter((w) => w.problems.length > 0).length + (plan.blockers.length > 0 ? 1 : 0);
    headline = `Preflight refused the release: nothing was deployed (${n} ${n === 1 ? "blocker" : "blockers"} below).`;
  } else if (planned) {
    const order = workers.filter((w) => w.status === "planned" && w.ran);
    headline = `Plan only: nothing was deployed.${blocked ? " The release would be refused (blockers below)." : ""}${order.length ? ` In order, this release deploys: ${names(order)}.` : ""}`;
  } else if (failed) {
    const before = workers.filter((w) => w.status === "deployed");
    headline = `${failed.name ?? failed.file} failed${before.length ? ` after ${names(before)} deployed` : ""}; ${count("not-started")} not started. Re-run to continue from the live state.`;
  } else {
    const parts = [`${count("deployed")} deployed`];
    if (count("unchanged")) parts.push(`${count("unchanged")} unchanged`);
    if (count("waiting")) parts.push(`${count("waiting")} waiting for phase 2`);
    if (count("skipped")) parts.push(`${count("skipped")} skipped`);
    headline = `Release done: ${parts.join(", ")}.`;
  }
  const pending = workers.flatMap((w) => {
    const p = w.after?.plan ?? w.plan;
    return p && p.next === "2" && p.doomed.length > 0 ? [p] : [];
  });
  const confirmation = mayDeploy || planned ? confirmationFor(pending) : plan.confirmation;
  const next = [];
  if (planned) {
    next.push(
      blocked ? "Fix the blockers, then run with phase auto." : "Run with phase auto: it deploys the Workers in this order."
    );
  }
  if (blocked && !planned)
    next.push("Fix the blockers and re-run: nothing was deployed, so the release starts again from the top.");
  if (failed || count("not-started") > 0) {
    next.push(
      "Re-run with the same inputs: the release plans again from the live state and continues (phases that landed are not run again)."
    );
  }
  if (confirmation) {
    next.push(
      `Phase 2: run again with confirm-data-loss set to exactly ${confirmation} (from the protected environment): it destroys those classes' objects.`
    );
  }
  if (!planned && workers.some((w) => (w.after?.plan ?? w.plan)?.next === "1")) {
    next.push("Run the release again: some Workers still need phase 1.");
  }
  const notes = [...new Set(workers.flatMap((w) => w.notes))];
  notes.push(
    `Live state: ${input.accounts} ${input.accounts === 1 ? "account" : "accounts"} read, ${input.requests} Cloudflare API requests.`
  );
  return {
    requested: input.requested,
    ok: planned ? !blocked : ok,
    headline,
    workers,
    edges: plan.edges.filter((e) => plan.order.includes(e.before) && plan.order.includes(e.after)),
    blockers: plan.blockers,
    confirmation,
    next,
    notes
  };
}

// src/core/plan/exports-steps.ts
function exportsNextSteps(worker, after, live) {
  if (worker.lifecycle.model !== "exports" || !live.exists) return [];
  const self = worker.name ?? "this Worker";
  const out = [];
  const applied = new Set(after.tombstones.filter((t) => t.status === "applied").map((t) => t.className));
  for (const e of worker.lifecycle.entries) {
    if (e.state === "renamed" && applied.has(e.className)) {
      out.push(
        `${e.className} is now ${e.renamedTo}. Next (step 3 of a zero-downtime rename): drop the old name ${e.className} from the code; the "renamed" tombstone may then be removed from \`exports\`.`
      );
    } else if (e.state === "transferred" && applied.has(e.className)) {
      out.push(
        `${e.className} has moved to ${e.transferredTo}. Next (step 3 of 4): deploy ${e.transferredTo} with its ${e.className} entry turned live ("storage", no "state") and its binding; then (step 4) remove this "transferred" tombstone.`
      );
    } else if (e.state === "deleted" && applied.has(e.className)) {
      out.push(
        `The "deleted" tombstone of ${e.className} has applied: it may be removed from \`exports\` (cleanup, not a delete).`
      );
    } else if (e.state === "expecting-transfer" && live.provisioned !== null) {
      out.push(
        live.provisioned.has(e.className) ? `${e.className} has arrived from ${e.transferFrom}. Next (step 3 of 4): turn its entry into a live one ("storage", no "state") and bind it; ${e.transferFrom} then removes its tombstone.` : `${self} now expects ${e.className} from ${e.transferFrom}. Next (step 2 of 4): deploy ${e.transferFrom} with "${e.className}": { "type": "durable-object", "state": "transferred", "transferred_to": "${self}" }.`
      );
    }
  }
  return out;
}

// src/core/release/candidate.ts
function releaseCandidate(input) {
  const { worker, account } = input;
  const planned = planWorker(
    { file: input.file, env: worker.env, name: worker.name, worker, base: null, reason: "changed" },
    account ? { accounts: /* @__PURE__ */ new Map([[input.accountId, account]]), defaultAccount: input.accountId } : null
  );
  const settings = account?.settings.get(worker.name);
  const problem = planned.status === "failed" ? planned.problem : null;
  return {
    key: input.key,
    file: input.file,
    env: worker.env,
    name: worker.name,
    accountId: input.accountId,
    worker,
    plan: planned.plan,
    live: planned.live,
    liveBindings: settings?.ok && settings.value.exists ? settings.value.bindings : [],
    liveUsesExports: Boolean(settings?.ok && settings.value.exportsState !== void 0),
    codeExports: input.codeExports,
    problems: problem ? [
      {
        message: `The live state of ${worker.name} could not be read: ${problem.message}.`,
        fix: "Check the account ID, the token and the network, then re-run: nothing was deployed."
      }
    ] : []
  };
}
function unplannedCandidate(key, file, worker, problems) {
  return {
    key,
    file,
    env: worker.env,
    name: worker.name,
    accountId: null,
    worker: null,
    plan: null,
    live: null,
    liveBindings: [],
    liveUsesExports: false,
    codeExports: null,
    problems
  };
}

// src/core/release/release-plan.ts
function planRelease(candidates, options) {
  const workers = preflightWorkers(candidates, options);
  const blockers = [];
  const byKey = new Map(candidates.map((c) => [c.key, c]));
  if (!options.single) {
    const doomed = new Set(
      candidates.flatMap((c) => c.plan ? c.plan.doomed.map((x) => `${c.plan?.worker}:${x}`) : [])
    );
    for (const pair of parseConfirmation(options.confirm)) {
      if (pair.worker === null) {
        blockers.push({
          message: `The confirmation names ${pair.className} without its Worker: a release confirms Worker:Class pairs.`,
          fix: `Name each class with its Worker, e.g. ${[...doomed][0] ?? `my-worker:${pair.className}`}.`
        });
      } else if (!doomed.has(`${pair.worker}:${pair.className}`)) {
        blockers.push({
          message: `The confirmation names ${pair.worker}:${pair.className}, which this release does not destroy.`,
          fix: `Confirm exactly what the plan destroys${doomed.size ? `: ${[...doomed].join(",")}` : " (nothing)"}.`
        });
      }
    }
  }
  const deploying = workers.filter(
    (w) => w.run !== null && (w.status === "deploy" || w.status === "planned")
  );
  const nodes = deploying.flatMap((w) => {
    const c = byKey.get(w.key);
    if (!c?.worker || !c.plan || !c.live || !c.name || !c.accountId) return [];
    return [
      {
        key: c.key,
        accountId: c.accountId,
        name: c.name,
        worker: c.worker,
        plan: c.plan,
        live: c.live,
        liveBindings: c.liveBindings,
        run: w.run
      }
    ];
  });
  const order = releaseOrder(nodes);
  if (order.cycle) {
    blockers.push({
      message: `These Workers wait for each other, so no order can deploy them: ${order.cycle.map((e) => e.why).join("; ")}.`,
      fix: "Break the cycle: release one of them without the binding first (remove it, release, then add it back in a later release)."
    });
  }
  const waiting = candidates.flatMap((c) => {
    const d = workers.find((w) => w.key === c.key);
    return c.plan && c.plan.doomed.length > 0 && (d?.status === "waiting" || d?.run === "1") ? [c.plan] : [];
  });
  const ok = blockers.length === 0 && workers.every((w) => w.status !== "blocked" && w.blockers.length === 0);
  return {
    workers,
    order: order.order,
    waitsFor: order.waitsFor,
    edges: order.edges,
    blockers,
    ok,
    confirmation: confirmationFor(waiting)
  };
}

// src/deploy/live-read.ts
async function repositoryWorkersOnDisk(files, slots, fs) {
  const workers = [];
  for (const s of slots) if (s.target) workers.push(s.target.worker);
  const texts = new Map(slots.flatMap((s) => s.target ? [[s.target.configPath, s.target.configText]] : []));
  for (const file of files) {
    let text = texts.get(file);
    if (text === void 0) {
      try {
        text = await fs.readText(file);
      } catch {
        continue;
      }
    }
    const parsed = parseConfigText(file, text);
    if (parsed.ok) workers.push(...readWorkers(parsed).workers);
  }
  return workerNames(workers);
}
async function readAccounts(slots, repositoryNames, adapters, log, single, quiet = false) {
  const byAccount = /* @__PURE__ */ new Map();
  for (const s of slots) {
    if (!s.target) continue;
    byAccount.set(s.target.accountId, [...byAccount.get(s.target.accountId) ?? [], s.target]);
  }
  const reads = /* @__PURE__ */ new Map();
  const asked = /* @__PURE__ */ new Map();
  for (const [accountId, targets] of byAccount) {
    const names = new Set(targets.map((t) => t.worker.name));
    const owners = new Set(
      targets.flatMap(
        (t) => t.worker.bindings.flatMap(
          (b) => b.scriptName !== null && b.scriptName !== t.worker.name && !names.has(b.scriptName) ? [b.scriptName] : []
        )
      )
    );
    asked.set(accountId, { names, owners });
    reads.set(accountId, {
      workers: [...names, ...owners],
      repositoryWorkers: repositoryNames,
      doomed: (read) => targets.flatMap((t) => destroyedBy(read, t.worker, t.worker.name)),
      // The read after a deploy (quiet) decides only the next phase: the objects are not counted again.
      ...quiet ? { objectCap: 0 } : {}
    });
  }
  const { accounts: out, budget } = await adapters.readLive(reads, { oneAtATime: true });
  for (const [accountId, { names, owners }] of asked) {
    const account = out.get(accountId);
    if (!account.scripts.ok && single) throw new LiveReadError(account.scripts.problem);
    if (quiet) continue;
    const subject = [...names].join(", ");
    const { repository, outside, skipped } = account.scanned;
    for (const other of [...repository, ...outside, ...owners]) {
      const read = account.settings.get(other);
      if (read && !read.ok) {
        log.warning(
          `Could not read the live bindings of Worker ${other}: ${read.problem.message}. If it binds a class of ${subject}, Cloudflare refuses the delete (code 10061).`
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
    if (skipped > 0) {
      log.warning(
        `${skipped} more Workers of the account were not checked for bindings to ${subject} (${repository.length + outside.length} were). Cloudflare still refuses a delete while any Worker binds the class (code 10061).`
      );
    }
    const first = slots.find((s) => s.target && s.target.accountId === accountId);
    if (repository.length > 0) {
      first.notes.unshift(
        `Other Workers of the repository checked for bindings to ${subject}: ${repository.join(", ")}.`
      );
    }
    if (outside.length > 0) {
      first.notes.push(
        `Workers of the account outside the repository checked for bindings to ${subject}: ${outside.length}${skipped > 0 ? ` (${skipped} more not checked)` : ""}.`
      );
    }
  }
  if (budget.refused > 0 && !quiet) {
    log.warning(
      `The live read stopped at its budget of ${budget.limit} Cloudflare API requests (${budget.refused} more were not sent, to stay under Cloudflare's rate limit): see the warnings above for what was not read.`
    );
  }
  return out;
}
var LiveReadError = class extends Error {
  name = "LiveReadError";
  /** Cloudflare's error code, when the API answered with one. */
  code;
  /** HTTP status, when there was a response. */
  status;
  constructor(problem) {
    super(problem.message);
    this.code = problem.code;
    this.status = problem.status;
  }
};

// src/deploy/schedule.ts
async function runInOrder(keys, waitsFor, max, deploy) {
  const pending = [...keys];
  const done = /* @__PURE__ */ new Set();
  const running = /* @__PURE__ */ new Map();
  let failed = false;
  for (; ; ) {
    if (!failed) {
      for (let i = 0; i < pending.length && running.size < Math.max(1, max); ) {
        const key = pending[i];
        const waits = (waitsFor.get(key) ?? []).filter((k) => keys.includes(k));
        if (!waits.every((k) => done.has(k))) {
          i++;
          continue;
        }
        pending.splice(i, 1);
        const task = deploy(key).then(
          (ok) => {
            if (ok) done.add(key);
            else failed = true;
          },
          (error) => {
            failed = true;
            throw error;
          }
        );
        running.set(
          key,
          task.finally(() => running.delete(key))
        );
      }
    }
    if (running.size === 0) return;
    await Promise.race(running.values());
  }
}

// src/deploy/worker-deploy.ts
import { randomBytes } from "node:crypto";
import { basename as basename2, dirname as dirname4, isAbsolute as isAbsolute3, join as join5, relative as relative3, resolve as resolve5, sep as sep3 } from "node:path";
var TEMP_PREFIX = ".do-migrate-phase1.";
async function deployWorker(target, plan, live, run2, options) {
  const { worker } = target;
  const deployWith = (configPath) => {
    options.log.info(
      `Running: wrangler deploy --config ${relative3(target.workingDirectory, configPath)}${worker.env === null ? "" : ` --env ${worker.env}`}`
    );
    const wrangler = {
      wranglerBin: options.wranglerBin,
      cwd: target.workingDirectory,
      configPath,
      env: worker.env,
      accountId: target.accountId,
      token: options.token,
      silent: options.silent
    };
    if (options.apiBaseUrl !== void 0) wrangler.apiBaseUrl = options.apiBaseUrl;
    if (options.baseEnv !== void 0) wrangler.baseEnv = options.baseEnv;
    return options.deploy(wrangler);
  };
  if (run2 !== "1") return { result: await deployWith(target.configPath), standIns: [], notes: [] };
  const phase1 = await preparePhase1(target, plan, live, options);
  try {
    return { result: await deployWith(phase1.configPath), standIns: phase1.standIns, notes: phase1.notes };
  } finally {
    await phase1.cleanup();
  }
}
function deployFinished(result) {
  return result.ok && (result.records.length === 0 || result.records.some((r) => r.type === "deploy"));
}
function explainFailure(result, workerName, what) {
  if (result.ok) {
    return {
      headline: `${what} did not finish: wrangler stopped without reporting a deploy.`,
      message: "wrangler exited without its `deploy` record (was it killed?). The live state above shows what landed.",
      fix: "Re-run: the deploy plans again from the live state and resumes."
    };
  }
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
async function codeExports(worker, configPath, root, sourceReader) {
  if (worker.main === null) return { status: "unknown", message: "the config has no `main`" };
  const entryPath = resolve5(dirname4(configPath), worker.main);
  const rel = relative3(root, entryPath);
  if (rel.startsWith("..") || isAbsolute3(rel)) {
    return { status: "unknown", message: "the entry is outside the repository" };
  }
  try {
    const result = await resolveWorkerExports(rel.split(sep3).join("/"), sourceReader(root));
    return result.status === "known" ? { status: "known", names: result.names } : { status: "unknown", message: result.message };
  } catch (error) {
    return { status: "unknown", message: error.message };
  }
}
async function preparePhase1(target, plan, live, options) {
  const { worker } = target;
  const configDir = dirname4(target.configPath);
  const suffix = randomBytes(6).toString("hex");
  const notes = [];
  const temp = [];
  const cleanup = async () => {
    for (const path of temp) await options.files.removeTemp(path);
  };
  const writeTemp2 = async (path, text) => {
    temp.push(path);
    await options.files.writeTemp(path, text);
  };
  try {
    let main;
    let standIns = [];
    if (worker.main === null) {
      notes.push("The config has no `main`: the classes the code exports could not be checked.");
    } else {
      const entryPath = resolve5(configDir, worker.main);
      const exported = options.exported;
      if (exported.status === "unknown") {
        options.log.warning(
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
          const standInPath = join5(dirname4(entryPath), `${TEMP_PREFIX}${suffix}.entry.js`);
          const text = standInEntryModule(`./${basename2(entryPath)}`, standIns, {
            hasDefault: exported.names.has("default")
          });
          await writeTemp2(standInPath, text);
          main = relative3(configDir, standInPath).split(sep3).join("/");
          options.log.info(
            `Phase 1: the code no longer exports ${standIns.join(", ")}; supplying a stand-in export.`
          );
        }
      }
    }
    const derived = derivePhase1Config(target.configPath, target.configText, worker, plan, {
      ...live.provisioned ? { liveStorage: live.provisioned } : {},
      ...main !== void 0 ? { main } : {}
    });
    const configPath = join5(configDir, `${TEMP_PREFIX}${suffix}.${basename2(target.configPath)}`);
    await writeTemp2(configPath, derived);
    return { configPath, standIns, notes, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

// src/deploy/release.ts
async function runRelease(request, adapters) {
  const scrub = (text) => request.token.length > 0 ? text.split(request.token).join("***") : text;
  const log = {
    info: (m) => adapters.log.info(scrub(m)),
    warning: (m) => adapters.log.warning(scrub(m))
  };
  const early2 = (message, fix) => ({
    ok: false,
    single: request.selection.kind !== "select",
    early: { message: scrub(message), fix: scrub(fix) },
    report: null,
    runs: []
  });
  try {
    return await run(request, adapters, log, scrub);
  } catch (error) {
    if (error instanceof DeployError) return early2(error.message, error.fix);
    if (error instanceof UnusableApiBaseUrl) {
      return early2(
        error.message,
        "Point CLOUDFLARE_API_BASE_URL at the https:// API (or unset it): nothing was deployed."
      );
    }
    if (error instanceof LiveReadError) {
      const explained = error.code !== null ? explainCloudflareError(error.code, error.message) : void 0;
      return early2(
        `Reading the live state from the Cloudflare API failed: ${error.message}${explained ? ` (${explained.title})` : ""}`,
        explained?.fix ?? (error.status === 401 || error.status === 403 ? "Check the API token (it needs Workers Scripts read/edit) and the account ID." : "Check the account ID, the token and the network, then re-run: nothing was deployed.")
      );
    }
    throw error;
  }
}
async function run(request, adapters, log, scrub) {
  const selected = await selectWorkers(request, adapters, log);
  const { root, files } = selected;
  const slots = selected.slots.map((x) => ({ ...x, candidate: null, exported: null }));
  const single = slots.length === 1;
  for (const s of slots) {
    if (s.target) {
      const w = s.target.worker;
      log.info(
        `Config: ${s.loaded.label}; Worker ${w.name} (${w.env === null ? "top level" : `env ${w.env}`}).`
      );
    }
  }
  if (single && !slots[0]?.target && slots[0]) {
    const l = slots[0].loaded;
    if (!l.ok) throw new DeployError(l.message, l.fix);
  }
  const repositoryNames = await repositoryWorkersOnDisk(files, slots, adapters);
  const accounts = await readAccounts(slots, repositoryNames, adapters, log, single);
  const outsideClasses = /* @__PURE__ */ new Map();
  for (const s of slots) {
    if (!s.target) continue;
    const account = accounts.get(s.target.accountId);
    const problem = account ? workerProblem(account, s.target.worker.name) : null;
    if (problem && single) throw new LiveReadError(problem);
    const exported = await codeExports(s.target.worker, s.target.configPath, root, adapters.sourceReader);
    s.exported = exported;
    if (exported.status === "unknown" && s.target.worker.main !== null) {
      s.notes.push(
        `The export names of ${s.target.worker.main} could not be determined: ${exported.message}`
      );
    }
    s.candidate = releaseCandidate({
      key: s.key,
      file: s.loaded.label,
      worker: s.target.worker,
      accountId: s.target.accountId,
      account,
      codeExports: exported.status === "known" ? exported.names : null
    });
    for (const b of s.target.worker.bindings) {
      if (b.scriptName === null || b.scriptName === s.target.worker.name || !account) continue;
      const ns = namespacesOf(account, b.scriptName);
      outsideClasses.set(`${s.target.accountId}\0${b.scriptName}`, ns ? new Set(ns.keys()) : null);
    }
  }
  const candidates = slots.map(
    (s) => s.candidate ?? unplannedCandidate(
      s.key,
      s.loaded.label,
      s.loaded.ok ? s.loaded.target.worker : s.loaded,
      s.loaded.ok ? [] : [{ message: s.loaded.message, fix: s.loaded.fix }]
    )
  );
  const plan = planRelease(candidates, {
    requested: request.phase,
    confirm: request.confirmDataLoss,
    single,
    skipUnchanged: request.skipUnchanged ?? false,
    outsideClasses
  });
  const decisions = new Map(plan.workers.map((d) => [d.key, d]));
  const runs = /* @__PURE__ */ new Map();
  for (const s of slots) {
    const c = candidates.find((x) => x.key === s.key);
    const d = decisions.get(s.key);
    runs.set(s.key, {
      key: s.key,
      file: c.file,
      env: c.env,
      name: c.name,
      status: statusOf(d?.status ?? "blocked"),
      ran: d?.run ?? null,
      deployedOk: false,
      plan: c.plan,
      after: null,
      headline: headlineOf(d, c.plan, single),
      problems: [...d?.blockers ?? []],
      standIns: [],
      waitsFor: (plan.waitsFor.get(s.key) ?? []).map((k) => candidates.find((x) => x.key === k)?.name ?? k),
      notes: s.notes
    });
  }
  const deploying = plan.order.filter((k) => decisions.get(k)?.status === "deploy");
  const wranglers = /* @__PURE__ */ new Map();
  let wranglerOk = true;
  if (plan.ok && request.phase !== "plan") {
    for (const key of deploying) {
      const s = slots.find((x) => x.key === key);
      const dir = s.target.workingDirectory;
      if (wranglers.has(dir)) continue;
      try {
        wranglers.set(dir, await adapters.resolveWrangler(dir, request.wranglerVersion));
      } catch (error) {
        wranglerOk = false;
        for (const k of deploying) {
          const t = slots.find((x) => x.key === k)?.target;
          if (t?.workingDirectory !== dir) continue;
          const r = runs.get(k);
          r.status = single ? "failed" : "blocked";
          r.headline = "No wrangler to deploy with: nothing was deployed.";
          r.problems.push({
            message: scrub(error.message),
            fix: "Add wrangler to the project's devDependencies (and install them before this step), or set wrangler-version."
          });
        }
      }
    }
  }
  const mayDeploy = plan.ok && wranglerOk && request.phase !== "plan";
  let attempted = false;
  if (mayDeploy && deploying.length > 0) {
    attempted = true;
    await runInOrder(deploying, plan.waitsFor, request.maxParallel ?? 1, async (key) => {
      const s = slots.find((x) => x.key === key);
      const r = runs.get(key);
      const c = s.candidate;
      const target = s.target;
      const runKind = r.ran;
      const p = c.plan;
      log.info(
        `${runKind === "normal" ? "Normal deploy" : `Phase ${runKind}`} of ${target.worker.name}: ${planSentence(p)}`
      );
      const done = await deployWorker(target, p, c.live, runKind, {
        wranglerBin: wranglers.get(target.workingDirectory),
        token: request.token,
        ...request.apiBaseUrl !== void 0 ? { apiBaseUrl: request.apiBaseUrl } : {},
        ...request.baseEnv !== void 0 ? { baseEnv: request.baseEnv } : {},
        silent: request.silent ?? false,
        exported: s.exported,
        log,
        deploy: (o) => adapters.deploy(o),
        files: adapters
      });
      r.standIns = done.standIns;
      r.notes.push(...done.notes);
      const what = runKind === "normal" ? "The deploy" : `Phase ${runKind}`;
      if (!deployFinished(done.result)) {
        const problem = explainFailure(done.result, target.worker.name, what);
        r.status = "failed";
        r.headline = scrub(problem.headline);
        r.problems.push({ message: scrub(problem.message), fix: scrub(problem.fix) });
        return false;
      }
      r.status = "deployed";
      r.deployedOk = true;
      r.headline = runKind === "1" ? `Phase 1 deployed: ${target.worker.name} no longer binds ${p.doomed.join(", ")}; the delete is held back. Next: phase 2.` : runKind === "2" ? `Phase 2 deployed: ${p.doomed.join(", ")} ${p.doomed.length === 1 ? "was" : "were"} deleted with all ${p.doomed.length === 1 ? "its" : "their"} objects.` : `Deployed ${target.worker.name}${p.pendingTags.length ? ` (migrations ${p.pendingTags.join(", ")})` : ""}.`;
      return true;
    });
    for (const key of deploying) {
      const r = runs.get(key);
      if (r.status === "not-started") {
        r.headline = "Not started: an earlier Worker of the release failed. Re-run to continue.";
      }
    }
  }
  if (attempted) {
    try {
      const after = await readAccounts(slots, repositoryNames, adapters, log, single, true);
      for (const s of slots) {
        if (!s.target) continue;
        const account = after.get(s.target.accountId);
        if (!account || workerProblem(account, s.target.worker.name)) continue;
        const live = liveStateFor(account, s.target.worker.name);
        const r = runs.get(s.key);
        r.after = {
          plan: planDeploy(s.target.worker, live),
          liveTag: live.exists ? live.migrationTag : null
        };
        if (r.deployedOk) r.notes.push(...exportsNextSteps(s.target.worker, r.after.plan, live));
        if (r.deployedOk && r.ran === "1" && r.after.plan.next === "1") {
          r.notes.push(
            `Phase 1 deployed, but ${s.target.worker.name} still binds ${r.after.plan.blockingBindings.map((b) => b.className).join(", ")} live (a gradual deployment still serving an older version?). Phase 2 waits until no live version binds them.`
          );
        }
      }
    } catch (error) {
      log.warning(`Could not read the live state again after the deploy: ${error.message}`);
    }
  }
  const ordered = [
    ...plan.order.map((k) => runs.get(k)),
    ...slots.filter((s) => !plan.order.includes(s.key)).map((s) => runs.get(s.key))
  ];
  if (!mayDeploy && request.phase !== "plan") {
    for (const r of ordered) {
      if (r.status === "not-started")
        r.headline = "Not deployed: the release was refused (see the blockers).";
    }
  }
  const summary = summarizeRelease({
    requested: request.phase,
    plan,
    workers: ordered,
    accounts: accounts.size,
    requests: [...accounts.values()].reduce((n, a) => n + a.requests, 0),
    mayDeploy
  });
  const report = {
    ...summary,
    headline: scrub(summary.headline),
    notes: summary.notes.map(scrub)
  };
  return { ok: report.ok, single, early: null, report, runs: ordered };
}
function statusOf(status) {
  return status === "deploy" ? "not-started" : status;
}
function headlineOf(d, plan, single) {
  if (!d) return "";
  if (!single) return d.status === "blocked" ? "Blocked: see what stops the release." : d.reason;
  if (d.status === "planned")
    return `Plan only: nothing was deployed. Next: ${plan ? describeNext(plan) : "nothing"}.`;
  if (d.status === "blocked") return "Refused: nothing was deployed.";
  if (d.status === "unchanged" || d.status === "waiting" || d.status === "skipped") return d.reason;
  return "";
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

// src/core/plan/render-plan.ts
var RUN_LABEL2 = {
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
  if (report.ran) rows.push(["Ran", RUN_LABEL2[report.ran]]);
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
  if (report.ran) lines.push(`  ran:                ${RUN_LABEL2[report.ran]}`);
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
var OUTCOME = {
  planned: "planned",
  deployed: "deployed",
  unchanged: "skipped",
  skipped: "skipped",
  waiting: "refused",
  blocked: "refused",
  failed: "failed",
  "not-started": "refused"
};
function singleResult(result, requested) {
  const w = result.runs[0];
  if (result.early || !w || !w.plan) {
    const problem = result.early ?? w?.problems[0] ?? { message: "Nothing to deploy.", fix: "Check the config." };
    return early(problem.message, problem.fix);
  }
  const outcome = OUTCOME[w.status];
  const ok = outcome !== "refused" && outcome !== "failed";
  const report = {
    configFile: w.file,
    requested,
    plan: w.plan,
    outcome,
    ran: outcome === "planned" || outcome === "skipped" || outcome === "refused" ? null : w.ran,
    headline: w.headline,
    problems: w.problems,
    standIns: w.standIns,
    after: w.after ? { liveTag: w.after.liveTag, next: w.after.plan.next, blockingBindings: w.after.plan.blockingBindings } : null,
    notes: [...new Set(w.notes)]
  };
  const outputs = workerOutputs(w);
  return {
    ok,
    outcome,
    phase: outputs.phase,
    deployed: w.deployedOk ? w.ran : null,
    nextPhase: outputs.nextPhase,
    migrationTag: outputs.migrationTag,
    deletedClasses: outputs.deletedClasses,
    standIns: w.standIns,
    message: ok ? null : w.problems.map((p) => `${p.message} ${p.fix}`).join("\n"),
    report,
    markdown: renderDeployMarkdown(report),
    text: renderDeployText(report)
  };
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

// src/deploy/run-deploy.ts
async function runDeploy(request, adapters) {
  const result = await runRelease(request, adapters);
  const outputs = result.report ? releaseOutputs(result.report) : null;
  if (result.single || !result.report) {
    const one = singleResult(result, request.phase);
    const plan = one.report?.plan;
    const pending = plan && one.nextPhase === "2" ? one.deletedClasses.map((d) => d.class).join(",") ?? "" : "";
    return {
      ok: one.ok,
      message: one.message,
      markdown: one.markdown,
      text: one.text,
      phase: one.phase,
      nextPhase: one.nextPhase,
      migrationTag: one.migrationTag,
      deletedClasses: one.deletedClasses,
      workers: outputs?.workers ?? [],
      confirmation: pending
    };
  }
  const report = result.report;
  const problems = [
    ...report.blockers,
    ...report.workers.flatMap(
      (w) => w.problems.map((p) => ({ ...p, message: `${w.name ?? w.file}: ${p.message}` }))
    )
  ];
  return {
    ok: report.ok,
    message: report.ok ? null : [report.headline, ...problems.map((p) => `${p.message} ${p.fix}`)].join("\n"),
    markdown: renderReleaseMarkdown(report),
    text: renderReleaseText(report),
    phase: outputs?.phase ?? "none",
    nextPhase: outputs?.nextPhase ?? "none",
    migrationTag: null,
    deletedClasses: outputs?.deletedClasses ?? [],
    workers: outputs?.workers ?? [],
    confirmation: report.confirmation
  };
}

export {
  createDeployAdapters,
  selectionFor,
  runDeploy
};
