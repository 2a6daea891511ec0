// Start-up speed depends on what every run loads and builds: the schemas use
// zod/mini (the classic API attaches dozens of methods to each schema it builds,
// and would bring all of itself into the bundle), imported as a namespace so
// that esbuild keeps only what is used; the prompt library must only ever be
// import()ed lazily.
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
  it.each(sources)('%s imports zod/mini as a namespace, never the classic API', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    expect(text).not.toMatch(/from 'zod(\/v4)?'/);
    expect(text).not.toMatch(/import \{[^}]*\} from 'zod\/mini'/);
  });

  it('only the interview loads the prompt library, and only lazily', () => {
    for (const file of sources) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, file).not.toMatch(/^import (?!type )[^;]*from '@inquirer\/prompts'/m);
    }
  });

  it('natural order is one leaf module (no imports) that the engine, lint and the glob expander share, with no copy', () => {
    expect(readFileSync(join(root, 'src/engine/natural-compare.ts'), 'utf8')).not.toMatch(/^import /m);
    const defining = sources.filter((f) => /export function naturalCompare\b/.test(readFileSync(join(root, f), 'utf8')));
    expect(defining).toEqual(['src/engine/natural-compare.ts']);
    for (const f of ['src/engine/summarise.ts', 'src/report/lint.ts', 'src/config/glob.ts']) expect(readFileSync(join(root, f), 'utf8'), f).toMatch(/from '(\.|\.\.\/engine)\/natural-compare'/);
  });
});
