// Several respondents (issue 14), end to end through the built binary: the
// CEO's answers, two reps' and a VP's answers files imported with `interview
// --answers`, then `audit` shows where they disagree; every respondent's
// answers are kept; an anonymous group's members show in no output.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, DATE, ROOT } from './run';

/** The mid-size example without its own answer to whether the reps have seen the plan: the respondents decide it. */
const ORG = readFileSync(`${ROOT}templates/examples/mid-size-gaps.yaml`, 'utf8').replace(/^ {2}shared_with_reps: true\n/m, '');

const FILES: Record<string, string> = {
  'ceo.yaml': '# The CEO, in the first meeting\nrespondent:\n  name: Jane Doe, CEO\n  group: leadership\nplan.shared_with_reps: true\nadmin.selling_time_pct: 60\n',
  'vp.yaml':
    'respondent: {name: "Victor Lee, VP Sales", group: management}\nplan.shared_with_reps: true\npeople[3].coaching.one_to_one: weekly\npeople[4].coaching.one_to_one: weekly\nadmin.selling_time_pct: 45\n',
  'ae2.yaml': 'respondent: {name: AE 2, group: reps}\nplan.shared_with_reps: false\nself.coaching.one_to_one: monthly\nadmin.selling_time_pct: 30\n',
  'ae3.yaml': 'respondent: {name: AE 3, group: reps}\nplan.shared_with_reps: false\nself.coaching.one_to_one: weekly\nadmin.selling_time_pct: 25\n',
  'anon.yaml': 'respondent: {group: reps, anonymous: true}\nplan.shared_with_reps: false\nself.coaching.one_to_one: monthly\nadmin.selling_time_pct: 20\n',
};

function setup(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sales-audit-respondents-'));
  writeFileSync(join(dir, 'acme.yaml'), ORG);
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
  return dir;
}
const importAll = (dir: string, names: string[]) => {
  for (const f of names) {
    const r = cli(['interview', 'acme.yaml', '--answers', f, '--date', DATE], { cwd: dir });
    expect(r.stderr).not.toMatch(/error|at .*\.js/i);
    expect(r.code, `${f}: ${r.stderr}`).toBe(0);
  }
};

describe('several respondents, end to end', () => {
  it('the CEO, a VP and two reps: every answer kept as its respondent\u2019s, audit shows the gaps and the verdict they decide', () => {
    const dir = setup();
    importAll(dir, ['ceo.yaml', 'ae2.yaml', 'ae3.yaml', 'anon.yaml', 'vp.yaml']);
    const org = parse(readFileSync(join(dir, 'acme.yaml'), 'utf8'));
    // Five entries, each with its own answers; AE 2's self. answers are AE 2's, kept by name (issue 14, item 1).
    expect(org.responses.map((r: { respondent?: string; group: string }) => [r.respondent ?? null, r.group])).toEqual([
      ['Jane Doe, CEO', 'leadership'],
      ['AE 2', 'reps'],
      ['AE 3', 'reps'],
      [null, 'reps'],
      ['Victor Lee, VP Sales', 'management'],
    ]);
    expect(org.responses[1].answers).toEqual({ 'plan.shared_with_reps': false, 'people[name=AE 2].coaching.one_to_one': 'monthly', 'admin.selling_time_pct': 30 });
    // The VP's answers file numbered people by the roster (an older questionnaire): stored by name.
    expect(org.responses[4].answers).toEqual({
      'plan.shared_with_reps': true,
      'people[name=AE 1].coaching.one_to_one': 'weekly',
      'people[name=AE 2].coaching.one_to_one': 'weekly',
      'admin.selling_time_pct': 45,
    });
    expect(org.responses[3]).toEqual({ group: 'reps', anonymous: true, on: DATE, answers: { 'plan.shared_with_reps': false, 'self.coaching.one_to_one': 'monthly', 'admin.selling_time_pct': 20 } });
    // The comments and the rest of the file are as they were.
    expect(readFileSync(join(dir, 'acme.yaml'), 'utf8').startsWith(ORG.trimEnd())).toBe(true);

    const text = cli(['audit', 'acme.yaml', '--date', DATE, '--no-color'], { cwd: dir, env: { COLUMNS: '200' } });
    expect(text.stdout).toContain('Where people disagree');
    expect(text.stdout).toContain('Respondents: leadership 1, sales management 1, sales reps 3 (1 anonymous)');
    expect(text.stdout).toMatch(
      /whether every rep has seen the sales plan \(plan\.shared_with_reps\)\n\s+leadership: yes\n\s+sales management: yes\n\s+sales reps: 3 of 3 said no\n\s+the audit used the answer from sales reps: 3 of 3 said no; the best informed\s+group\n\s+affects go-to-market-plan \(its result turns on it\)/,
    );
    // Person by person (item 5): what the VP and AE 2 say of AE 2, with the file's record; AE 3's own answer matches the file and the VP said nothing of AE 3.
    expect(text.stdout).toMatch(/how often AE 2 has a one-to-one \(people\[4\]\.coaching\.one_to_one\)\n\s+the org file: monthly\n\s+sales management: weekly\n\s+sales reps: monthly\n/);
    expect(text.stdout).not.toContain('people[].coaching');
    expect(text.stdout).toMatch(/sales reps: median 25 of 3 answers\n/);

    const json = JSON.parse(cli(['audit', 'acme.yaml', '--date', DATE, '--format', 'json'], { cwd: dir }).stdout);
    expect(json.perception.gaps.map((g: { fact: string; decisive: string[] }) => [g.fact, g.decisive])).toEqual([
      ['admin.selling_time_pct', expect.any(Array)],
      ['people[4].coaching.one_to_one', expect.any(Array)],
      ['plan.shared_with_reps', ['go-to-market-plan']],
    ]);
    // The disagreement is told in the rule's own finding on that fact (issue 14, item 10).
    const finding = json.findings.find((f: { data: { disagreement?: string } }) => f.data.disagreement === 'plan.shared_with_reps');
    expect(json.findings.filter((f: { messageId: string }) => f.messageId === 'perceptionGap')).toEqual([]);
    expect(finding.evidence[0].resolution).toBe('from sales reps: 3 of 3 said no; the best informed group');
    expect(json.perception.alignment.find((a: { section: string }) => a.section === 'plan')).toEqual({ section: 'plan', facts: 1, agree: 0, pct: 0 });
  });

  it('re-importing a respondent replaces only their own answers', () => {
    const dir = setup();
    importAll(dir, ['ceo.yaml', 'ae2.yaml', 'anon.yaml']);
    writeFileSync(join(dir, 'ae2.yaml'), 'respondent: {name: AE 2, group: reps}\nplan.shared_with_reps: true\n');
    const r = cli(['interview', 'acme.yaml', '--answers', 'ae2.yaml', '--date', '2026-11-28'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Replaced 1 answer from AE 2 (reps) in acme.yaml');
    const org = parse(readFileSync(join(dir, 'acme.yaml'), 'utf8'));
    expect(org.responses).toHaveLength(3);
    expect(org.responses[1]).toEqual({ respondent: 'AE 2', group: 'reps', on: '2026-11-28', answers: { 'plan.shared_with_reps': true } });
    expect(org.responses[0].answers).toEqual({ 'plan.shared_with_reps': true, 'admin.selling_time_pct': 60 });
    expect(org.responses[2].answers['admin.selling_time_pct']).toBe(20);
  });

  it('bad input: a clear one-line error with file:line:col, exit 2, nothing written', () => {
    const dir = setup();
    const cases: [string, string, RegExp][] = [
      ['g.yaml', 'respondent: {group: rep}\n', /^g\.yaml:1:21: respondent\.group: expected one of: leadership, management, reps, operations, finance; got "rep" \(did you mean "reps"\?\)$/],
      ['n.yaml', 'respondent: {name: Zed, group: reps, anonymous: true}\n', /^n\.yaml:1:\d+: respondent\.name: an anonymous respondent has no name/],
      [
        'i.yaml',
        'respondent: {group: management}\npeople[30].coaching.one_to_one: weekly\n',
        /^i\.yaml:2:1: people\[30\]\.coaching\.one_to_one: people\[30\] is not in acme\.yaml, which lists 10 items there/,
      ],
      ['v.yaml', 'respondent: {group: reps}\nself.coaching.one_to_one: daily\n', /^v\.yaml:2:1: self\.coaching\.one_to_one: expected one of: weekly, monthly, quarterly, none; got "daily"/],
      ['s.yaml', 'self.selling_time_pct: 30\n', /^sales-audit: s\.yaml:1:1: self\.selling_time_pct: self\. answers are a respondent's about themselves/],
    ];
    for (const [name, text, want] of cases) {
      writeFileSync(join(dir, name), text);
      const r = cli(['interview', 'acme.yaml', '--answers', name], { cwd: dir });
      expect(r.code, name).toBe(2);
      expect(r.stderr.trim().split('\n'), name).toHaveLength(1);
      expect(r.stderr.trim(), name).toMatch(want);
    }
    expect(readFileSync(join(dir, 'acme.yaml'), 'utf8')).toBe(ORG);
  });
});

describe('issue 14 review: answers by name, anonymity, percentages', () => {
  it("item 1: a person's answers stay theirs when someone is added above them in the roster; a name not in the roster is refused", () => {
    const dir = setup();
    importAll(dir, ['ae2.yaml', 'vp.yaml']);
    const before = cli(['audit', 'acme.yaml', '--date', DATE, '--format', 'json'], { cwd: dir });
    // One person added at the top of people:, as the reviewer did.
    const shifted = readFileSync(join(dir, 'acme.yaml'), 'utf8').replace(/^people:\n/m, 'people:\n  - name: New Hire\n    title: Account Executive\n    is_rep: true\n');
    writeFileSync(join(dir, 'acme.yaml'), shifted);
    const after = JSON.parse(cli(['audit', 'acme.yaml', '--date', DATE, '--format', 'json'], { cwd: dir }).stdout);
    const gap = (j: { perception: { gaps: { fact: string }[] } }) => j.perception.gaps.find((g) => g.fact.endsWith('coaching.one_to_one'))!.fact;
    expect(gap(JSON.parse(before.stdout))).toBe('people[4].coaching.one_to_one');
    expect(gap(after)).toBe('people[5].coaching.one_to_one');
    expect(after.labels['people[5].coaching.one_to_one']).toBe('how often AE 2 has a one-to-one');
    // An answers file about a person the roster does not have: one line, file:line:col, exit 2, nothing written.
    writeFileSync(join(dir, 'who.yaml'), 'respondent: {name: VP, group: management}\npeople[name=AE 22].coaching.one_to_one: weekly\n');
    const r = cli(['interview', 'acme.yaml', '--answers', 'who.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toMatch(/^who\.yaml:2:1: people\[name=AE 22\]\.coaching\.one_to_one: no person named "AE 22" in acme\.yaml \(did you mean "AE 2"\?\)$/);
    expect(readFileSync(join(dir, 'acme.yaml'), 'utf8')).toBe(shifted);
    // The same in the org file itself (a person renamed or removed after the import): the audit refuses it with its place.
    writeFileSync(join(dir, 'acme.yaml'), shifted.replace('- name: AE 2\n', '- name: AE Two\n'));
    const a = cli(['audit', 'acme.yaml', '--date', DATE], { cwd: dir });
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/acme\.yaml:\d+:\d+: .*no person named "AE 2" in people/);
    expect(a.stderr).not.toMatch(/at .*\.js/);
  });

  it('item 3: a named rep and an anonymous one: the anonymous answer cannot be worked out from any report', () => {
    const anonFile = (pct: number, o2o: string) => `respondent: {group: reps, anonymous: true}\nself.coaching.one_to_one: ${o2o}\nself.selling_time_pct: ${pct}\n`;
    const outs = [anonFile(22, 'quarterly'), anonFile(14, 'weekly')].map((text) => {
      const d = setup();
      writeFileSync(join(d, 'ae1.yaml'), 'respondent: {name: AE 1, group: reps}\nself.coaching.one_to_one: none\nself.selling_time_pct: 30\n');
      writeFileSync(join(d, 'an.yaml'), text);
      importAll(d, ['ae1.yaml', 'an.yaml', 'vp.yaml']);
      return ['text', 'json', 'markdown', 'html'].map((f) =>
        cli(['audit', 'acme.yaml', '--date', DATE, '--format', f, '--no-color'], { cwd: d }).stdout.replaceAll(/sales-audit-respondents-\w+/g, 'DIR'),
      );
    });
    // What the anonymous rep said changes no byte of any report.
    for (const [i, o] of outs[0]!.entries()) expect(o, String(i)).toBe(outs[1]![i]);
    const text = outs[0]![0]!;
    expect(text.slice(text.indexOf('Where people disagree'))).not.toMatch(/quarterly|1 said none/);
  });

  it("item 4: a rep's answer about a list's items is refused on import; one kept by an older import is not compared with the file's item of that number", () => {
    const dir = setup();
    const org = readFileSync(join(dir, 'acme.yaml'), 'utf8');
    for (const [text, want] of [
      [
        'respondent: {name: KAM 1, group: reps}\nadmin.non_sales_tasks[0].task: Writing quotes\n',
        /^t\.yaml:2:1: admin\.non_sales_tasks\[0\]\.task: a rep answers facts, not a list's items: admin\.non_sales_tasks is the consultant's to list/,
      ],
      ['respondent: {name: KAM 1, group: reps}\nprocess.stages: []\n', /^t\.yaml:2:1: process\.stages: a rep answers facts, not a list's items/],
    ] as const) {
      writeFileSync(join(dir, 't.yaml'), text);
      const r = cli(['interview', 'acme.yaml', '--answers', 't.yaml'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toMatch(want);
      expect(readFileSync(join(dir, 'acme.yaml'), 'utf8')).toBe(org);
    }
    writeFileSync(
      join(dir, 'acme.yaml'),
      `${org}\nresponses:\n  - respondent: KAM 1\n    group: reps\n    answers:\n      admin.non_sales_tasks[0].task: Writing quotes\n      admin.non_sales_tasks[0].hours_per_week: 6\n`,
    );
    const j = JSON.parse(cli(['audit', 'acme.yaml', '--date', DATE, '--format', 'json'], { cwd: dir }).stdout);
    expect(j.perception.gaps).toEqual([]);
    expect(JSON.stringify(j.findings)).not.toContain('from sales reps');
  });

  it("item 15: a manager's own self. answers are their own, never the reps' in general", () => {
    const dir = setup();
    writeFileSync(join(dir, 'pb.yaml'), 'respondent: {name: Pat Boss, group: management}\nself.coaching.one_to_one: weekly\n');
    writeFileSync(join(dir, 'sd.yaml'), 'respondent: {name: Sales Director, group: management}\nself.coaching.one_to_one: weekly\n');
    importAll(dir, ['anon.yaml', 'pb.yaml']);
    const r = cli(['interview', 'acme.yaml', '--answers', 'sd.yaml', '--date', DATE], { cwd: dir });
    expect(r.stderr).toContain("Sales Director's answers about themselves (self.) are recorded as Sales Director's, person 1 of the roster.");
    const org = parse(readFileSync(join(dir, 'acme.yaml'), 'utf8'));
    expect(org.responses[2].answers).toEqual({ 'people[name=Sales Director].coaching.one_to_one': 'weekly' });
    const j = JSON.parse(cli(['audit', 'acme.yaml', '--date', DATE, '--format', 'json'], { cwd: dir }).stdout);
    // Pat Boss (not in the roster) and the anonymous rep both answered about themselves: not compared, not pooled.
    expect(j.perception.gaps.map((g: { fact: string }) => g.fact).filter((f: string) => f.includes('one_to_one'))).toEqual([]);
  });

  it('item 7: a percentage with "%" is taken on import, as the questionnaire says', () => {
    const dir = setup();
    writeFileSync(join(dir, 'pct.yaml'), 'respondent: {name: AE 2, group: reps}\nself.selling_time_pct: 48%\nadmin.selling_time_pct: 35 %\n');
    importAll(dir, ['pct.yaml']);
    const org = parse(readFileSync(join(dir, 'acme.yaml'), 'utf8'));
    expect(org.responses[0].answers).toEqual({ 'people[name=AE 2].selling_time_pct': 48, 'admin.selling_time_pct': 35 });
    expect(cli(['questionnaire', '--for', 'reps']).stdout).toContain('(40 or 40%)');
  });
});

describe('anonymity', () => {
  const AUDIT = ['text', 'markdown', 'json', 'html', 'csv'];
  const LINT = ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown'];
  const outputs = (dir: string) => [
    ...AUDIT.map((f) => cli(['audit', 'acme.yaml', '--date', DATE, '--format', f, '--no-color'], { cwd: dir }).stdout),
    ...LINT.map((f) => cli(['lint', 'acme.yaml', '--date', DATE, '--format', f], { cwd: dir }).stdout),
  ];
  const rep = (a: string, n: number) =>
    `respondent: {group: reps, anonymous: true}\nplan.shared_with_reps: ${a}\nadmin.selling_time_pct: ${n}\nself.coaching.one_to_one: ${a === 'true' ? 'weekly' : 'monthly'}\n`;

  it("in every format, only the group's aggregate: which anonymous rep said what makes no difference to any output, and no name is stored", () => {
    // The same answers, given by the anonymous reps the other way round.
    const runs = [
      [rep('true', 13), rep('false', 47), rep('false', 71)],
      [rep('false', 71), rep('true', 13), rep('false', 47)],
    ].map((reps) => {
      const dir = setup();
      importAll(dir, ['ceo.yaml']);
      reps.forEach((text, i) => {
        writeFileSync(join(dir, `r${i}.yaml`), text);
        importAll(dir, [`r${i}.yaml`]);
      });
      const r = cli(['interview', 'acme.yaml', '--answers', 'r0.yaml', '--respondent', 'Zed Quill'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(readFileSync(join(dir, 'acme.yaml'), 'utf8')).not.toContain('Zed');
      return outputs(dir);
    });
    for (const [i, out] of runs[0]!.entries()) {
      expect(out.length, `format ${[...AUDIT, ...LINT][i]}`).toBeGreaterThan(0);
      expect(out.replaceAll(/sales-audit-respondents-\w+/g, 'DIR'), `format ${[...AUDIT, ...LINT][i]}`).toBe(runs[1]![i]!.replaceAll(/sales-audit-respondents-\w+/g, 'DIR'));
    }
    // The aggregate is there (text, markdown, json, html); the lowest and highest answers are not.
    for (const out of runs[0]!.slice(0, 4)) {
      expect(out).toMatch(/median 47 of 3 answers/);
      expect(out).not.toMatch(/13 to 71|\(13|71\)/);
    }
    expect(runs[0]![0]).toContain('sales reps: 2 of 3 said no');
  });
});

describe('verdict follow-up 4: an answer stored by roster position', () => {
  it('is refused by audit and lint with one line (file:line:col, the key to write), exit 2, the file untouched', () => {
    const dir = setup();
    const text = ORG.replace(/^people:\n/m, 'responses:\n  - group: management\n    answers:\n      people[3].coaching.one_to_one: weekly\npeople:\n');
    writeFileSync(join(dir, 'acme.yaml'), text);
    const name = (parse(text) as { people: { name: string }[] }).people[3]!.name;
    for (const cmd of ['audit', 'lint']) {
      const r = cli([cmd, 'acme.yaml', '--date', DATE], { cwd: dir });
      expect(r.code, cmd).toBe(2);
      expect(r.stderr.trim().split('\n'), cmd).toHaveLength(1);
      expect(r.stderr.trim(), cmd).toMatch(/acme\.yaml:\d+:7: responses\[0\]\.answers\.people\[3\]\.coaching\.one_to_one: an answer keyed by roster position goes to another person/);
      expect(r.stderr, cmd).toContain(`write people[name=${name}].coaching.one_to_one if it is about ${name}`);
      expect(r.stderr, cmd).not.toMatch(/at .*\.js/);
    }
    expect(readFileSync(join(dir, 'acme.yaml'), 'utf8')).toBe(text);
  });
});
