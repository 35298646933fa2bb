// `mode: deploy` (the guarded two-phase deploy) is wired here.
import type { Settings } from "./inputs.ts";

export async function runDeployMode(_settings: Settings): Promise<void> {
  throw new Error("mode: deploy is not available in this build yet");
}
