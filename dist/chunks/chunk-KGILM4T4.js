import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);
import {
  replayLifecycle
} from "./chunk-VPHA5MTA.js";
import {
  envLabel,
  q
} from "./chunk-3OIL4IS7.js";
import {
  CATALOGUE
} from "./chunk-V62BCWO2.js";

// src/core/analyze/code-exports.ts
import { posix } from "node:path";
function workerEntryPath(worker) {
  if (!worker.main) return null;
  return posix.normalize(posix.join(posix.dirname(worker.file), worker.main));
}
function codeFindings(analyses, exportsOf) {
  const out = [];
  for (const analysis of analyses) {
    for (const worker of analysis.headWorkers) {
      const live = [...replayLifecycle(worker.lifecycle).classes.values()];
      const liveNames = live.filter((c) => c.status === "live");
      const mine = analysis.findings.filter((f) => f.env === worker.env && f.introduced);
      const createdNow = new Set(mine.filter((f) => f.kind === "class-created").flatMap((f) => f.classes));
      const deletedNow = mine.filter((f) => f.kind === "class-deleted");
      if (liveNames.length === 0 && deletedNow.length === 0) continue;
      const entry = workerEntryPath(worker);
      const exports = entry ? exportsOf(entry) : void 0;
      const base = { worker, entry: entry ?? "(no main)" };
      if (!entry) {
        out.push(
          finding(base, "exports-unknown", [], null, {
            message: `${whose(worker)} has no \`main\`, so the classes its code exports cannot be checked.`,
            fix: "Set `main` to the Worker's entry module to let this check run."
          })
        );
        continue;
      }
      if (!exports) continue;
      if (exports.status === "unknown") {
        out.push(
          finding(base, "exports-unknown", [], null, {
            message: `The export names of ${whose(worker)}'s entry ${q(entry)} could not be determined: ${exports.message}`,
            fix: "Nothing to do if the deploy builds the entry; this check only reads source files and never runs a build."
          })
        );
        continue;
      }
      const exported = (name) => exports.names.has(name);
      for (const state of liveNames) {
        if (exported(state.className)) continue;
        const created = createdNow.has(state.className);
        out.push(
          finding(
            base,
            created ? "created-class-not-exported" : "class-not-exported",
            [state.className],
            state,
            {
              message: created ? `Class ${q(state.className)} is created in ${envLabel(worker.env)} but ${q(entry)} does not export it: the deploy fails with code 10070 (new-class migration for a class not exported).` : `Class ${q(state.className)} still has a Durable Object namespace in ${envLabel(worker.env)}, but ${q(entry)} does not export it: the deploy fails with code 10064 ("does not export class ... depended on by existing Durable Objects").`,
              fix: created ? `Export ${q(state.className)} from ${q(entry)} (\`export class ${state.className} ...\` or re-export it).` : `Keep exporting ${q(state.className)} (a stub class is enough) until a delete migration has been applied; if its data should go, delete it with the two-phase deploy.`
            }
          )
        );
      }
      for (const deletion of deletedNow) {
        const gone = deletion.classes.filter((c) => !exported(c));
        if (gone.length === 0) continue;
        out.push({
          ...finding(base, "deleted-class-still-needed", gone, null, {
            message: `${gone.map(q).join(", ")} ${gone.length === 1 ? "is" : "are"} deleted, and ${q(entry)} no longer exports ${gone.length === 1 ? "it" : "them"}. Phase 1 of the two-phase deploy (bindings removed, delete held back) still needs the class exported, or it fails with code 10064.`,
            fix: "Nothing to do with `mode: deploy`: phase 1 supplies a minimal stand-in export. Deploying by hand, keep a stub `export class ... {}` until the delete has applied."
          }),
          line: deletion.line,
          tag: deletion.tag
        });
      }
    }
  }
  return out;
}
function whose(worker) {
  return worker.name ? `Worker ${q(worker.name)}` : `the Worker of ${envLabel(worker.env)}`;
}
function finding(at, kind, classes, state, text) {
  const entry = CATALOGUE[kind];
  return {
    code: entry.code,
    kind,
    severity: entry.severity,
    dataLoss: false,
    classes,
    worker: at.worker.name,
    env: at.worker.env,
    file: at.worker.file,
    line: state?.line ?? at.worker.envLine,
    tag: state?.tag ?? null,
    message: text.message,
    fix: text.fix,
    introduced: true
  };
}

export {
  workerEntryPath,
  codeFindings
};
