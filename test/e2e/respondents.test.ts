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
  'vp.yaml': 'respondent: {name: "Victor Lee, VP Sales", group: management}\nplan.shared_with_reps: true\npeople[3].coaching.one_to_one: weekly\npeople[4].coaching.one_to_one: weekly\nadmin.selling_time_pct: 45\n',
  'ae2.yaml': 'respondent: {name: AE 2, group: reps}\nplan.shared_with_reps: false\nself.coaching.one_to_one: monthly\nadmin.selling_time_pct: 30\n',
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
    importAll(dir, ['ceo.yaml', 'ae2.yaml', 'anon.yaml', 'vp.yaml']);
    const org = parse(readFileSync(join(dir, 'acme.yaml'), 'utf8'));
    // Four entries, each with its own answers; AE 2's self. answers are AE 2's (person 5 of the roster).
    expect(org.responses.map((r: { respondent?: string; group: string }) => [r.respondent ?? null, r.group])).toEqual([
      ['Jane Doe, CEO', 'leadership'],
      ['AE 2', 'reps'],
      [null, 'reps'],
      ['Victor Lee, VP Sales', 'management'],
    ]);
    expect(org.responses[1].answers).toEqual({ 'plan.shared_with_reps': false, 'people[4].coaching.one_to_one': 'monthly', 'admin.selling_time_pct': 30 });
    expect(org.responses[2]).toEqual({ group: 'reps', anonymous: true, on: DATE, answers: { 'plan.shared_with_reps': false, 'self.coaching.one_to_one': 'monthly', 'admin.selling_time_pct': 20 } });
    // The comments and the rest of the file are as they were.
    expect(readFileSync(join(dir, 'acme.yaml'), 'utf8').startsWith(ORG.trimEnd())).toBe(true);

    const text = cli(['audit', 'acme.yaml', '--date', DATE, '--no-color'], { cwd: dir, env: { COLUMNS: '200' } });
    expect(text.stdout).toContain('Where people disagree');
    expect(text.stdout).toContain('Respondents: leadership 1, sales management 1, sales reps 2 (1 anonymous)');
    expect(text.stdout).toMatch(/whether every rep has seen the sales plan \(plan\.shared_with_reps\)\n\s+leadership: yes\n\s+sales management: yes\n\s+sales reps: 2 of 2 said no\n\s+affects go-to-market-plan \(its result turns on it\)/);
    expect(text.stdout).toMatch(/how often each person has a one-to-one \(people\[\]\.coaching\.one_to_one\)\n\s+sales management: 2 of 2 said weekly\n\s+sales reps: 2 of 2 said monthly/);
    expect(text.stdout).toMatch(/sales reps: median 20 of 2 answers\n/);

    const json = JSON.parse(cli(['audit', 'acme.yaml', '--date', DATE, '--format', 'json'], { cwd: dir }).stdout);
    expect(json.perception.gaps.map((g: { fact: string; decisive: string[] }) => [g.fact, g.decisive])).toEqual([
      ['admin.selling_time_pct', expect.any(Array)],
      ['people[].coaching.one_to_one', expect.any(Array)],
      ['plan.shared_with_reps', ['go-to-market-plan']],
    ]);
    const finding = json.findings.find((f: { messageId: string; data: { fact?: string } }) => f.messageId === 'perceptionGap' && f.data.fact === 'plan.shared_with_reps');
    expect(finding.evidence[0].resolution).toBe('from sales reps: 2 of 2 said no; the best informed group');
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
      ['i.yaml', 'respondent: {group: management}\npeople[30].coaching.one_to_one: weekly\n', /^i\.yaml:2:1: people\[30\]\.coaching\.one_to_one: people\[30\] is not in acme\.yaml, which lists 10 items there/],
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

describe('anonymity', () => {
  const AUDIT = ['text', 'markdown', 'json', 'html', 'csv'];
  const LINT = ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown'];
  const outputs = (dir: string) => [
    ...AUDIT.map((f) => cli(['audit', 'acme.yaml', '--date', DATE, '--format', f, '--no-color'], { cwd: dir }).stdout),
    ...LINT.map((f) => cli(['lint', 'acme.yaml', '--date', DATE, '--format', f], { cwd: dir }).stdout),
  ];
  const rep = (a: string, n: number) => `respondent: {group: reps, anonymous: true}\nplan.shared_with_reps: ${a}\nadmin.selling_time_pct: ${n}\nself.coaching.one_to_one: ${a === 'true' ? 'weekly' : 'monthly'}\n`;

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
