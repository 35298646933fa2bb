// Workflow, action and Dependabot files parsed by the `yaml` package (all of YAML 1.2: anchors,
// flow collections over several lines, block scalars with any indicators, explicit keys), then
// seen as a small tree of plain nodes that carry their source lines (from its LineCounter), so
// that a check can name the line it objects to.
//
// - Scalars stay the text written (the failsafe schema): `true`, `24`, `1.10` and `on` are read
//   as strings, the way the checks compare them.
// - An alias is the node its anchor names, with the anchor's lines (where the text is).
// - What GitHub would not read is a problem at its line instead of a tree: a syntax error, a
//   duplicate key, an alias without its anchor, a merge key (`<<`, which GitHub Actions does not
//   support), a second document in the file.
import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type ParsedNode,
  parseAllDocuments,
} from "yaml";

export interface YamlScalar {
  readonly kind: "scalar";
  readonly value: string;
  /** First and last source lines (1-based) of the scalar's text. */
  readonly line: number;
  readonly endLine: number;
}

export interface YamlEntry {
  readonly key: string;
  readonly keyLine: number;
  readonly value: YamlNode;
}

export interface YamlMap {
  readonly kind: "map";
  readonly entries: readonly YamlEntry[];
  readonly line: number;
  readonly endLine: number;
}

export interface YamlSeq {
  readonly kind: "seq";
  readonly items: readonly YamlNode[];
  readonly line: number;
  readonly endLine: number;
}

export type YamlNode = YamlScalar | YamlMap | YamlSeq;

export interface YamlProblem {
  readonly line: number;
  readonly message: string;
}

/** The tree of a one-document YAML file, or the problems that stop GitHub from reading it. */
export function readYamlTree(text: string): { doc: YamlNode | null; problems: YamlProblem[] } {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lines, schema: "failsafe", prettyErrors: false });
  const lineAt = (offset: number) => lines.linePos(offset).line;
  const problems: YamlProblem[] = [];
  for (const doc of docs) {
    for (const issue of [...doc.errors, ...doc.warnings]) {
      problems.push({ line: lineAt(issue.pos[0]), message: issue.message });
    }
  }
  if (docs.length > 1) {
    problems.push({
      line: lineAt(docs[1]!.range[0]),
      message: "a second YAML document (after ---): a workflow, action or Dependabot file holds one",
    });
  }
  const first = docs[0];
  if (problems.length || !first) {
    return { doc: problems.length ? null : emptyScalar(1), problems };
  }
  const tree = new TreeBuilder(first, text, lineAt);
  const doc = first.contents ? tree.node(first.contents) : emptyScalar(1);
  return tree.problems.length ? { doc: null, problems: tree.problems } : { doc, problems: [] };
}

/** The tree of a YAML file that must be valid (the repository's own action.yml); throws otherwise. */
export function parseYaml(text: string): YamlNode {
  const { doc, problems } = readYamlTree(text);
  if (!doc) throw new Error(problems.map((p) => `line ${p.line}: ${p.message}`).join("\n"));
  return doc;
}

function emptyScalar(line: number): YamlScalar {
  return { kind: "scalar", value: "", line, endLine: line };
}

class TreeBuilder {
  readonly problems: YamlProblem[] = [];
  private readonly doc: Document.Parsed;
  private readonly text: string;
  private readonly lineAt: (offset: number) => number;
  /** Each YAML node once, so that aliases share the tree of their anchor. */
  private readonly built = new Map<Node, YamlNode | "building">();

  constructor(doc: Document.Parsed, text: string, lineAt: (offset: number) => number) {
    this.doc = doc;
    this.text = text;
    this.lineAt = lineAt;
  }

  node(node: ParsedNode | Node): YamlNode {
    const start = this.lineAt(node.range?.[0] ?? 0);
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (!target)
        return this.problem(start, `the alias *${node.source} has no anchor &${node.source} before it`);
      return this.node(target);
    }
    const done = this.built.get(node);
    if (done === "building") return this.problem(start, "an alias inside the node its anchor names");
    if (done) return done;
    this.built.set(node, "building");
    const built = this.build(node, start);
    this.built.set(node, built);
    return built;
  }

  private build(node: Node, line: number): YamlNode {
    const endLine = this.lastLine(node);
    if (isMap(node)) {
      const entries: YamlEntry[] = [];
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const keyLine = key?.range ? this.lineAt(key.range[0]) : line;
        if (!isScalar(key)) {
          this.problem(keyLine, "a key that is not a string (a mapping or a list as a key)");
          continue;
        }
        const name = scalarText(key);
        if (name === "<<" && key.type === "PLAIN") {
          this.problem(keyLine, "a merge key (<<): GitHub Actions does not support it; write the keys out");
          continue;
        }
        const value = pair.value ? this.node(pair.value as Node) : emptyScalar(keyLine);
        entries.push({ key: name, keyLine, value });
      }
      return { kind: "map", entries, line, endLine };
    }
    if (isSeq(node)) {
      const items = node.items.map((item) => (item ? this.node(item as Node) : emptyScalar(line)));
      return { kind: "seq", items, line, endLine };
    }
    if (isScalar(node)) return { kind: "scalar", value: scalarText(node), line, endLine };
    return this.problem(line, "a YAML node of an unknown kind");
  }

  /** The line of a node's last character of text (not of the line breaks or blank lines after it). */
  private lastLine(node: Node): number {
    const [start, end] = node.range ?? [0, 0];
    let last = Math.max(start, end - 1);
    while (last > start && /\s/.test(this.text[last]!)) last--;
    return this.lineAt(last);
  }

  private problem(line: number, message: string): YamlScalar {
    this.problems.push({ line, message });
    return emptyScalar(line);
  }
}

function scalarText(node: { value: unknown; source?: string }): string {
  return typeof node.value === "string" ? node.value : (node.source ?? String(node.value ?? ""));
}

/** The plain value of a node: strings, arrays and objects (for tests and simple reading). */
export function toPlain(node: YamlNode): unknown {
  if (node.kind === "scalar") return node.value;
  if (node.kind === "seq") return node.items.map(toPlain);
  return Object.fromEntries(node.entries.map((e) => [e.key, toPlain(e.value)]));
}

/** The entry `key` of a mapping node (undefined when `node` is not a mapping or has no such key). */
export function entry(node: YamlNode | undefined, key: string): YamlEntry | undefined {
  return node?.kind === "map" ? node.entries.find((e) => e.key === key) : undefined;
}

/** The value at `key` of a mapping node. */
export function get(node: YamlNode | undefined, key: string): YamlNode | undefined {
  return entry(node, key)?.value;
}

/** The scalar text at `key` of a mapping node, if it is a scalar. */
export function getString(node: YamlNode | undefined, key: string): string | undefined {
  const value = get(node, key);
  return value?.kind === "scalar" ? value.value : undefined;
}

/**
 * The source line of a JSON pointer (`/jobs/build/steps/0`) into a document: the line of the
 * deepest node the pointer reaches (the key's line for a mapping entry).
 */
export function lineOfPointer(root: YamlNode, pointer: string): number {
  let node: YamlNode = root;
  let line = root.line;
  for (const raw of pointer.split("/").slice(1)) {
    const part = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (node.kind === "map") {
      const found = node.entries.find((e) => e.key === part);
      if (!found) break;
      line = found.keyLine;
      node = found.value;
    } else if (node.kind === "seq") {
      const item = node.items[Number(part)];
      if (!item) break;
      line = item.line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}
