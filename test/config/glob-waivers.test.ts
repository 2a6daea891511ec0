// The glob matcher lint uses for quoted patterns, and the waiver check
// (a waiver must name a rule that exists).
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { expandGlob, globToRegExp, isGlob } from '../../src/config/glob';
import { waiverDiagnostics } from '../../src/config/waivers';
import { formatDiagnostic } from '../../src/load/diagnostics';
import { loadOrgText } from '../../src/load/load';

describe('glob patterns', () => {
  it.each([
    ['*.yaml', ['a.yaml', 'b-c.yaml'], ['.hidden.yaml', 'a.yml', 'x/a.yaml']],
    ['**/*.yaml', ['a.yaml', 'x/a.yaml', 'x/y/z.yaml'], ['.h/a.yaml', 'x/.h/a.yaml', 'a.yml']],
    ['orgs/**', ['orgs/a', 'orgs/x/y'], ['orgs', 'other/a', 'orgs/.git/x']],
    ['x/**/a.yaml', ['x/a.yaml', 'x/y/a.yaml', 'x/y/z/a.yaml'], ['a.yaml', 'x/ya.yaml']],
    ['?.yaml', ['a.yaml'], ['ab.yaml', '.yaml']],
    ['[ab].yaml', ['a.yaml', 'b.yaml'], ['c.yaml']],
    ['[!ab].yaml', ['c.yaml'], ['a.yaml', '/.yaml']],
    ['{acme,beta}.{yaml,yml}', ['acme.yaml', 'beta.yml'], ['gamma.yaml', 'acme.json']],
    ['a+b(1).yaml', ['a+b(1).yaml'], ['aab1.yaml']],
  ])('%s', (pattern, yes, no) => {
    const re = globToRegExp(pattern);
    for (const p of yes) expect(re.test(p), p).toBe(true);
    for (const p of no) expect(re.test(p), p).toBe(false);
  });

  it('isGlob tells patterns from plain paths', () => {
    expect(['*.yaml', 'a/**', '?.yaml', '{a,b}.yaml', '[ab].yaml'].every(isGlob)).toBe(true);
    expect(['org.yaml', 'orgs/acme-2.yaml', './a.yaml'].some(isGlob)).toBe(false);
  });

  it('expands on disk: sorted, files only, no dot folders or node_modules, linked files but not linked folders', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sales-audit-glob-'));
    for (const d of ['orgs/eu', 'orgs/.git', 'orgs/node_modules/x', 'orgs/dir.yaml', 'elsewhere']) mkdirSync(join(root, d), { recursive: true });
    for (const f of ['orgs/b.yaml', 'orgs/a.yaml', 'orgs/eu/c.yaml', 'orgs/.git/d.yaml', 'orgs/node_modules/x/e.yaml', 'orgs/notes.txt', 'elsewhere/f.yaml'])
      writeFileSync(join(root, f), 'version: 1\n');
    symlinkSync(join(root, 'elsewhere/f.yaml'), join(root, 'orgs/link.yaml'));
    symlinkSync(join(root, 'elsewhere'), join(root, 'orgs/linkdir'));
    expect(await expandGlob('orgs/*.yaml', root)).toEqual(['orgs/a.yaml', 'orgs/b.yaml', 'orgs/link.yaml']);
    expect(await expandGlob('orgs/**/*.yaml', root)).toEqual(['orgs/a.yaml', 'orgs/b.yaml', 'orgs/eu/c.yaml', 'orgs/link.yaml']);
    expect(await expandGlob('./orgs/*/c.yaml', root)).toEqual(['./orgs/eu/c.yaml']);
    expect(await expandGlob(`${root}/orgs/e*/*.yaml`, '/')).toEqual([`${root}/orgs/eu/c.yaml`]);
    expect(await expandGlob('nowhere/*.yaml', root)).toEqual([]);
  });
});

describe('waivers must name a rule', () => {
  const ids = rules.map((r) => r.id);
  const load = async (text: string) => {
    const r = await loadOrgText(text, 'org.yaml');
    if (!r.ok) throw new Error(r.diagnostics.map(formatDiagnostic).join('\n'));
    return r.value;
  };

  it('a known rule passes; an unknown one is a diagnostic at the rule value, with a suggestion when one is close', async () => {
    const org = await load(`version: 1
waivers:
  - rule: selling-time
    reason: r
    owner: o
    expires: 2027-01-01
  - rule: sellingtime
    reason: r
    owner: o
    expires: 2027-01-01
  - rule: pizza
    reason: r
    owner: o
    expires: 2027-01-01
`);
    expect(waiverDiagnostics(org, ids).map(formatDiagnostic)).toEqual([
      'org.yaml:7:11: waivers[1].rule: unknown rule "sellingtime"; did you mean "selling-time"? (run `sales-audit rules` for the list)',
      'org.yaml:11:11: waivers[2].rule: unknown rule "pizza" (run `sales-audit rules` for the list)',
    ]);
  });

  it('no waivers, no diagnostics', async () => {
    expect(waiverDiagnostics(await load('version: 1\n'), ids)).toEqual([]);
  });
});
