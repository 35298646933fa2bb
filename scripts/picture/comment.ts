// `npm run picture`: the sticky comment as GitHub shows it, as PNGs for the documentation: the
// README's (docs/images/sticky-comment.png, cut to front-page size) and the whole comment
// (docs/images/sticky-comment-full.png, in docs/check.md). Regenerate them when the comment
// changes. Not part of .ci/run:
// it needs GitHub's cmark-gfm and Chromium on the machine (INSTALL below, on Debian or Ubuntu: the
// fonts are the ones of GitHub's font stacks found there), and says so when they are missing.
//
// 1. The Markdown: by default the comment the committed action (dist/index.js) posts on a pull
//    request that deletes a class (examples/delete-class/: a base commit, then the head), run the
//    way the runner runs it against the local GitHub stand-in of the tests (loopback only); or any
//    Markdown file given with --input (another comment, such as the live deploy plan).
// 2. HTML: cmark-gfm with GitHub's extensions (table, strikethrough, autolink, tagfilter,
//    tasklist), line breaks kept as in a comment, raw HTML kept (GitHub keeps <details> and
//    <summary>). Alert blocks
//    (`> [!CAUTION]`), GitHub's addition to GFM, become GitHub's alert markup with its Octicons.
// 3. A page: GitHub's Markdown stylesheet (github-markdown-css) inside a pull request timeline
//    comment, measured, then captured by headless Chromium with a fresh empty profile.
//
// Usage: node scripts/picture/comment.ts [--input FILE.md] [--output FILE.png] [--width PX]
//          [--scale N] [--max-height PX] [--html FILE.html]
// Without --output it writes both pictures above (the README's cut at --max-height, default
// FRONT_PAGE_HEIGHT); with --output, one picture, cut only when --max-height is given.
// (--max-height cuts a long comment at that height, fading out, for a front page.)
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { startGitHubApi } from "../../test/support/github-api.ts";
import { pullRequestPayload, ROOT, runAction } from "../../test/support/run-action.ts";

const require = createRequire(import.meta.url);
const INSTALL =
  "apt-get install -y cmark-gfm chromium fonts-noto-core fonts-noto-color-emoji fonts-liberation2";

class MissingTool extends Error {}

/**
 * The README's picture is cut here (CSS pixels): the heading, the alert, the data-destroying
 * changes and the start of the two-phase advice, so that the README's front page, picture
 * included, stays about two screens (test/ship/readme.test.ts keeps its text short).
 */
const FRONT_PAGE_HEIGHT = 470;

interface Options {
  readonly input: string | null;
  readonly output: string | null;
  readonly width: number;
  readonly scale: number;
  readonly html: string | null;
  readonly maxHeight: number | null;
}

function parseArgs(argv: readonly string[]): Options {
  const options = {
    input: null as string | null,
    output: null as string | null,
    width: 860,
    scale: 2,
    html: null as string | null,
    maxHeight: null as number | null,
  };
  for (let n = 0; n < argv.length; n++) {
    const [flag, value] = [argv[n]!, argv[n + 1]];
    if (value === undefined || !flag.startsWith("--")) throw new Error(`usage: ${USAGE}`);
    if (flag === "--input") options.input = resolve(value);
    else if (flag === "--output") options.output = resolve(value);
    else if (flag === "--html") options.html = resolve(value);
    else if (flag === "--width" || flag === "--scale" || flag === "--max-height") {
      const number = Number(value);
      if (!(number > 0)) throw new Error(`${flag} needs a positive number, not "${value}"`);
      if (flag === "--max-height") options.maxHeight = number;
      else options[flag === "--width" ? "width" : "scale"] = number;
    } else throw new Error(`unknown option ${flag} (usage: ${USAGE})`);
    n++;
  }
  if (options.input !== null && options.output === null)
    throw new Error("--input needs --output: the default pictures are of the action's own comment");
  return options;
}

const USAGE =
  "node scripts/picture/comment.ts [--input FILE.md] [--output FILE.png] [--width PX] [--scale N] [--max-height PX] [--html FILE.html]";

// ---------------------------------------------------------------------------------------------
// 1. The comment the action posts on a pull request that deletes a class.

const OWNER = "acme";
const REPO = "workers";
const TOKEN = "ghs_pictureTOKEN000000000000000000000000001";

export async function stickyComment(example = join(ROOT, "examples/delete-class")): Promise<string> {
  const workspace = mkdtempSync(join(tmpdir(), "do-migrate-picture-"));
  const api = await startGitHubApi({ tokens: [{ token: TOKEN, label: "job token", permission: "write" }] });
  try {
    const git = (...args: string[]) => {
      const result = spawnSync("git", args, { cwd: workspace, encoding: "utf8" });
      if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr.trim()}`);
      return result.stdout.trim();
    };
    git("init", "-q", "-b", "main");
    git("config", "user.email", "dev@example.test");
    git("config", "user.name", "Dev");
    git("config", "commit.gpgsign", "false");
    const commit = (side: "base" | "head") => {
      if (side === "head") git("rm", "-rq", "--ignore-unmatch", ".");
      cpSync(join(example, side), workspace, { recursive: true });
      git("add", "-A");
      git("commit", "-q", "-m", side);
      return git("rev-parse", "HEAD");
    };
    const base = commit("base");
    const head = commit("head");
    const number = 42;
    const pull = { base: { sha: base, ref: "main" }, head: { sha: head, ref: "delete-rate-limiter" } };
    api.setPull(OWNER, REPO, number, {
      body: "",
      base: { ...pull.base, repoFullName: `${OWNER}/${REPO}` },
      head: { ...pull.head, repoFullName: `${OWNER}/${REPO}` },
    });
    const ran = await runAction({
      workspace,
      eventName: "pull_request",
      payload: pullRequestPayload({ number, body: "", ...pull, repository: { owner: OWNER, name: REPO } }),
      repository: { owner: OWNER, name: REPO },
      apiUrl: api.url,
      token: TOKEN,
      sha: head,
    });
    const comment = api.comments(OWNER, REPO, number).at(-1);
    if (!comment)
      throw new Error(`the action posted no comment (exit ${ran.status}):\n${ran.stdout}${ran.stderr}`);
    return comment.body;
  } finally {
    await api.close();
    rmSync(workspace, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Markdown to HTML as GitHub renders it.

const EXTENSIONS = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"];

export function renderGfm(markdown: string): string {
  // GitHub keeps the line breaks of a comment (not of a Markdown file): --hardbreaks.
  const args = ["--unsafe", "--hardbreaks", ...EXTENSIONS.flatMap((e) => ["-e", e]), "--to", "html"];
  const result = spawnSync("cmark-gfm", args, { input: markdown, encoding: "utf8" });
  if (result.error && (result.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new MissingTool(`cmark-gfm (GitHub's Markdown renderer) is not installed: ${INSTALL}`);
  }
  if (result.status !== 0) throw new Error(`cmark-gfm failed: ${result.stderr.trim()}`);
  return githubAlerts(result.stdout);
}

const ALERTS: Record<string, { title: string; icon: string }> = {
  NOTE: { title: "Note", icon: "info" },
  TIP: { title: "Tip", icon: "light-bulb" },
  IMPORTANT: { title: "Important", icon: "report" },
  WARNING: { title: "Warning", icon: "alert" },
  CAUTION: { title: "Caution", icon: "stop" },
};

const ALERT_START = /<blockquote>\n<p>\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(<br \/>\n|\n|<\/p>\n)/g;

/**
 * GitHub's alerts: a block quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
 * `[!WARNING]` or `[!CAUTION]` is shown as a coloured box with an icon and a title, in the
 * markup github-markdown-css styles (`markdown-alert`, `markdown-alert-title`).
 */
export function githubAlerts(html: string): string {
  const octicons = require("@primer/octicons") as Record<string, { toSVG(o: { class: string }): string }>;
  let out = "";
  let from = 0;
  for (const match of html.matchAll(ALERT_START)) {
    const start = match.index;
    const end = closingBlockquote(html, start + "<blockquote>".length);
    if (start < from || end < 0) continue;
    const kind = match[1]!;
    const { title, icon } = ALERTS[kind]!;
    const titleHtml = `<p class="markdown-alert-title">${octicons[icon]!.toSVG({ class: "mr-2" })}${title}</p>\n`;
    const body = html.slice(start + match[0].length, end);
    // `[!KIND]` alone in its paragraph closed it; otherwise the rest of the paragraph follows.
    const rest = match[2] === "</p>\n" ? body : `<p>${body}`;
    out += `${html.slice(from, start)}<div class="markdown-alert markdown-alert-${kind.toLowerCase()}">\n${titleHtml}${rest}</div>`;
    from = end + "</blockquote>".length;
  }
  return out + html.slice(from);
}

/** Offset of the `</blockquote>` closing the one open at `from` (nested ones skipped), or -1. */
function closingBlockquote(html: string, from: number): number {
  let depth = 1;
  const tags = /<(\/?)blockquote>/g;
  tags.lastIndex = from;
  for (let tag = tags.exec(html); tag; tag = tags.exec(html)) {
    depth += tag[1] ? -1 : 1;
    if (depth === 0) return tag.index;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// 3. A pull request timeline comment around it, and the screenshot.

export function commentPage(body: string, width: number, maxHeight: number | null = null): string {
  const octicons = require("@primer/octicons") as Record<
    string,
    { toSVG(o: { class: string; width?: number }): string }
  >;
  const stylesheet = readFileSync(require.resolve("github-markdown-css/github-markdown-light.css"), "utf8");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Sticky comment</title>
<style>
${stylesheet}
html, body { margin: 0; background: #ffffff; }
body {
  width: ${width}px;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
  color: #1f2328;
}
.timeline { display: flex; gap: 16px; padding: 20px 24px 24px 20px; }
.avatar {
  flex: none; width: 40px; height: 40px; border-radius: 50%; background: #2f81f7;
  display: flex; align-items: center; justify-content: center; color: #ffffff;
  box-shadow: 0 0 0 1px rgba(31, 35, 40, 0.15);
}
.avatar svg { fill: currentColor; }
.comment { flex: 1; min-width: 0; border: 1px solid #d1d9e0; border-radius: 6px; position: relative; }
.comment::before, .comment::after {
  content: ""; position: absolute; top: 11px; right: 100%; border: 8px solid transparent;
}
.comment::before { border-right-color: #d1d9e0; }
.comment::after { margin-right: -1px; border-right-color: #f6f8fa; }
.comment-header {
  display: flex; align-items: center; gap: 6px; padding: 0 16px; height: 40px;
  background: #f6f8fa; border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0;
  font-size: 14px; color: #59636e;
}
.comment-header strong { color: #1f2328; font-weight: 600; }
.label {
  border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 7px; font-size: 12px; font-weight: 500;
  line-height: 18px; color: #59636e;
}
.comment-header .spacer { flex: 1; }
.comment-header svg { fill: #59636e; }
.markdown-body { padding: 16px; font-size: 14px; }
.markdown-body .markdown-alert-title svg { fill: currentColor; margin-right: 8px; }
${
  maxHeight
    ? `.timeline { max-height: ${maxHeight}px; overflow: hidden; position: relative; box-sizing: border-box; }
.timeline::after {
  content: ""; position: absolute; left: 0; right: 0; bottom: 0; height: 96px;
  background: linear-gradient(rgba(255, 255, 255, 0), #ffffff);
}`
    : ""
}
</style>
</head>
<body>
<div class="timeline">
  <div class="avatar">${octicons.play!.toSVG({ class: "", width: 24 })}</div>
  <div class="comment">
    <div class="comment-header"><strong>github-actions</strong><span class="label">bot</span><span>commented now</span><span class="spacer"></span>${octicons["kebab-horizontal"]!.toSVG({ class: "" })}</div>
    <div class="markdown-body">
${body}
    </div>
  </div>
</div>
<script>
  document.documentElement.dataset.height = String(Math.ceil(document.querySelector(".timeline").getBoundingClientRect().bottom));
</script>
</body>
</html>
`;
}

function chromium(): string {
  const candidates = [
    process.env.CHROMIUM,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
  ];
  const found = candidates.find((c): c is string => !!c && existsSync(c));
  if (!found) throw new MissingTool(`Chromium is not installed (or set CHROMIUM to its path): ${INSTALL}`);
  return found;
}

/** Headless Chromium on a page file: a fresh empty profile, nothing fetched from the network. */
function runChromium(page: string, width: number, height: number, extra: readonly string[]): string {
  const profile = mkdtempSync(join(tmpdir(), "do-migrate-chromium-"));
  try {
    const args = [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--hide-scrollbars",
      `--user-data-dir=${profile}`,
      `--window-size=${width},${height}`,
      ...extra,
      `file://${page}`,
    ];
    const result = spawnSync(chromium(), args, {
      encoding: "utf8",
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0)
      throw new Error(`chromium failed (${result.status}): ${result.stderr.trim().slice(-2000)}`);
    return result.stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

export function screenshot(html: string, output: string, width: number, scale: number): { height: number } {
  const dir = mkdtempSync(join(tmpdir(), "do-migrate-page-"));
  try {
    const page = join(dir, "comment.html");
    writeFileSync(page, html);
    const dom = runChromium(page, width, 2000, ["--dump-dom"]);
    const height = Number(/data-height="(\d+)"/.exec(dom)?.[1]);
    if (!(height > 0)) throw new Error("could not measure the page in Chromium");
    const shot = join(dir, "comment.png");
    runChromium(page, width, height, [`--force-device-scale-factor=${scale}`, `--screenshot=${shot}`]);
    mkdirSync(dirname(output), { recursive: true });
    copyFileSync(shot, output);
    return { height };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const markdown = options.input ? readFileSync(options.input, "utf8") : await stickyComment();
  const pictures =
    options.output === null
      ? [
          {
            output: join(ROOT, "docs/images/sticky-comment.png"),
            maxHeight: options.maxHeight ?? FRONT_PAGE_HEIGHT,
          },
          { output: join(ROOT, "docs/images/sticky-comment-full.png"), maxHeight: null },
        ]
      : [{ output: options.output, maxHeight: options.maxHeight }];
  for (const picture of pictures) {
    const html = commentPage(renderGfm(markdown), options.width, picture.maxHeight);
    if (options.html) writeFileSync(options.html, html);
    const { height } = screenshot(html, picture.output, options.width, options.scale);
    const shown = picture.output.startsWith(`${ROOT}/`)
      ? picture.output.slice(ROOT.length + 1)
      : picture.output;
    console.log(
      `${shown}: ${options.width}x${height} CSS pixels at scale ${options.scale}, from ${options.input ?? "the action's comment on examples/delete-class"}`,
    );
  }
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error instanceof MissingTool ? error.message : `picture: ${(error as Error).message}`);
    process.exit(error instanceof MissingTool ? 3 : 1);
  });
}
