// The repository a file lives in, and whether a path stays inside a folder.
// An org file, its config and its roster usually live in one repository, and
// CI runs sales-audit on pull requests: what a file names (a roster, a config
// above it) must not reach outside the repository, into the runner's
// workspace or its home folder.
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

/**
 * The repository root of a folder: the nearest folder at or above `dir` that
 * holds `.git` (a folder, or the file a worktree or submodule has), as an
 * absolute path; undefined outside a repository.
 */
export function findRepoRoot(dir: string): string | undefined {
  let cur = resolve(dir);
  for (;;) {
    if (existsSync(join(cur, '.git'))) return cur;
    const up = dirname(cur);
    if (up === cur) return undefined;
    cur = up;
  }
}

/** The path with symbolic links resolved, as far as it exists (a missing file is resolved through its folder). */
function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const up = dirname(path);
    return up === path ? path : join(real(up), relative(up, path));
  }
}

/** True when `path` is `root` or inside it, both as written and once symbolic links are resolved. */
export function isInside(root: string, path: string): boolean {
  const within = (r: string, p: string) => {
    const rel = relative(r, p);
    return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
  };
  return within(resolve(root), resolve(path)) && within(real(resolve(root)), real(resolve(path)));
}

/**
 * The folder the files an org file names (its CSV roster) must stay in: its
 * repository's root, or outside a repository the org file's own folder.
 */
export const confinementRoot = (orgDir: string): string => findRepoRoot(orgDir) ?? resolve(orgDir);
