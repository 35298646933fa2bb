// The action reference's "Inputs" and "Outputs" tables (docs/action.md), generated from
// action.yml. `npm run docs` writes them between the markers; `npm run validate` fails when they
// differ from action.yml.
import { get, getString, type YamlNode } from "./yaml-nodes.ts";

/** The page that holds the tables, from the repository root. */
export const ACTION_REFERENCE = "docs/action.md";

export const REGIONS = ["inputs", "outputs"] as const;
export type Region = (typeof REGIONS)[number];

function cell(text: string): string {
  return text.trim().replaceAll("|", "\\|").replace(/\r?\n/g, "<br>");
}

function code(text: string): string {
  return text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``;
}

export function renderTable(doc: YamlNode, region: Region): string {
  const section = get(doc, region);
  const entries = section?.kind === "map" ? section.entries : [];
  if (region === "inputs") {
    const rows = entries.map((e) => {
      const required = getString(e.value, "required") === "true";
      const value = getString(e.value, "default");
      const shown = required ? "**required**" : value === undefined || value === "" ? '`""`' : code(value);
      return `| \`${e.key}\` | ${shown} | ${cell(getString(e.value, "description") ?? "")} |`;
    });
    return ["| Input | Default | Description |", "| --- | --- | --- |", ...rows].join("\n");
  }
  const rows = entries.map((e) => `| \`${e.key}\` | ${cell(getString(e.value, "description") ?? "")} |`);
  return ["| Output | Description |", "| --- | --- |", ...rows].join("\n");
}

function markers(region: Region): { start: string; end: string } {
  return { start: `<!-- ${region}:start -->`, end: `<!-- ${region}:end -->` };
}

/** Where a region's content is: character offsets, and the 1-based line of its start marker. */
function locate(page: string, region: Region): { from: number; to: number; line: number } | null {
  const { start, end } = markers(region);
  const a = page.indexOf(start);
  const b = page.indexOf(end);
  if (a < 0 || b < a) return null;
  return { from: a + start.length, to: b, line: page.slice(0, a).split("\n").length };
}

/** The page with both regions regenerated; throws when a marker pair is missing. */
export function writeTables(page: string, doc: YamlNode): string {
  let out = page;
  for (const region of REGIONS) {
    const place = locate(out, region);
    if (!place) {
      const { start, end } = markers(region);
      throw new Error(`${ACTION_REFERENCE} has no ${start} ... ${end} region`);
    }
    out = `${out.slice(0, place.from)}\n${renderTable(doc, region)}\n${out.slice(place.to)}`;
  }
  return out;
}

export interface TableProblem {
  readonly line: number;
  readonly message: string;
}

/** Problems when the page's tables are missing or differ from action.yml. */
export function checkTables(page: string, doc: YamlNode): TableProblem[] {
  const problems: TableProblem[] = [];
  for (const region of REGIONS) {
    const place = locate(page, region);
    const { start, end } = markers(region);
    if (!place) {
      problems.push({ line: 1, message: `no ${start} ... ${end} region for the ${region} table` });
      continue;
    }
    const current = page.slice(place.from, place.to).trim();
    if (current !== renderTable(doc, region)) {
      problems.push({
        line: place.line,
        message: `the ${region} table differs from action.yml: run "npm run docs" and commit ${ACTION_REFERENCE}`,
      });
    }
  }
  return problems;
}
