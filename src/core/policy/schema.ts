// The JSON Schema of the policy file, for editor completion and checking (`"$schema"` in
// `.do-migrate.jsonc`). Generated from the catalogue and the policy's own keys and levels by
// `npm run docs` into schema/policy.schema.json; a test keeps the committed file current. The
// check itself validates with parsePolicy (which also gives the line of each problem).
import { CATALOGUE } from "../catalogue.ts";
import type { FindingKind } from "../model.ts";
import { LEVELS, OVERRIDE_KEYS, TOP_KEYS } from "./policy.ts";

export const POLICY_SCHEMA_PATH = "schema/policy.schema.json";

const LEVEL_TEXT: Readonly<Record<(typeof LEVELS)[number], string>> = {
  off: "suppressed: still in the JSON report and in a collapsed list, never counted",
  info: "shown, never fails a check",
  warning: "fails `fail-on: warning`",
  error: "fails `fail-on: error` and `fail-on: warning`",
};

export function policySchema(): Record<string, unknown> {
  const codes = (Object.entries(CATALOGUE) as Array<[FindingKind, (typeof CATALOGUE)[FindingKind]]>)
    .filter(([, entry]) => !entry.reportsDataLoss)
    .sort(([, a], [, b]) => (a.code < b.code ? -1 : 1));
  const patterns = (what: string) => ({
    type: "array",
    description: what,
    items: { type: "string", minLength: 1 },
  });
  const schema = {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "do-migrate policy (.do-migrate.jsonc)",
    description:
      "Which wrangler configs the Durable Object migration check ignores, and the level of each finding code. Read at the pull request's base revision. See docs/policy.md.",
    type: "object",
    additionalProperties: false,
    properties: {
      $schema: { type: "string", description: "This schema, for editor completion." },
      ignore: patterns(
        "Configs never analysed: repository-relative globs (`*`, `**`, `{a,b}`); `!pattern` takes paths back out; the last matching pattern decides; a trailing `/` means everything under the directory.",
      ),
      rules: { $ref: "#/definitions/rules" },
      overrides: {
        type: "array",
        description:
          "Levels for some configs only; for a config several match, the last one that sets a code decides.",
        items: {
          type: "object",
          additionalProperties: false,
          required: [...OVERRIDE_KEYS],
          properties: {
            files: {
              ...patterns("The configs this override is for (globs, `!` to take paths back out)."),
              minItems: 1,
            },
            rules: { $ref: "#/definitions/rules" },
          },
        },
      },
    },
    definitions: {
      level: {
        enum: [...LEVELS],
        markdownEnumDescriptions: LEVELS.map((l) => LEVEL_TEXT[l]),
        description:
          "off, info, warning or error. `critical` is reserved for data loss, which no rule can touch.",
      },
      rules: {
        type: "object",
        description:
          "The level of a finding code. DO101 and DO102 (data loss) cannot be named: the acknowledgement in the pull request description is the only way to pass them.",
        additionalProperties: false,
        properties: Object.fromEntries(
          codes.map(([kind, entry]) => [
            entry.code,
            {
              $ref: "#/definitions/level",
              description: `${entry.title} (\`${kind}\`, default ${entry.severity}).`,
            },
          ]),
        ),
      },
    },
  };
  // The schema's keys are the validator's keys.
  if (Object.keys(schema.properties).join() !== TOP_KEYS.join())
    throw new Error("schema and TOP_KEYS differ");
  return schema;
}
