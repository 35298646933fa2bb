// What the cross-file rules (repository.ts) look up in the analyses of a repository, each built
// once on first use: a scan of every analysis for every finding grew with the square of the
// configs.
import type { Worker } from "../model.ts";
import type { FileAnalysis } from "./file-analysis.ts";

export class AnalysisLookups {
  private owners: Set<string> | null = null;
  private files: Map<string, FileAnalysis> | null = null;
  private names: Map<string | null, Worker> | null = null;
  private readonly analyses: readonly FileAnalysis[];

  constructor(analyses: readonly FileAnalysis[]) {
    this.analyses = analyses;
  }

  /** The base Workers some head target takes over, as JSON of [name, env]. */
  takenOver(): Set<string> {
    this.owners ??= new Set(
      this.analyses.flatMap((a) =>
        (a.takeovers ?? []).map((t) => JSON.stringify([t.owner.name, t.owner.env])),
      ),
    );
    return this.owners;
  }

  /** The first analysis of a file. */
  analysisOf(file: string): FileAnalysis | undefined {
    if (!this.files) {
      this.files = new Map();
      for (const a of this.analyses) if (!this.files.has(a.file)) this.files.set(a.file, a);
    }
    return this.files.get(file);
  }

  /** The first head Worker of that name, in the analyses' order. */
  headWorkerNamed(name: string): Worker | undefined {
    if (!this.names) {
      this.names = new Map();
      for (const a of this.analyses)
        for (const w of a.headWorkers) if (!this.names.has(w.name)) this.names.set(w.name, w);
    }
    return this.names.get(name);
  }
}
