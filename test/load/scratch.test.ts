import { it } from 'vitest';
import { loadOrgText, loadOrgFile } from '../../src/load/load';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const cases: Record<string, string> = {
  syntax: 'company:\n  name: "Acme\n  employees: 3\n',
  syntax2: 'company:\n  name: Acme\n   employees: 3\n',
  syntax3: 'company: [a, b\n',
  dup: 'company:\n  name: A\n  name: B\n',
  dupTop: 'company:\n  name: A\ncompany:\n  name: B\n',
  wrongType: 'people:\n  - name: AE 1\n    selling_time_pct: "thirty"\n',
  range: 'tools:\n  crm_active_use_pct: 140\n',
  enum: 'leadership:\n  sales_managed_by: sales_manger\n',
  enumList: 'leadership:\n  outside_help: [advisor, coch]\n',
  topKey: 'leadershp:\n  sales_managed_by: ceo\n',
  nested: 'company:\n  nmae: Acme\n',
  nested2: 'company:\n  zzzzzz: Acme\n',
  date: 'leadership:\n  leader_since: 2025-13-45\n',
  date2: 'leadership:\n  leader_since: 01/02/2025\n',
  bomb: 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n',
  list: '- company: A\n- b\n',
  scalar: 'hello\n',
  unknowns: 'company:\n  name: unknown\n  employees: Unknown\nleadership:\n  outside_help: [advisor, unknown]\n',
  emptyStr: 'company:\n  name: ""\n',
  version: 'version: 2\n',
  multiDoc: 'company:\n  name: A\n---\ncompany:\n  name: B\n',
  tab: "company:\n\tname: A\n",
  emptyItem: 'roles:\n  -\n  - title: AE\n',
  boolStr: 'plan:\n  documented: yes\n',
  num: 'company:\n  employees: 12.5\n',
  anchorsOk: 'x: 1\n',
};
it('probe', async () => {
  for (const [k, t] of Object.entries(cases)) {
    const r = await loadOrgText(t, 'org.yaml');
    console.log(k, JSON.stringify(r.ok ? { ok: true, org: r.value.org, unknowns: r.value.unknowns } : r.diagnostics));
  }
  const d = mkdtempSync(join(tmpdir(), 'sa-'));
  writeFileSync(join(d, 'bin.yaml'), Buffer.from([0x61, 0x00, 0x62]));
  writeFileSync(join(d, 'bad.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
  mkdirSync(join(d, 'dir.yaml'));
  writeFileSync(join(d, 'f.yaml'), 'x: 1\n');
  for (const f of ['bin.yaml', 'bad.yaml', 'dir.yaml', 'missing.yaml', 'f.yaml/x']) {
    const r = await loadOrgFile(join(d, f));
    console.log(f, JSON.stringify(r.ok ? 'ok' : r.diagnostics));
  }
});
