/**
 * Plain-language explanations of the Cloudflare API error codes a Durable Object deploy can
 * hit (DOMAIN.md section 5). Pure data.
 */

export interface CloudflareErrorExplanation {
  code: number;
  /** One line: what went wrong. */
  title: string;
  /** Why the API refused, in the terms of this project. */
  explanation: string;
  /** What to do about it. */
  fix: string;
}

type Entry = Omit<CloudflareErrorExplanation, "code">;

const BINDING_WITHOUT_NAMESPACE: Entry = {
  title: "A binding points at a class that has no Durable Object namespace",
  explanation:
    "The new version binds a Durable Object class that is not (or no longer) configured to implement Durable Objects: no migration or `exports` entry ever created it, or it was deleted.",
  fix: "Add a migration (`new_sqlite_classes`) or an `exports` entry that creates the class, or remove the binding.",
};

const EXPLANATIONS: ReadonlyMap<number, Entry> = new Map<number, Entry>([
  [
    10007,
    {
      title: "The Worker does not exist",
      explanation:
        "The account has no Worker with this name. On a first deploy that is expected; otherwise the name, environment or account is wrong.",
      fix: "Check the Worker `name` (an environment deploys as `<name>-<env>` unless it sets its own name) and the account id.",
    },
  ],
  [
    10061,
    {
      title: "A class cannot be deleted while a binding still references it",
      explanation:
        "The API checks a delete against the bindings that are live right now, not against the version being uploaded. Removing the binding and deleting the class in the same deploy is therefore refused, and so is a delete while another Worker still binds the class through `script_name`.",
      fix: "Deploy in two phases: first remove every binding to the class (in this Worker and in others that use `script_name`) while still exporting the class, then deploy the delete.",
    },
  ],
  [
    10064,
    {
      title: "The new code no longer exports a class that has Durable Objects",
      explanation:
        "A Durable Object namespace exists for the class, so every new version must keep exporting it until a delete has been applied.",
      fix: "Keep exporting the class (a bare stub class is enough) until a `deleted_classes` step (or `exports` state `deleted`) has been deployed.",
    },
  ],
  [
    10070,
    {
      title: "A new class is not exported by the code",
      explanation:
        "A migration creates a Durable Object class that the uploaded main module does not export.",
      fix: "Export the class from the main module, or fix the class name in the migration.",
    },
  ],
  [
    10074,
    {
      title: "The migration does not match the Worker's existing classes",
      explanation:
        "A delete or rename names a class that does not exist or was not exported by the previous version, or a create names a class that already has Durable Objects. A fresh Worker (new environment, preview, renamed Worker) replays the whole history and hits this when an old delete step names a class it never exported.",
      fix: "Compare the migration history with what is deployed; for a fresh Worker, make sure every deleted class was created and exported first, or drop the step for that Worker.",
    },
  ],
  [
    10079,
    {
      title: "Someone deployed in between",
      explanation:
        "The upload said which migration tag it expected to replace (`old_tag`), and the deployed tag is different: another deploy changed it after the plan was made.",
      fix: "Read the live migration tag again, re-plan, and deploy again.",
    },
  ],
  [
    10097,
    {
      title: "Free plans need SQLite-backed Durable Objects",
      explanation: "On a free plan a Durable Object namespace must be created with `new_sqlite_classes`.",
      fix: 'Use `new_sqlite_classes` (or `storage: "sqlite"` in `exports`) instead of `new_classes`.',
    },
  ],
  [
    10211,
    {
      title: "Migrations cannot be applied by a version upload",
      explanation:
        "A version uploaded with `wrangler versions upload` cannot carry a Durable Object migration.",
      fix: "Apply the migration with `wrangler deploy`, then go back to version uploads.",
    },
  ],
  [
    100402,
    {
      title: "Durable Object `exports` reconciliation failed",
      explanation:
        "The API could not reconcile the declared `exports` with the Worker's existing Durable Object classes (for example a delete while bindings remain, or a live class left out of the map).",
      fix: "Read the per-class reasons in the error, fix the `exports` entries, and deploy again.",
    },
  ],
  [
    100403,
    {
      title: "This Worker cannot go back from `exports` to `migrations`",
      explanation:
        "Once a Worker has been deployed with declarative `exports`, the API refuses uploads with `migrations`.",
      fix: "Keep declaring the Durable Objects in `exports`.",
    },
  ],
  [
    100405,
    {
      title: "Versions in one deployment declare different `exports`",
      explanation: "All versions in a split (gradual) deployment must declare identical `exports`.",
      fix: "Deploy the new version at 100% (`wrangler versions deploy <id>@100%`), or make the `exports` identical.",
    },
  ],
  [
    100406,
    {
      title: "A binding references an `exports` class that is not provisioned yet",
      explanation:
        "Declarative `exports` are reconciled when a version is deployed, so an uploaded (not yet deployed) version cannot bind a class that only that version creates.",
      fix: "Deploy the version to provision the class, or remove the binding until it is provisioned.",
    },
  ],
]);

/** Codes this module explains. */
export const EXPLAINED_CLOUDFLARE_ERROR_CODES: readonly number[] = [...EXPLANATIONS.keys()];

/**
 * Explanation and fix for a Cloudflare API error code, or `undefined` when the code is not one
 * this project knows. Code 10061 has two meanings; pass the API message to pick the right one.
 */
export function explainCloudflareError(
  code: number,
  message?: string,
): CloudflareErrorExplanation | undefined {
  if (code === 10061 && message !== undefined && /cannot create binding/i.test(message)) {
    return { code, ...BINDING_WITHOUT_NAMESPACE };
  }
  const entry = EXPLANATIONS.get(code);
  return entry ? { code, ...entry } : undefined;
}
