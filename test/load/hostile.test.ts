// Hostile and pathological inputs (issue 13 items 1-5 and 9; issue 12 faults
// 15-17): each gives one clear diagnostic with its place, or a correct load;
// never a crash, a hang, or a run that balloons. How long they take is
// measured by `npm run bench:inputs`, not asserted here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/load/diagnostics';
import { fastParse } from '../../src/load/fast-yaml';
import { MAX_DEPTH, MAX_LIST_ITEMS } from '../../src/load/limits';
import { loadOrgFile, loadOrgText } from '../../src/load/load';
import { cli } from '../lint/helpers';

const lines = (...ls: string[]) => `${ls.join('\n')}\n`;

async function fails(text: string, file = 'org.yaml', baseDir?: string): Promise<Diagnostic[]> {
  const r = await loadOrgText(text, file, baseDir ? { baseDir } : {});
  if (r.ok) throw new Error('expected the load to fail');
  for (const d of r.diagnostics) expect(formatDiagnostic(d)).not.toMatch(/\n/);
  return r.diagnostics;
}
async function one(text: string, file?: string, baseDir?: string): Promise<Diagnostic> {
  const ds = await fails(text, file, baseDir);
  expect(ds, ds.map(formatDiagnostic).join('\n')).toHaveLength(1);
  return ds[0]!;
}
async function loads(text: string) {
  const r = await loadOrgText(text, 'org.yaml', { baseDir: dir });
  if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
  return r.value.org;
}

const dir = mkdtempSync(join(tmpdir(), 'sales-audit-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cyclic aliases (issue 13 item 1)', () => {
  it('refuses the 11-byte cycle at the alias, without running out of stack', async () => {
    expect(await one('a: &a [*a]\n')).toEqual({ file: 'org.yaml', line: 1, column: 8, message: 'alias *a is inside the node it refers to (a cycle); YAML data cannot contain itself' });
  });

  it('refuses a wider cycle, through mappings and lists, and a cycle through a merge key', async () => {
    expect(await one(lines('company: &c', '  name: x', '  more:', '    - [1, {deep: *c}]'))).toMatchObject({
      line: 4,
      column: 18,
      message: expect.stringMatching(/^alias \*c is inside the node it refers to/),
    });
    expect(await one(lines('a: &a', '  b: 1', '  <<: *a'))).toMatchObject({ line: 3, column: 7, message: expect.stringMatching(/^alias \*a is inside/) });
  });

  it('refuses a wide cycle of 130 aliases as quickly as a small one (no expansion before the refusal)', async () => {
    const d = await one(`a: &a [${Array(130).fill('*a').join(', ')}]\n`);
    expect(d).toMatchObject({ line: 1, column: 8 });
  });

  it('under lint, a cyclic file is one error and the other files still get their results', () => {
    const work = mkdtempSync(join(dir, 'lint-'));
    writeFileSync(join(work, 'cycle.yaml'), 'a: &a [*a]\n');
    writeFileSync(join(work, 'ok.yaml'), 'company:\n  name: Acme\n');
    const r = cli(['lint', 'cycle.yaml', 'ok.yaml', '--format', 'json', '--date', '2026-11-27'], { cwd: work });
    expect(r.stderr).not.toMatch(/internal error|stack/i);
    const report = JSON.parse(r.stdout) as { files: { file: string }[] };
    expect(report.files.map((f) => f.file).sort()).toEqual(['cycle.yaml', 'ok.yaml']);
    expect(r.stdout).toMatch(/alias \*a is inside the node it refers to/);
  });
});

describe('keys that reach the prototype (issue 13 item 2)', () => {
  it('a top-level __proto__ holding tools: is an unknown key at its place, and smuggles nothing', async () => {
    const d = await one(lines('__proto__:', '  tools:', '    crm: crm', '    crm_active_use_pct: 95'));
    expect(d).toEqual({ file: 'org.yaml', line: 1, column: 1, path: '__proto__', message: expect.stringMatching(/^unknown key "__proto__"/) });
    expect(({} as Record<string, unknown>).tools).toBeUndefined();
  });

  it('refuses __proto__, constructor and prototype anywhere, quoted or not, on both YAML paths', async () => {
    const text = lines('company:', '  name: Acme', '  constructor: x', 'people:', '  - name: A', '    "prototype": 1', 'notes:', "  '__proto__': hi");
    const ds = await fails(text);
    expect(ds.map((d) => [d.line, d.column, d.path, d.message.replace(/:.*/, '')])).toEqual([
      [3, 3, 'company.constructor', 'unknown key "constructor"'],
      [6, 5, 'people[0].prototype', 'unknown key "prototype"'],
      [8, 3, 'notes.__proto__', 'unknown key "__proto__"'],
    ]);
    // The same file through the `yaml` library's path (an anchor sends it there).
    expect(fastParse(`x: &y 1\n${text}`, 'org.yaml')).toBeUndefined();
    const slow = await fails(`${text}tools: &t {}\n`);
    expect(slow.filter((d) => /unknown key "(__proto__|constructor|prototype)"/.test(d.message)).map((d) => d.line)).toEqual([3, 6, 8]);
  });
});

describe('files that are not regular files (issue 13 item 5)', () => {
  const fifo = (name: string) => {
    const path = join(dir, name);
    expect(spawnSync('mkfifo', [path]).status).toBe(0);
    return path;
  };

  it('refuses a named pipe as the org file, also through a symbolic link, without opening it', async () => {
    const p = fifo('org-pipe.yaml');
    const r = await loadOrgFile(p, 'org-pipe.yaml');
    expect(r).toEqual({ ok: false, diagnostics: [{ file: 'org-pipe.yaml', message: 'is a named pipe (FIFO), not a regular file; expected a YAML org file' }] });
    symlinkSync(p, join(dir, 'link.yaml'));
    expect(await loadOrgFile(join(dir, 'link.yaml'), 'link.yaml')).toMatchObject({ ok: false, diagnostics: [{ message: expect.stringMatching(/^is a named pipe/) }] });
  });

  it('reads /dev/null, which never blocks, as an empty file (an empty org, or --answers /dev/null)', async () => {
    const r = await loadOrgFile('/dev/null', '/dev/null');
    expect(r.ok).toBe(true);
  });

  it('refuses a named pipe as a roster, at the people_csv line', async () => {
    fifo('pipe.csv');
    const d = await one(lines('company:', '  name: A', 'people_csv: pipe.csv'), join(dir, 'org.yaml'), dir);
    expect(d).toMatchObject({ line: 3, column: 13, path: 'people_csv', message: expect.stringMatching(/is a named pipe \(FIFO\), not a regular file; expected a CSV roster$/) });
  });

  it('the CLI: audit, lint and interview --answers on a pipe each print one line and exit 2, without hanging', () => {
    const work = mkdtempSync(join(dir, 'cli-'));
    expect(spawnSync('mkfifo', [join(work, 'p.yaml')]).status).toBe(0);
    writeFileSync(join(work, 'org.yaml'), 'company:\n  name: Acme\n');
    for (const args of [
      ['audit', 'p.yaml'],
      ['lint', 'p.yaml'],
      ['interview', 'org.yaml', '--answers', 'p.yaml'],
    ]) {
      const r = cli(args, { cwd: work });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr + r.stdout, args.join(' ')).toMatch(/p\.yaml: is a named pipe \(FIFO\), not a regular file/);
    }
  });
});

describe('sizes: quadratic paths and amplification (issue 13 items 3 and 4)', () => {
  it('20,000 unknown keys in one mapping: each at its own line, on both YAML paths', async () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `  k${i}: 1`);
    for (const text of [lines('company:', ...keys), lines('company:', ...keys, 'tools: &t {}')]) {
      const ds = await fails(text);
      expect(ds).toHaveLength(20_000);
      expect(ds[19_999]).toMatchObject({ line: 20_001, column: 3, path: 'company.k19999', message: expect.stringMatching(/^unknown key "k19999"/) });
    }
  });

  it("20,000 anchors each aliased once load, each alias giving its anchor's value", async () => {
    const people = Array.from({ length: 10_000 }, (_, i) => [`  - name: &n${i} Person ${i}`, `  - name: *n${i}`]).flat();
    const org = await loads(lines('people:', ...people));
    expect(org.people).toHaveLength(20_000);
    expect(org.people![19_999]!.name).toBe('Person 9999');
  });

  it(`refuses a list of more than ${MAX_LIST_ITEMS} items at the list, naming the limit`, async () => {
    const d = await one(
      `people: [${Array(MAX_LIST_ITEMS + 1)
        .fill('{}')
        .join(',')}]\n`,
    );
    expect(MAX_LIST_ITEMS).toBe(50_000);
    expect(d).toEqual({ file: 'org.yaml', line: 1, column: 9, path: 'people', message: 'a list of 50,001 items; the limit is 50,000 items per list' });
  });

  it('counts the people of a roster with those of the org file', async () => {
    writeFileSync(join(dir, 'big.csv'), `name\n${Array.from({ length: 45_000 }, (_, i) => `P${i}`).join('\n')}\n`);
    const d = await one(lines('people_csv: big.csv', `people: [${Array(5_001).fill('{name: x}').join(',')}]`), join(dir, 'org.yaml'), dir);
    expect(d).toMatchObject({ line: 1, column: 13, path: 'people_csv', message: '50,001 people with the roster; the limit is 50,000' });
  });

  it('50,000 people whose attainment is written as fractions: 199,996 diagnostics, each with its place (a spread into push() overflowed the stack)', async () => {
    writeFileSync(join(dir, 'fractions.csv'), `name,is_rep,attainment\n${Array.from({ length: 49_999 }, (_, i) => `P${i},true,0.8;0.9;0.7;0.6`).join('\n')}\n`);
    const r = await loadOrgText(lines('people_csv: fractions.csv', 'people: [{name: Lead}]'), join(dir, 'org.yaml'), { baseDir: dir });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toHaveLength(49_999 * 4);
    expect(r.diagnostics[0]).toMatchObject({ line: 2, column: 9, message: expect.stringMatching(/^0\.8 reads as 0\.8 %/) });
    expect(r.diagnostics.at(-1)).toMatchObject({ line: 50_000, column: 25, path: 'people[49999].attainment[3]' });
  });

  it('bounds what aliases expand to by the expanded size, not the number of aliases', async () => {
    // A hundred people sharing one small coaching map (issue 12 fault 16) is fine...
    const people = Array.from({ length: 100 }, (_, i) => `  - {name: AE ${i}, coaching: *std}`);
    const org = await loads(lines('x: &std {plan: individual, one_to_one: weekly}', ...people).replace(/^x: /, 'people:\n  - name: Lead\n    coaching: '));
    expect(org.people).toHaveLength(101);
    expect(org.people![100]!.coaching).toEqual({ plan: 'individual', one_to_one: 'weekly' });
    // ...while a few aliases of a large list are refused at the alias that passes the limit.
    const big = `[${Array(200_000).fill('1').join(',')}]`;
    const d = await one(lines(`a: &a ${big}`, 'b: [*a, *a, *a]'));
    expect(d).toMatchObject({ line: 2, column: 9, message: expect.stringMatching(/^the data grows past 500,000 values here/) });
  });
});

describe('one-line diagnostics (issue 13 item 9)', () => {
  it('a complex key is one diagnostic with its place, and no Node warning', async () => {
    const warn = vi.spyOn(process, 'emitWarning');
    const d = await one(lines('company:', '  name: x', '? [a, b]', ': 1'));
    expect(d).toEqual({ file: 'org.yaml', line: 3, column: 3, message: 'a key must be a plain name, not a list or a mapping (a complex `? ` key)' });
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('a multi-line key is one line with its place', async () => {
    expect(await one(lines('? |', '  block key', ': v'))).toEqual({ file: 'org.yaml', line: 1, column: 3, message: 'a key must be on one line (a block scalar or multi-line key is not a fact name)' });
    expect(await one(lines('company:', '  "two\\nlines": 1'))).toMatchObject({ line: 2, column: 3, message: expect.stringMatching(/^a key must be on one line/) });
  });

  it(`nesting is allowed to ${MAX_DEPTH} levels and refused beyond, with the place and the limit`, async () => {
    const nest = (n: number) => `a: ${'['.repeat(n - 1)}${']'.repeat(n - 1)}\n`;
    // Level 1 is the top mapping; at the limit the file loads as far as nesting goes (then `a` is unknown).
    expect((await one(nest(MAX_DEPTH))).message).toMatch(/^unknown key "a"/);
    expect(await one(nest(MAX_DEPTH + 1))).toEqual({ file: 'org.yaml', line: 1, column: 4 + MAX_DEPTH - 1, message: `nested deeper than ${MAX_DEPTH} levels` });
    // Far deeper than the parser's stack: the same message, at the level that passes the limit.
    expect(await one(nest(20_000))).toEqual({ file: 'org.yaml', line: 1, column: 4 + MAX_DEPTH - 1, message: `nested deeper than ${MAX_DEPTH} levels` });
    expect(await one(`${'- '.repeat(5_000)}x\n`)).toMatchObject({ message: `nested deeper than ${MAX_DEPTH} levels`, line: 1 });
  });

  it('nesting built up through aliases is refused too', async () => {
    const deep = `${'['.repeat(60)}${']'.repeat(60)}`;
    expect(await one(lines(`a: &a ${deep}`, 'b: &b [*a]', `c: ${'['.repeat(45)}*a${']'.repeat(45)}`))).toMatchObject({
      line: 3,
      column: 49,
      message: expect.stringMatching(/^nested deeper than 100 levels \(through alias \*a\)$/),
    });
  });
});

describe('YAML people really write (issue 12 faults 15 and 17)', () => {
  it("honours merge keys: the mapping's own keys win, then earlier sources", async () => {
    const org = await loads(
      lines('people:', '  - &ae', '    name: AE 1', '    title: Account Executive', '    is_rep: true', '  - <<: *ae', '    name: AE 2', '  - <<: [{title: SDR}, *ae]', '    name: SDR 1'),
    );
    expect(org.people).toEqual([
      { name: 'AE 1', title: 'Account Executive', is_rep: true },
      { name: 'AE 2', title: 'Account Executive', is_rep: true },
      { name: 'SDR 1', title: 'SDR', is_rep: true },
    ]);
  });

  it("honours a merge key without any alias too (an inline mapping), on the fast path's fallback", async () => {
    expect(fastParse('company:\n  <<: {name: Acme}\n', 'org.yaml')).toBeUndefined();
    expect((await loads(lines('company:', '  <<: {name: Acme, employees: 3}', '  employees: 4'))).company).toEqual({ name: 'Acme', employees: 4 });
  });

  it('refuses a merge key whose value is not a mapping, at the value', async () => {
    expect(await one(lines('x: &x [1]', 'company:', '  <<: *x'))).toMatchObject({ line: 3, column: 7, message: expect.stringMatching(/^a merge key \(<<\) takes a mapping/) });
  });

  it('an anchored key can be aliased later, as a value or as a key', async () => {
    expect((await loads(lines('company:', '  &k name: Acme', 'notes:', '  plan: *k'))).notes).toEqual({ plan: 'name' });
  });

  it('an empty key reached through an alias still gets a position (found by the fuzz target)', async () => {
    const ds = await fails(lines('version: 1', 'notes: &a1', '  "": unknown', 'answers: *a1'));
    expect(ds.map(formatDiagnostic)).toEqual([
      'org.yaml:3:3: notes.: unknown key ""; expected one of: company, leadership, roles, plan, process, metrics, people, policies, admin, tools, recruiting, friction, compensation, marketing',
      'org.yaml:4:1: answers.: expected a mapping (key: value lines), got "unknown"',
    ]);
  });

  it('a null key points at the key and says it is not a fact name', async () => {
    for (const k of ['~', 'null', 'Null']) {
      expect(await one(lines('company:', '  name: Acme', `  ${k}: y`))).toEqual({
        file: 'org.yaml',
        line: 3,
        column: 3,
        message: 'a null key (`~:`, `null:` or a lone `:`) is not a fact name; write the name before the colon',
      });
    }
  });
});
