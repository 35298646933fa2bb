// Which action inputs the source reads and which outputs it writes, found in the syntax tree
// (@babel/parser, already a dependency), so that action.yml and the code cannot drift apart.
//
// A reader is `getInput` / `getBooleanInput` / `getMultilineInput` (as `core.getInput(...)` or
// imported by name); a writer is `setOutput`. A function that passes one of its own parameters
// as the name to a reader or writer is a helper (`choice("mode", ...)`, `listInput("config")`),
// found to a fixed point across all files; its calls name the input. A name that is not a string
// literal anywhere else is a problem: the check could not tell which input or output it is.
import { parse } from "@babel/parser";

export interface SourceFile {
  readonly file: string;
  readonly text: string;
}

export interface NameUse {
  readonly name: string;
  readonly file: string;
  readonly line: number;
}

export interface IoProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export interface IoScan {
  readonly inputs: readonly NameUse[];
  readonly outputs: readonly NameUse[];
  readonly problems: readonly IoProblem[];
}

type Kind = "input" | "output";

const BASE_FUNCTIONS: Record<string, Kind> = {
  getInput: "input",
  getBooleanInput: "input",
  getMultilineInput: "input",
  setOutput: "output",
};

// A loose view of Babel's nodes: enough to walk any tree and read the few fields used here.
interface AstNode {
  type: string;
  loc?: { start: { line: number } } | null;
  [key: string]: unknown;
}

interface FunctionFrame {
  readonly name: string | null;
  readonly params: readonly string[];
}

/** Keys that hold only types: nothing there reads an input. */
const TYPE_KEYS = new Set([
  "typeAnnotation",
  "returnType",
  "typeParameters",
  "typeArguments",
  "superTypeArguments",
]);

interface Call {
  readonly file: string;
  readonly line: number;
  readonly callee: string;
  /** The innermost enclosing function: its name (if any) and its parameter names. */
  readonly fn: FunctionFrame | undefined;
  readonly args: readonly (AstNode | undefined)[];
}

function isNode(value: unknown): value is AstNode {
  return typeof value === "object" && value !== null && typeof (value as AstNode).type === "string";
}

function calleeName(callee: AstNode): string | null {
  if (callee.type === "Identifier") return callee.name as string;
  if (callee.type === "MemberExpression" && !callee.computed && isNode(callee.property)) {
    const property = callee.property;
    if (property.type === "Identifier") return property.name as string;
  }
  return null;
}

function literalString(node: AstNode | undefined): string | null {
  if (!node) return null;
  if (node.type === "StringLiteral") return node.value as string;
  if (node.type === "TemplateLiteral" && (node.expressions as unknown[]).length === 0) {
    const quasis = node.quasis as { value: { cooked: string } }[];
    return quasis[0]?.value.cooked ?? null;
  }
  if (node.type === "TSAsExpression" || node.type === "TSSatisfiesExpression") {
    return literalString(node.expression as AstNode);
  }
  return null;
}

function paramNames(fn: AstNode): string[] {
  return (fn.params as AstNode[]).map((p) => {
    const target = p.type === "AssignmentPattern" ? (p.left as AstNode) : p;
    return target.type === "Identifier" ? (target.name as string) : "";
  });
}

/** Every call in a file, with the function around it. */
function collectCalls(source: SourceFile): Call[] {
  const ast = parse(source.text, {
    sourceType: "module",
    plugins: source.file.endsWith("x") ? ["typescript", "jsx"] : ["typescript"],
    errorRecovery: false,
  });
  const calls: Call[] = [];
  const stack: FunctionFrame[] = [];
  const visit = (node: AstNode, nameHint: string | null): void => {
    const isFunction =
      node.type === "FunctionDeclaration" ||
      node.type === "FunctionExpression" ||
      node.type === "ArrowFunctionExpression" ||
      node.type === "ObjectMethod" ||
      node.type === "ClassMethod";
    if (isFunction) {
      const id = node.id as AstNode | null | undefined;
      const key = node.key as AstNode | undefined;
      const name =
        (id?.type === "Identifier" ? (id.name as string) : null) ??
        (key?.type === "Identifier" ? (key.name as string) : null) ??
        nameHint;
      stack.push({ name, params: paramNames(node) });
    }
    if (node.type === "CallExpression" && isNode(node.callee)) {
      const callee = calleeName(node.callee);
      if (callee) {
        const args = node.arguments as AstNode[];
        calls.push({
          file: source.file,
          line: node.loc?.start.line ?? 0,
          callee,
          args,
          fn: stack[stack.length - 1],
        });
      }
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === "loc" || key === "leadingComments" || key === "trailingComments" || TYPE_KEYS.has(key))
        continue;
      // `const listInput = (name) => ...`: the arrow function is named by its variable.
      const hint =
        node.type === "VariableDeclarator" &&
        key === "init" &&
        isNode(node.id) &&
        node.id.type === "Identifier"
          ? (node.id.name as string)
          : null;
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) visit(item, null);
      } else if (isNode(value)) {
        visit(value, hint);
      }
    }
    if (isFunction) stack.pop();
  };
  visit(ast.program as unknown as AstNode, null);
  return calls;
}

/** The inputs read and outputs written by `sources`, and the calls whose name is not knowable. */
export function scanActionIo(sources: readonly SourceFile[]): IoScan {
  const calls: Call[] = [];
  const problems: IoProblem[] = [];
  for (const source of sources) {
    try {
      calls.push(...collectCalls(source));
    } catch (error) {
      const line = (error as { loc?: { line: number } }).loc?.line ?? 1;
      problems.push({ file: source.file, line, message: `cannot parse: ${(error as Error).message}` });
    }
  }
  // name -> (kind, which argument is the input/output name)
  const readers = new Map<string, { kind: Kind; index: number }>(
    Object.entries(BASE_FUNCTIONS).map(([name, kind]) => [name, { kind, index: 0 }]),
  );
  // Find helpers to a fixed point: a function forwarding its parameter as the name is one.
  for (let changed = true; changed; ) {
    changed = false;
    for (const call of calls) {
      const reader = readers.get(call.callee);
      if (!reader) continue;
      const arg = call.args[reader.index];
      if (arg?.type !== "Identifier") continue;
      const fn = call.fn;
      if (!fn?.name || readers.has(fn.name)) continue;
      const index = fn.params.indexOf(arg.name as string);
      if (index < 0) continue;
      readers.set(fn.name, { kind: reader.kind, index });
      changed = true;
    }
  }
  const inputs: NameUse[] = [];
  const outputs: NameUse[] = [];
  for (const call of calls) {
    const reader = readers.get(call.callee);
    if (!reader) continue;
    const arg = call.args[reader.index];
    const name = literalString(arg);
    if (name !== null) {
      (reader.kind === "input" ? inputs : outputs).push({ name, file: call.file, line: call.line });
      continue;
    }
    // A helper's own forwarding call is fine: its callers name the input.
    const fn = call.fn;
    if (
      arg?.type === "Identifier" &&
      fn?.name &&
      readers.has(fn.name) &&
      fn.params.includes(arg.name as string)
    ) {
      continue;
    }
    const what = reader.kind === "input" ? "input" : "output";
    problems.push({
      file: call.file,
      line: call.line,
      message: `${call.callee}(...) with a computed ${what} name: write the ${what} name as a string literal (or call a helper whose parameter is the name) so that it can be checked against action.yml`,
    });
  }
  return { inputs, outputs, problems };
}
