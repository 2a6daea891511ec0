// Start-up speed depends on the bundle staying small: `import { z } from 'zod'`
// pulls in every zod locale (the `z` object defeats tree-shaking), and the
// prompt library must only ever be import()ed lazily.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(join(root, dir)).flatMap((f) => {
    const p = join(dir, f);
    return statSync(join(root, p)).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
const sources = [...files('src'), ...files('rules')];

describe('imports that keep start-up fast', () => {
  it.each(sources)('%s imports zod as a namespace', (file) => {
    expect(readFileSync(join(root, file), 'utf8')).not.toMatch(/import \{[^}]*\bz\b[^}]*\} from 'zod'/);
  });

  it('only the interview loads the prompt library, and only lazily', () => {
    for (const file of sources) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, file).not.toMatch(/^import (?!type )[^;]*from '@inquirer\/prompts'/m);
    }
  });
});
