// Runs the bundled action (dist/index.js) the way the GitHub runner does: a child process of
// Node 24 in the workspace, every input of action.yml as an `INPUT_*` variable with its default,
// the event payload in a file, and the runner's file commands (GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY) in fresh files. Then reads back what a runner would: exit status, outputs,
// the job summary, annotations and other workflow commands printed on stdout.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { get, getString, parseYaml } from "../../scripts/ship/yaml-nodes.ts";

export const ROOT = resolve(import.meta.dirname, "../..");
export const ACTION_BUNDLE = join(ROOT, "dist/index.js");

/** The `inputs:` of action.yml with their defaults (`""` when an input has none). */
export function actionInputDefaults(actionYml = join(ROOT, "action.yml")): Map<string, string> {
  const inputs = get(parseYaml(readFileSync(actionYml, "utf8")), "inputs");
  const entries = inputs?.kind === "map" ? inputs.entries : [];
  if (entries.length === 0) throw new Error(`no inputs found in ${actionYml}`);
  return new Map(entries.map((e) => [e.key, getString(e.value, "default") ?? ""]));
}

/** The default of `github-token`: the runner puts the job's token there. */
const GITHUB_TOKEN_EXPRESSION = /^\$\{\{\s*github\.token\s*\}\}$/;

/** `INPUT_<NAME>` the way the runner names it: upper case, spaces to `_`, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}

/** A workflow command printed on stdout: `::name key=value,...::message`. */
export interface WorkflowCommand {
  readonly command: string;
  readonly properties: Record<string, string>;
  readonly message: string;
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%");
}

function unescapeProperty(text: string): string {
  return text
    .replace(/%0D/g, "\r")
    .replace(/%0A/g, "\n")
    .replace(/%3A/g, ":")
    .replace(/%2C/g, ",")
    .replace(/%25/g, "%");
}

export function parseWorkflowCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = line.match(/^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/);
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? "").split(",").filter(Boolean)) {
      const eq = pair.indexOf("=");
      if (eq > 0) properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    commands.push({ command: match[1]!, properties, message: unescapeData(match[3]!) });
  }
  return commands;
}

/** The runner's GITHUB_OUTPUT file: `name<<DELIMITER` blocks (and plain `name=value` lines). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "") continue;
    const heredoc = line.match(/^([^=<]+)<<(.+)$/);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      if (i >= lines.length) throw new Error(`output ${name}: delimiter ${delimiter} never closes`);
      outputs[name!] = value.join("\n");
      continue;
    }
    const eq = line.indexOf("=");
    if (eq <= 0) throw new Error(`malformed output line: ${JSON.stringify(line)}`);
    outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return outputs;
}

export interface Repository {
  readonly owner: string;
  readonly name: string;
}

export interface PullRequestPayloadSpec {
  readonly number: number;
  readonly body?: string | null;
  readonly base: { readonly sha: string; readonly ref?: string };
  readonly head: { readonly sha: string; readonly ref?: string; readonly repoFullName?: string };
  readonly repository: Repository;
  readonly author?: string;
  readonly action?: string;
}

/** A pull_request (or pull_request_target) payload with the fields GitHub sends that matter here. */
export function pullRequestPayload(spec: PullRequestPayloadSpec): Record<string, unknown> {
  const fullName = `${spec.repository.owner}/${spec.repository.name}`;
  const headFullName = spec.head.repoFullName ?? fullName;
  const fork = headFullName.toLowerCase() !== fullName.toLowerCase();
  const author = spec.author ?? "octo-dev";
  const repo = (full: string, isFork: boolean) => {
    const [owner = "", name = ""] = full.split("/");
    return {
      id: isFork ? 9002 : 9001,
      name,
      full_name: full,
      owner: { login: owner },
      fork: isFork,
      private: false,
    };
  };
  return {
    action: spec.action ?? "synchronize",
    number: spec.number,
    pull_request: {
      number: spec.number,
      state: "open",
      title: "Change the Durable Objects",
      body: spec.body ?? null,
      user: { login: author, type: "User" },
      html_url: `https://github.test/${fullName}/pull/${spec.number}`,
      base: {
        label: `${spec.repository.owner}:${spec.base.ref ?? "main"}`,
        ref: spec.base.ref ?? "main",
        sha: spec.base.sha,
        repo: repo(fullName, false),
      },
      head: {
        label: `${headFullName.split("/")[0]}:${spec.head.ref ?? "feature"}`,
        ref: spec.head.ref ?? "feature",
        sha: spec.head.sha,
        repo: repo(headFullName, fork),
      },
    },
    repository: repo(fullName, false),
    sender: { login: author, type: "User" },
  };
}

export function pushPayload(spec: { before: string; after: string; ref?: string; repository: Repository }) {
  const fullName = `${spec.repository.owner}/${spec.repository.name}`;
  return {
    ref: spec.ref ?? "refs/heads/main",
    before: spec.before,
    after: spec.after,
    created: false,
    deleted: false,
    forced: false,
    repository: { name: spec.repository.name, full_name: fullName, owner: { login: spec.repository.owner } },
    pusher: { name: "octo-dev" },
    sender: { login: "octo-dev", type: "User" },
  };
}

export interface ActionRunSpec {
  /** GITHUB_WORKSPACE: a real git repository. The action runs with it as cwd. */
  readonly workspace: string;
  readonly eventName: string;
  readonly payload: Record<string, unknown>;
  readonly repository: Repository;
  /** GITHUB_API_URL (the local stand-in). */
  readonly apiUrl: string;
  /** The token `${{ github.token }}` stands for. */
  readonly token: string;
  /** Inputs given in the workflow's `with:` (others keep their action.yml default). */
  readonly with?: Record<string, string>;
  /** GITHUB_SHA (default: the workspace's HEAD is not looked up; pass it). */
  readonly sha?: string;
  readonly ref?: string;
  readonly timeoutMs?: number;
  /** More variables a runner (or the workflow's `env:`) sets, e.g. CLOUDFLARE_API_BASE_URL. */
  readonly extraEnv?: Record<string, string>;
}

export interface ActionRun {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
  readonly commands: WorkflowCommand[];
  /** `::error` / `::warning` / `::notice` commands. */
  readonly annotations: WorkflowCommand[];
  /** The message of each `::error` without a file (setFailed's). */
  readonly failures: string[];
  readonly warnings: string[];
  /** Text of the file the `report` output names, or null. */
  readonly reportText: string | null;
  /** The environment the action ran with (INPUT_* included). */
  readonly env: Readonly<Record<string, string>>;
  readonly durationMs: number;
}

/** Runs dist/index.js once, like a step `uses: ./` on a runner. */
export async function runAction(spec: ActionRunSpec): Promise<ActionRun> {
  const runner = mkdtempSync(join(tmpdir(), "do-migrate-runner-"));
  try {
    const temp = join(runner, "_temp");
    const home = join(runner, "home");
    mkdirSync(temp);
    mkdirSync(home);
    const eventPath = join(runner, "event.json");
    const outputPath = join(temp, "_runner_file_commands", "set_output");
    const summaryPath = join(temp, "_runner_file_commands", "step_summary");
    mkdirSync(dirname(outputPath), { recursive: true });
    writeFileSync(eventPath, JSON.stringify(spec.payload, null, 2));
    writeFileSync(outputPath, "");
    writeFileSync(summaryPath, "");

    const env: Record<string, string> = {
      // What a runner sets (the relevant part), nothing inherited from this test process.
      PATH: ["/usr/local/bin", "/usr/bin", "/bin"].join(":"),
      HOME: home,
      LANG: "C.UTF-8",
      CI: "true",
      GITHUB_ACTIONS: "true",
      GITHUB_EVENT_NAME: spec.eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: `${spec.repository.owner}/${spec.repository.name}`,
      GITHUB_REPOSITORY_OWNER: spec.repository.owner,
      GITHUB_WORKSPACE: spec.workspace,
      GITHUB_API_URL: spec.apiUrl,
      GITHUB_SERVER_URL: "https://github.test",
      GITHUB_GRAPHQL_URL: `${spec.apiUrl}/graphql`,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_ACTION_REPOSITORY: "acme/do-migrate-action",
      GITHUB_ACTION_REF: "v1",
      GITHUB_RUN_ID: "1",
      GITHUB_JOB: "check",
      RUNNER_TEMP: temp,
      RUNNER_OS: "Linux",
      ...(spec.sha ? { GITHUB_SHA: spec.sha } : {}),
      ...(spec.ref ? { GITHUB_REF: spec.ref } : {}),
      ...spec.extraEnv,
    };
    const given = new Map(Object.entries(spec.with ?? {}));
    for (const [name, fallback] of actionInputDefaults()) {
      const value = given.get(name) ?? fallback;
      given.delete(name);
      env[inputVariable(name)] = GITHUB_TOKEN_EXPRESSION.test(value) ? spec.token : value;
    }
    if (given.size > 0) throw new Error(`inputs not declared in action.yml: ${[...given.keys()].join(", ")}`);

    const started = performance.now();
    const { status, signal, stdout, stderr } = await spawnCollect(
      process.execPath,
      [ACTION_BUNDLE],
      { cwd: spec.workspace, env },
      spec.timeoutMs ?? 30_000,
    );
    const durationMs = performance.now() - started;
    const outputs = parseOutputFile(readFileSync(outputPath, "utf8"));
    const commands = parseWorkflowCommands(stdout);
    const annotations = commands.filter((c) => ["error", "warning", "notice"].includes(c.command));
    let reportText: string | null = null;
    if (outputs.report) {
      try {
        reportText = readFileSync(outputs.report, "utf8");
      } catch {
        reportText = null;
      }
    }
    return {
      status,
      signal,
      stdout,
      stderr,
      outputs,
      summary: readFileSync(summaryPath, "utf8"),
      commands,
      annotations,
      failures: annotations.filter((c) => c.command === "error" && !c.properties.file).map((c) => c.message),
      warnings: annotations.filter((c) => c.command === "warning").map((c) => c.message),
      reportText,
      env,
      durationMs,
    };
  } finally {
    rmSync(runner, { recursive: true, force: true });
  }
}

/** Runs a process to the end (killed after `timeoutMs`) and collects its output. */
export function spawnCollect(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string> },
  timeoutMs: number,
): Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      resolvePromise({ status, signal, stdout, stderr });
    });
  });
}
