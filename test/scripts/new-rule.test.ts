// The new-rule exercise (CONTRIBUTING.md, "Adding a rule"), in a temporary copy
// of the project: `npm run new-rule forecast-tracked` writes the rule and its
// test and registers it; nothing else changes; the whole project still
// type-checks; the new rule's test passes as written; the rules meta-test says
// what is left to write (the TODOs), and nothing else.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let copy: string;

/** Every file under dir with its bytes, keyed by path relative to the copy. */
function snapshot(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.name === 'node_modules' || e.name === '.git') continue;
    if (e.isDirectory()) snapshot(p, out);
    else if (statSync(p).isFile()) out.set(relative(copy, p), readFileSync(p, 'latin1'));
  }
  return out;
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'sales-audit-new-rule-'));
  for (const part of ['package.json', 'tsconfig.json', 'vitest.config.ts', 'src', 'rules', 'scripts', 'templates', 'test/helpers', 'test/rules'])
    cpSync(join(ROOT, part), join(copy, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const npm = (args: string[]) => spawnSync('npm', args, { cwd: copy, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });

describe('npm run new-rule', () => {
  it("touches three files: the rule, its test and the index; the project type-checks and the rule's test passes", () => {
    const before = snapshot(copy);
    const r = npm(['run', '--silent', 'new-rule', 'forecast-tracked']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^new-rule: wrote rules\/forecast-tracked\.ts and test\/rules\/forecast-tracked\.test\.ts, and listed forecastTracked last in rules\/index\.ts\./);
    const after = snapshot(copy);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k)).sort();
    expect(changed).toEqual(['rules/forecast-tracked.ts', 'rules/index.ts', 'test/rules/forecast-tracked.test.ts']);
    // The index gained two lines: the import, and the rule last in the list.
    const diff = after
      .get('rules/index.ts')!
      .split('\n')
      .filter((l) => !before.get('rules/index.ts')!.split('\n').includes(l));
    expect(diff).toEqual(["import forecastTracked from './forecast-tracked';", '  forecastTracked,']);

    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', copy], { cwd: copy, encoding: 'utf8' });
    expect(tsc.stdout).toBe('');
    expect(tsc.status).toBe(0);
    const own = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'test/rules/forecast-tracked.test.ts'], {
      cwd: copy,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(own.stdout).toMatch(/Tests\s+4 passed \(4\)/);
    expect(own.status).toBe(0);
    // The meta-test fails on the skeleton's words until they are written, and on nothing else.
    const meta = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', 'test/rules/meta.test.ts'], { cwd: copy, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const failed = [...new Set([...`${meta.stdout}${meta.stderr}`.matchAll(/FAIL\s+test\/rules\/meta\.test\.ts > (.+)$/gm)].map((m) => m[1]!.trim()))];
    expect(meta.status).toBe(1);
    expect(failed).toEqual(['forecast-tracked > is a real rule, not a placeholder', 'forecast-tracked > has complete metadata and documentation']);
  }, 240_000);

  it('refuses an id that is not kebab-case, or one that exists, with one line and exit 2', () => {
    for (const [id, msg] of [
      ['Forecast_Tracked', 'new-rule: "Forecast_Tracked" is not a rule id: lower-case words joined by hyphens (forecast-tracked)\n'],
      ['selling-time', 'new-rule: rules/selling-time.ts exists already: pick another id\n'],
    ]) {
      const r = spawnSync(process.execPath, [join(copy, 'scripts/new-rule.mjs'), id!], { encoding: 'utf8' });
      expect(r.stderr).toBe(msg);
      expect(r.status).toBe(2);
    }
  });
});
