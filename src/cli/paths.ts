// Where the package's own files (templates, examples) are, whether running
// from the bundle (dist/, dist/chunks/) or from source under vitest.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'templates'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('sales-audit: cannot find its templates folder');
    dir = up;
  }
  return (root = dir);
}

export const examplesDir = () => join(packageRoot(), 'templates', 'examples');
export const initTemplatesDir = () => join(packageRoot(), 'templates', 'init');
