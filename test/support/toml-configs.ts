// Generated wrangler.toml texts (fast-check) with the layouts a hand-written TOML scanner gets
// wrong: dotted, quoted and spaced keys and headers, arrays of tables inside environments,
// inline tables (on one line and, TOML 1.1, over several), arrays over several lines with
// comments and trailing commas, strings holding `#`, brackets, quotes and `=`, multi-line
// strings holding whole config lines, comments after headers and values, CRLF line ends.
// Every text is one both TOML readers accept (smol-toml and toml-eslint-parser).
import fc from "fast-check";
import { parse as parseToml } from "smol-toml";
import { parseTOML } from "toml-eslint-parser";

/** Strings whose content looks like TOML syntax. */
const trickyString = fc.constantFrom(
  '"plain"',
  '"# not a comment"',
  '"[not.a.header]"',
  '"[[migrations]]"',
  '"a = b"',
  "'C:\\path\\'",
  "'lit # [x]'",
  '"quote \\" inside # ["',
  '"tab\\tand\\\\"',
  '"""one line "multi" """',
  '"""\n[[migrations]]\ntag = "fake" # not real\n"""',
  "'''\nname = \"inner\"\n[env.fake]\n'''",
  '"""ends with quotes"""""',
  "'''lit ''with'' quotes'''",
  '"""line \\\n  continued"""',
);

const scalar = fc.oneof(
  trickyString,
  fc.constantFrom("1", "-2", "0x1F", "1_000", "3.5", "true", "false", "1979-05-27", "07:32:00", "nan", "inf"),
);

const eq = fc.constantFrom(" = ", "=", "  =  ", "\t= ");
const trailing = fc.constantFrom("", "", " # note", '  # [x] = "y"', "\t#");

/** An array value, on one line or over several (comments, trailing comma, nested values). */
function arrayOf(items: fc.Arbitrary<string>, eol: string): fc.Arbitrary<string> {
  return fc
    .record({
      items: fc.array(items, { maxLength: 4 }),
      multiline: fc.boolean(),
      comments: fc.boolean(),
      trailingComma: fc.boolean(),
    })
    .map(({ items: xs, multiline, comments, trailingComma }) => {
      if (!multiline) return `[${xs.join(", ")}${trailingComma && xs.length > 0 ? "," : ""}]`;
      const lines = xs.map(
        (x, i) => `  ${x}${i < xs.length - 1 || trailingComma ? "," : ""}${comments ? ` # ${i} ]` : ""}`,
      );
      return `[${comments ? " # list [" : ""}${eol}${lines.join(eol)}${xs.length ? eol : ""}]`;
    });
}

function inlineTable(pairs: readonly string[], multiline: boolean, eol: string): string {
  if (!multiline) return `{ ${pairs.join(", ")} }`;
  return `{${eol}${pairs.map((p) => `  ${p}`).join(`,${eol}`)}${eol}}`;
}

const className = fc.constantFrom("Room", "Lobby", "Counter", "Chat");

function migrationBody(eol: string, index: number): fc.Arbitrary<string[]> {
  return fc
    .record({
      key: fc.constantFrom("new_sqlite_classes", "new_classes", "deleted_classes"),
      keyStyle: fc.constantFrom("bare", "quoted"),
      classes: arrayOf(
        className.map((c) => `"${c}"`),
        eol,
      ),
      renames: fc.boolean(),
      inlineMultiline: fc.boolean(),
      eq,
      trailing,
    })
    .map((m) => {
      const key = m.keyStyle === "quoted" ? `"${m.key}"` : m.key;
      const lines = [`tag${m.eq}"v${index}"${m.trailing}`, `${key}${m.eq}${m.classes}`];
      if (m.renames)
        lines.push(
          `renamed_classes = [${inlineTable(['from = "Old"', 'to = "New"'], m.inlineMultiline, eol)}]`,
        );
      return lines;
    });
}

function bindingPairs(): fc.Arbitrary<string[]> {
  return fc
    .record({ name: fc.constantFrom("ROOM", "LOBBY"), cls: className, script: fc.boolean() })
    .map(({ name, cls, script }) => [
      `name = "${name}"`,
      `class_name = "${cls}"`,
      ...(script ? ['script_name = "other # worker"'] : []),
    ]);
}

/** A header as written: `[a.b]` with spaces, quotes and a trailing comment in some. */
function header(parts: readonly string[], array: boolean): fc.Arbitrary<string> {
  return fc
    .record({
      quoted: fc.array(fc.boolean(), { minLength: parts.length, maxLength: parts.length }),
      spaced: fc.boolean(),
      dotSpaced: fc.boolean(),
      trailing,
    })
    .map(({ quoted, spaced, dotSpaced, trailing: t }) => {
      const name = parts.map((p, i) => keyPart(p, quoted[i]!)).join(dotSpaced ? " . " : ".");
      const inner = spaced ? ` ${name} ` : name;
      return `${array ? `[[${inner}]]` : `[${inner}]`}${t}`;
    });
}

/** A key part as written: quoted when asked, or when it must be. */
function keyPart(name: string, quoted: boolean): string {
  return quoted || !/^[A-Za-z0-9_-]+$/.test(name) ? `"${name}"` : name;
}

interface Section {
  readonly lines: readonly string[];
}

function migrationsSection(scope: readonly string[], eol: string, count: number): fc.Arbitrary<Section> {
  return fc
    .tuple(
      ...Array.from({ length: count }, (_, i) =>
        fc.tuple(header([...scope, "migrations"], true), migrationBody(eol, i + 1)),
      ),
    )
    .map((steps) => ({ lines: steps.flatMap(([h, body]) => ["", h, ...body]) }));
}

function bindingsSection(scope: readonly string[], eol: string): fc.Arbitrary<Section> {
  return fc
    .record({
      style: fc.constantFrom("tables", "inline", "dotted"),
      bindings: fc.array(bindingPairs(), { minLength: 1, maxLength: 2 }),
      headers: fc.array(header([...scope, "durable_objects", "bindings"], true), {
        minLength: 2,
        maxLength: 2,
      }),
      table: header([...scope, "durable_objects"], false),
      multiline: fc.boolean(),
    })
    .chain(({ style, bindings, headers, table, multiline }) => {
      if (style === "tables")
        return fc.constant({ lines: bindings.flatMap((b, i) => ["", headers[i]!, ...b]) });
      const inline = bindings.map((b) => inlineTable(b, multiline, eol));
      return arrayOf(fc.constantFrom(...inline), eol).map((array) =>
        style === "inline"
          ? { lines: ["", table, `bindings = ${array}`] }
          : { lines: [`durable_objects.bindings = ${array}`] },
      );
    });
}

function varsSection(scope: readonly string[], eol: string): fc.Arbitrary<Section> {
  const key = fc.constantFrom(
    "A",
    "b_2",
    '"quoted.key"',
    "'lit key'",
    '"a=b"',
    '"#hash"',
    "dotted.part",
    '"x]y"',
  );
  return fc
    .record({
      head: header([...scope, "vars"], false),
      pairs: fc.uniqueArray(key, { minLength: 1, maxLength: 5 }),
      values: fc.array(fc.oneof(scalar, arrayOf(scalar, eol)), { minLength: 5, maxLength: 5 }),
      inline: fc.option(fc.boolean(), { nil: null }),
      eq,
      trailing,
    })
    .map(({ head, pairs, values, inline, eq: e, trailing: t }) => {
      const lines = ["", head];
      // An inline table before the other keys, with keys of the same names as theirs.
      if (inline !== null)
        lines.push(
          `obj = ${inlineTable(['A = "# in"', "y.z = [1, { q = '[' }]", '"quoted.key" = 2', `b_2 = [${eol}  3,${eol}]`], inline, eol)}`,
        );
      lines.push(...pairs.map((k, i) => `${k}${e}${values[i]}${t}`));
      return lines;
    })
    .map((lines) => ({ lines }));
}

/** A whole config: top-level keys, its lifecycle and bindings, vars, and environments. */
export const tomlConfig: fc.Arbitrary<string> = fc
  .record({
    crlf: fc.boolean(),
    envs: fc.uniqueArray(fc.constantFrom("staging", "production", "dev.eu", "qa]1", "#2"), { maxLength: 2 }),
    migrations: fc.integer({ min: 0, max: 3 }),
    envMigrations: fc.integer({ min: 0, max: 2 }),
    bindings: fc.boolean(),
    vars: fc.boolean(),
    comment: fc.constantFrom("", "# a Worker", "# [[migrations]] = 'not here'"),
    nameTrailing: trailing,
  })
  .chain((c) => {
    const eol = c.crlf ? "\r\n" : "\n";
    const top = [...(c.comment ? [c.comment] : []), `name = "app"${c.nameTrailing}`, 'main = "src/index.ts"'];
    const sections: fc.Arbitrary<Section>[] = [];
    // Bindings first: written as a dotted key, they belong to the table above them.
    if (c.bindings) sections.push(bindingsSection([], eol));
    if (c.migrations > 0) sections.push(migrationsSection([], eol, c.migrations));
    if (c.vars) sections.push(varsSection([], eol));
    for (const env of c.envs) {
      const scope = ["env", env];
      sections.push(
        header(scope, false).map((h) => ({ lines: ["", h, `name = "app-${env.replace(/\W/g, "-")}"`] })),
      );
      if (c.bindings) sections.push(bindingsSection(scope, eol));
      if (c.envMigrations > 0) sections.push(migrationsSection(scope, eol, c.envMigrations));
    }
    return fc
      .tuple(...sections)
      .map((parts) => `${[...top, ...parts.flatMap((s) => s.lines)].join(eol)}${eol}`);
  })
  .filter(bothAccept);

function bothAccept(text: string): boolean {
  try {
    parseToml(text);
    parseTOML(text, { tomlVersion: "1.1" });
    return true;
  } catch {
    return false;
  }
}
