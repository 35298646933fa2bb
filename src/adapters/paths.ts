// Small file-system questions shared by the adapters.
import { access } from "node:fs/promises";

/** True when something exists at the path (a file, a directory or a link that resolves). */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
