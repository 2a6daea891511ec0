// Plugins (.sales-audit.yaml `plugins:`), through the built CLI: the example
// plugin in examples/plugins gets what a built-in rule gets (rules, explain,
// score and checklist in every format, SARIF and JUnit, waivers, options in the config
// and in `schema --config`, custom facts validated and asked by the interview);
// a plugin that cannot be used is one line and exit 2; one that throws in its
// check is an error result for that rule while the rest of the audit stands;
// a run without plugins loads no plugin code.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, bundleFiles, cli, DATE, loadedChunks, ROOT } from '../e2e/run';
import { Terminal } from '../interview/tmux';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import { AUDIT_FORMATS } from '../../src/report/index';
import { LINT_FORMATS } from '../../src/report/lint';

const EXAMPLE = `${ROOT}examples/plugins`;
const scratch = mkdtempSync(join(tmpdir(), 'sales-audit-plugins-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder with a config naming `plugins` and the given files, and the example org. */
function folder(name: string, config: string, files: Record<string, string> = {}): string {
  const dir = join(scratch, name);
  cpSync(EXAMPLE, dir, { recursive: true });
  writeFileSync(join(dir, '.sales-audit.yaml'), config);
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
}

describe('the example plugin (examples/plugins)', () => {
  it("is audited like a built-in rule: scored with the config's option, its finding and fix in the report", () => {
    const r = cli(['audit', 'acme.yaml', '--format', 'json', '--date', DATE], { cwd: EXAMPLE });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as {
      rules: { id: string; status: string; score: number }[];
      findings: { ruleId: string; message: string; thresholds: { name: string; value: number }[] }[];
      checklist: { ruleId: string; action: string }[];
    };
    expect(report.rules.map((x) => x.id).at(-1)).toBe('forecast-tracked');
    expect(report.rules.find((x) => x.id === 'forecast-tracked')).toMatchObject({ status: 'partial', score: 0.871 });
    const finding = report.findings.find((f) => f.ruleId === 'forecast-tracked')!;
    expect(finding.message).toBe('The forecast came within 74% of what closed; under 85% the company cannot plan on it.');
    expect(finding.thresholds).toMatchObject([{ name: 'minAccuracyPct', value: 85 }]);
    expect(report.checklist.filter((c) => c.ruleId === 'forecast-tracked').map((c) => c.action)).toEqual([
      'Compare each start-of-quarter forecast with what closed, and correct the stage probabilities until it comes within 85%.',
    ]);
  });

  it('is listed by rules and explained by explain, in the folder or with --config', () => {
    const list = JSON.parse(cli(['rules', '--format', 'json'], { cwd: EXAMPLE }).stdout) as { id: string }[];
    expect(list.map((x) => x.id).at(-1)).toBe('forecast-tracked');
    expect((JSON.parse(cli(['rules', '--format', 'json']).stdout) as unknown[]).length).toBe(list.length - 1);
    expect((JSON.parse(cli(['rules', '--format', 'json', '--config', 'examples/plugins/.sales-audit.yaml']).stdout) as unknown[]).length).toBe(list.length);
    const ex = cli(['explain', 'forecast-tracked'], { cwd: EXAMPLE });
    expect(ex.code).toBe(0);
    expect(ex.stdout).toContain('forecast-tracked: The forecast is checked against what closed');
    expect(ex.stdout).toContain('minAccuracyPct = 80');
    const elsewhere = cli(['explain', 'forecast-tracked']);
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toMatch(/^sales-audit: unknown rule "forecast-tracked"/);
  });

  it('has rule metadata in SARIF and its results point at the fact', () => {
    const r = cli(['lint', 'acme.yaml', '--format', 'sarif', '--date', DATE], { cwd: EXAMPLE });
    const sarif = JSON.parse(r.stdout) as {
      runs: {
        tool: { driver: { rules: { id: string; shortDescription?: { text: string }; helpUri?: string }[] } };
        results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[];
      }[];
    };
    const meta = sarif.runs[0]!.tool.driver.rules.find((x) => x.id === 'forecast-tracked');
    expect(meta?.shortDescription?.text).toBe('The forecast is checked against what closed, and is close enough to plan on.');
    const results = sarif.runs[0]!.results.filter((x) => x.ruleId === 'forecast-tracked');
    expect(results.map((x) => x.locations[0]!.physicalLocation.region.startLine)).toEqual([73]);
  });

  it('can be waived in the org file, and its waiver of an unknown id is still refused', () => {
    const dir = folder('waived', 'plugins: [./rules/forecast-tracked.js]\n');
    const org = join(dir, 'acme.yaml');
    const text = readFileSync(org, 'utf8');
    writeFileSync(org, text.replace(/^waivers:\n/m, 'waivers:\n  - rule: forecast-tracked\n    reason: the new CRM reports accuracy from Q1\n    owner: Sales Director\n    expires: 2027-03-31\n'));
    const r = cli(['audit', 'acme.yaml', '--format', 'json', '--date', DATE], { cwd: dir });
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { rules: { id: string; status: string }[] }).rules.find((x) => x.id === 'forecast-tracked')!.status).toBe('waived');
    // Without the plugin the same waiver names a rule that does not exist.
    writeFileSync(join(dir, '.sales-audit.yaml'), 'root: true\n');
    const without = cli(['audit', 'acme.yaml', '--date', DATE], { cwd: dir });
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/^acme\.yaml:\d+:\d+: waivers\[\d\]\.rule: unknown rule "forecast-tracked"/);
  });
});

describe('every place that lists rules lists the plugin rule', () => {
  // The plugin's own words (the built-in sales-process rule words its forecast finding otherwise), with line wraps undone.
  const FINDING = 'The forecast came within 74% of what closed; under 85% the company cannot plan on it.';
  const words = (s: string) => s.replace(/%25/g, '%').replace(/\s+/g, ' ');
  const STEP = 'Compare each start-of-quarter'; // the text report's checklist is a table: its first line in the cell

  it('every audit format: its finding (or, in CSV, its checklist item), and its checklist item where the format has a checklist', () => {
    // pdf is the html printed by a browser (test/report/pdf.test.ts): the html stands for it here.
    for (const format of AUDIT_FORMATS.filter((f) => f !== 'pdf')) {
      const r = cli(['audit', 'acme.yaml', '--format', format, '--date', DATE], { cwd: EXAMPLE });
      expect(r.stderr, format).toBe('');
      expect(r.code, format).toBe(0);
      expect(r.stdout, format).toContain('forecast-tracked');
      if (format !== 'csv') expect(words(r.stdout), format).toContain(FINDING);
      expect(words(r.stdout), format).toContain(STEP);
    }
  });

  it('every lint format: its finding, under its id', () => {
    for (const format of LINT_FORMATS) {
      const r = cli(['lint', 'acme.yaml', '--format', format, '--date', DATE], { cwd: EXAMPLE });
      expect(r.stderr, format).toBe('');
      expect(r.code, format).toBe(0);
      // GitHub annotations escape `%` as %25.
      expect(r.stdout, format).toContain('forecast-tracked');
      expect(words(r.stdout), format).toContain(FINDING);
    }
    const junit = cli(['lint', 'acme.yaml', '--format', 'junit', '--date', DATE], { cwd: EXAMPLE }).stdout;
    expect(junit).toContain('<testcase name="forecast-tracked: The forecast is checked against what closed, and is close enough to plan on" classname="acme.yaml" file="acme.yaml" line="73">');
  });

  it("schema --config has the plugin rule's options (in the config's folder, or given), so an editor checks them", () => {
    type ConfigSchema = {
      properties: { rules: { properties: Record<string, { properties: { options: { properties: Record<string, { minimum?: number; maximum?: number; default?: number }> } } }> } };
    };
    const here = JSON.parse(cli(['schema', '--config'], { cwd: EXAMPLE }).stdout) as ConfigSchema;
    const given = cli(['schema', '--config', 'examples/plugins/.sales-audit.yaml']);
    expect(given.code).toBe(0);
    expect(JSON.parse(given.stdout)).toEqual(here);
    expect(here.properties.rules.properties['forecast-tracked']!.properties.options.properties.minAccuracyPct).toMatchObject({ default: 80, minimum: 0, maximum: 100 });
    // Without a config naming it, the rule is not there.
    expect(Object.keys((JSON.parse(cli(['schema', '--config']).stdout) as ConfigSchema).properties.rules.properties)).not.toContain('forecast-tracked');
    // The example's config passes; the same with a threshold out of range fails at that option.
    const validate = new Ajv2020({ strict: false }).compile(here);
    expect(validate(parse(readFileSync(join(EXAMPLE, '.sales-audit.yaml'), 'utf8')))).toBe(true);
    expect(validate({ plugins: ['./rules/forecast-tracked.js'], rules: { 'forecast-tracked': { options: { minAccuracyPct: 150 } } } })).toBe(false);
    expect(validate.errors![0]).toMatchObject({ instancePath: '/rules/forecast-tracked/options/minAccuracyPct', keyword: 'maximum' });
    // A config that cannot be used is one line, exit 2.
    const bad = cli(['schema', '--config', 'nope.yaml']);
    expect(bad.stderr).toBe('nope.yaml: no such file; expected a YAML config file (.sales-audit.yaml)\n');
    expect(bad.code).toBe(2);
  });
});

describe('waivers in the config', () => {
  it("a config's own waivers may name it too", () => {
    const config = `${readFileSync(join(EXAMPLE, '.sales-audit.yaml'), 'utf8')}waivers:\n  - { rule: forecast-tracked, reason: the new CRM reports accuracy from Q1, owner: CFO, expires: 2027-03-31 }\n`;
    const r = cli(['audit', 'acme.yaml', '--format', 'json', '--date', DATE], { cwd: folder('config-waiver', config) });
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { rules: { id: string; status: string }[] }).rules.find((x) => x.id === 'forecast-tracked')!.status).toBe('waived');
  });
});

describe("custom facts (custom.<rule id>, checked by the plugin rule's own schema)", () => {
  const withCustom = (name: string, custom: string) => {
    const dir = folder(name, 'plugins: [./rules/forecast-tracked.js]\n');
    writeFileSync(join(dir, 'acme.yaml'), `${readFileSync(join(dir, 'acme.yaml'), 'utf8')}custom:\n${custom}`);
    return dir;
  };
  const line = () => readFileSync(join(EXAMPLE, 'acme.yaml'), 'utf8').split('\n').length + 2;

  it('a custom fact the rule reads is judged, with its place as evidence', () => {
    const dir = withCustom('custom-false', '  forecast-tracked:\n    compared_with_closed: false\n');
    const r = cli(['audit', 'acme.yaml', '--format', 'json', '--date', DATE], { cwd: dir });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { rules: { id: string; status: string }[]; findings: { ruleId: string; message: string; evidence: { path: string; line: number }[] }[] };
    expect(report.rules.find((x) => x.id === 'forecast-tracked')!.status).toBe('fail');
    expect(report.findings.filter((f) => f.ruleId === 'forecast-tracked').map((f) => [f.message, f.evidence[0]!.path, f.evidence[0]!.line])).toEqual([
      ['Nobody compares the forecast with what closed, so nobody knows how far off it is.', 'custom.forecast-tracked.compared_with_closed', line()],
    ]);
  });

  it("evidence citing a custom fact reads in the words of the plugin's fact(): its label, else its question, in every client format", () => {
    const PATH = 'custom.forecast-tracked.compared_with_closed';
    const LABEL = 'whether anyone compares the forecast with what closed';
    const QUESTION = 'the answer to "Does anyone compare each start-of-quarter forecast with what actually closed?"';
    const labelled = withCustom('custom-words', '  forecast-tracked:\n    compared_with_closed: false\n');
    // The same plugin without its label: the words come from its question.
    const unlabelled = withCustom('custom-words-question', '  forecast-tracked:\n    compared_with_closed: false\n');
    const plugin = join(unlabelled, 'rules/forecast-tracked.js');
    const source = readFileSync(plugin, 'utf8');
    expect(source).toContain(`label: '${LABEL}',`);
    writeFileSync(plugin, source.replace(/\n *label: '[^']*',/, ''));
    for (const [dir, words] of [
      [labelled, LABEL],
      [unlabelled, QUESTION],
    ] as const) {
      const json = JSON.parse(cli(['audit', 'acme.yaml', '--format', 'json', '--date', DATE], { cwd: dir }).stdout) as { labels: Record<string, string> };
      expect(json.labels[PATH]).toBe(words);
      const text = cli(['audit', 'acme.yaml', '--date', DATE], { cwd: dir }).stdout.replace(/\s+/g, ' ');
      expect(text).toContain(`${words} (${PATH})`);
      expect(cli(['audit', 'acme.yaml', '--format', 'markdown', '--date', DATE], { cwd: dir }).stdout).toContain(`  - evidence: ${words} (\`${PATH}\`) at \`acme.yaml:${line()}:5\``);
      const html = cli(['audit', 'acme.yaml', '--format', 'html', '--date', DATE], { cwd: dir }).stdout;
      expect(html).toContain(`<span class="fact" dir="auto">${words.replace(/"/g, '&quot;')}</span> <code class="path">${PATH}</code>`);
      // lint's Markdown holds each file's report; the machine formats (SARIF, JUnit, GitHub, stylish, JSON evidence) keep the path.
      expect(cli(['lint', 'acme.yaml', '--format', 'markdown', '--date', DATE], { cwd: dir }).stdout).toContain(`evidence: ${words} (\`${PATH}\`)`);
    }
  });

  it('a bad custom fact is one line with its file:line:col, exit 2, for audit and lint', () => {
    const dir = withCustom('custom-bad', '  forecast-tracked:\n    compared_with_closed: yes\n');
    for (const cmd of ['audit', 'lint']) {
      const r = cli([cmd, 'acme.yaml', '--date', DATE], { cwd: dir });
      expect(r.stderr, cmd).toBe(`acme.yaml:${line()}:27: custom.forecast-tracked.compared_with_closed: expected true or false, got "yes"\n`);
      expect(r.code, cmd).toBe(2);
    }
  });

  it('an unknown key, and facts under an id no plugin rule declares, are refused at their place', () => {
    const typo = cli(['audit', 'acme.yaml', '--date', DATE], { cwd: withCustom('custom-typo', '  forecast-tracked:\n    compared_with_close: true\n') });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(new RegExp(`^acme\\.yaml:${line()}:5: custom\\.forecast-tracked\\.compared_with_close: unknown key "compared_with_close".*compared_with_closed`));
    const stray = cli(['audit', 'acme.yaml', '--date', DATE], { cwd: withCustom('custom-stray', '  forcast-tracked:\n    compared_with_closed: true\n') });
    expect(stray.stderr).toBe(`acme.yaml:${line() - 1}:3: custom.forcast-tracked: no plugin rule declares facts under "forcast-tracked" (plugins in the config: forecast-tracked)\n`);
    expect(stray.code).toBe(2);
  });
});

describe("questionnaire --for and a plugin rule's custom facts", () => {
  const KEY = 'custom.forecast-tracked.compared_with_closed:';
  const QUESTION = '# Does anyone compare each start-of-quarter forecast with what actually closed?';
  const asks = (dir: string, group: string, extra: string[] = []) => {
    const r = cli(['questionnaire', '--for', group, ...extra], { cwd: dir });
    expect(r.stderr, group).toBe('');
    expect(r.code, group).toBe(0);
    return r.stdout.includes(`${QUESTION}\n# In a pipeline review or a board pack, every quarter.\n# Answer true or false.\n${KEY}\n`);
  };

  it('by default, the groups of the section it is asked in (process: management, operations, reps) get it; the others do not', () => {
    expect(Object.fromEntries(['leadership', 'management', 'reps', 'operations', 'finance'].map((g) => [g, asks(EXAMPLE, g)]))).toEqual({
      leadership: false,
      management: true,
      reps: true,
      operations: true,
      finance: false,
    });
    // The config that applies to --org, or the one given: the same; without any plugin, no custom fact.
    expect(asks(ROOT, 'management', ['--org', 'examples/plugins/acme.yaml'])).toBe(true);
    expect(asks(ROOT, 'management', ['--config', 'examples/plugins/.sales-audit.yaml'])).toBe(true);
    expect(cli(['questionnaire', '--for', 'management']).stdout).not.toContain('custom.');
    // The HTML form asks it too.
    expect(cli(['questionnaire', '--for', 'management', '--format', 'html'], { cwd: EXAMPLE }).stdout).toContain('Does anyone compare each start-of-quarter forecast with what actually closed?');
  });

  it('fact(..., { askOf }) names the groups that answer it: only they get it, and the audit settles their answers in that order', () => {
    const dir = folder('ask-of', 'plugins: [./rules/forecast-tracked.js]\n');
    const plugin = join(dir, 'rules/forecast-tracked.js');
    writeFileSync(plugin, readFileSync(plugin, 'utf8').replace("help: 'In a pipeline review", "askOf: ['finance', 'leadership'],\n      help: 'In a pipeline review"));
    expect(['leadership', 'management', 'reps', 'operations', 'finance'].filter((g) => asks(dir, g))).toEqual(['leadership', 'finance']);
    // A returned answers file is imported, and finance, the best informed, decides against leadership.
    for (const [who, group, value] of [
      ['Fran Kim', 'finance', 'false'],
      ['Lee Park', 'leadership', 'true'],
    ] as const) {
      writeFileSync(join(dir, `${group}.yaml`), `respondent: { name: ${who}, group: ${group} }\n${KEY} ${value}\n`);
      const r = cli(['interview', 'acme.yaml', '--answers', `${group}.yaml`, '--date', DATE], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
    }
    const report = JSON.parse(cli(['audit', 'acme.yaml', '--format', 'json', '--date', DATE], { cwd: dir }).stdout) as { findings: { ruleId: string; evidence: { resolution?: string }[] }[] };
    expect(report.findings.find((f) => f.ruleId === 'forecast-tracked')!.evidence[0]!.resolution).toBe('from finance: no; the best informed group');
  });

  it('an askOf that names no respondent group stops the run: one line, exit 2', () => {
    const dir = folder('ask-of-bad', 'plugins: [./rules/forecast-tracked.js]\n');
    const plugin = join(dir, 'rules/forecast-tracked.js');
    writeFileSync(plugin, readFileSync(plugin, 'utf8').replace("help: 'In a pipeline review", "askOf: ['sales'],\n      help: 'In a pipeline review"));
    for (const args of [
      ['questionnaire', '--for', 'reps'],
      ['audit', 'acme.yaml', '--date', DATE],
    ]) {
      const r = cli(args, { cwd: dir });
      expect(r.stderr, args[0]).toBe(
        '.sales-audit.yaml:1:11: plugins[0]: the plugin ./rules/forecast-tracked.js does not export a rule: custom.forecast-tracked.compared_with_closed: expected askOf, a list of respondent groups, best informed first: leadership, management, reps, operations, finance\n',
      );
      expect(r.code, args[0]).toBe(2);
    }
  });
});

describe('a plugin that cannot be used, or that throws', () => {
  const cases: [string, string, Record<string, string>, string][] = [
    ['a missing file', 'plugins:\n  - ./rules/nope.js\n', {}, '.sales-audit.yaml:2:5: plugins[0]: could not load the plugin ./rules/nope.js: no such file\n'],
    ['a syntax error', 'plugins:\n  - ./broken.js\n', { 'broken.js': 'export default {\n' }, '.sales-audit.yaml:2:5: plugins[0]: could not load the plugin ./broken.js: Unexpected end of input\n'],
    [
      'no default export',
      'plugins: [./none.js]\n',
      { 'none.js': 'export const rule = 1;\n' },
      '.sales-audit.yaml:1:11: plugins[0]: the plugin ./none.js has no default export; expected `export default defineRule({...})` or a list of rules\n',
    ],
    [
      'not a rule',
      'plugins: [./half.js]\n',
      { 'half.js': "export default { id: 'half-rule', title: 'Half' };\n" },
      '.sales-audit.yaml:1:11: plugins[0]: the plugin ./half.js does not export a rule: half-rule: expected a source\n',
    ],
    [
      'a built-in id',
      'plugins: [./dup.js]\n',
      { 'dup.js': "import r from './rules/forecast-tracked.js';\nexport default { ...r, id: 'selling-time' };\n" },
      '.sales-audit.yaml:1:11: plugins[0]: the plugin ./dup.js defines the rule "selling-time", which is a built-in rule; give it an id of its own\n',
    ],
    ['a package name', 'plugins: [left-pad]\n', {}, '.sales-audit.yaml:1:11: plugins[0]: expected a path relative to the config (./rules/our-rule.js), got "left-pad"\n'],
    [
      "a plugin rule's option out of range",
      'plugins: [./rules/forecast-tracked.js]\nrules:\n  forecast-tracked:\n    options:\n      minAccuracyPct: 150\n',
      {},
      '.sales-audit.yaml:5:23: rules.forecast-tracked.options.minAccuracyPct: expected a number at most 100, got 150\n',
    ],
  ];
  for (const [what, config, files, stderr] of cases)
    it(`${what}: one line, exit 2, for audit, lint, rules and schema --config`, () => {
      const dir = folder(what.replace(/\W+/g, '-'), config, files);
      for (const args of [['audit', 'acme.yaml', '--date', DATE], ['lint', 'acme.yaml', '--date', DATE], ['rules'], ['schema', '--config']]) {
        const r = cli(args, { cwd: dir });
        expect(r.stderr, args.join(' ')).toBe(stderr);
        expect(r.code, args.join(' ')).toBe(2);
      }
    });

  it('a check that throws is an error result for that rule; the rest of the audit stands', () => {
    const dir = folder('throws', 'plugins: [./throws.js]\n', {
      'throws.js': "import r from './rules/forecast-tracked.js';\nexport default [{ ...r, id: 'throws-rule', check() { throw new Error('no CRM export yet'); } }];\n",
    });
    const r = cli(['audit', 'acme.yaml', '--format', 'json', '--date', DATE], { cwd: dir });
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as { summary: { score: number }; rules: { id: string; status: string; error?: string }[] };
    expect(report.rules.find((x) => x.id === 'throws-rule')).toMatchObject({ status: 'error', error: 'no CRM export yet' });
    // Every other rule's result is what it is without the plugin; the rule in error earns nothing and stays in play.
    const plainDir = folder('no-plugin', 'root: true\n');
    const plain = JSON.parse(cli(['audit', 'acme.yaml', '--format', 'json', '--date', DATE], { cwd: plainDir }).stdout) as typeof report;
    expect(report.rules.filter((x) => x.id !== 'throws-rule')).toEqual(plain.rules);
    expect(report.summary.score).toBeLessThan(plain.summary.score);
  });
});

describe("the interview asks a plugin rule's custom facts", () => {
  const FACT = 'custom.forecast-tracked.compared_with_closed';
  const original = () => readFileSync(join(EXAMPLE, 'acme.yaml'), 'utf8');
  const appended = (value: string) => `${original()}\ncustom:\n  forecast-tracked:\n    compared_with_closed: ${value}\n`;

  it('an answers file answers one: written under custom.<rule id>, the rest of the file kept, and the report judges it', () => {
    const dir = folder('interview-answers', readFileSync(join(EXAMPLE, '.sales-audit.yaml'), 'utf8'), { 'answers.yaml': `${FACT}: false\n` });
    const r = cli(['interview', 'acme.yaml', '--answers', 'answers.yaml', '--date', DATE], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^sales-audit: Saved in acme\.yaml: 1 answered, 0 don't know, \d+ skipped for now\.$/m);
    expect(r.stderr).not.toContain('not asked');
    expect(readFileSync(join(dir, 'acme.yaml'), 'utf8')).toBe(appended('false'));
    expect(r.stdout).toContain('Nobody compares the forecast with what closed, so nobody knows how far off');
  });

  it("an answer the plugin's schema refuses is one line with its place, exit 2, and the file is untouched", () => {
    const dir = folder('interview-bad-answer', readFileSync(join(EXAMPLE, '.sales-audit.yaml'), 'utf8'), { 'answers.yaml': `${FACT}: yes\n` });
    const r = cli(['interview', 'acme.yaml', '--answers', 'answers.yaml', '--date', DATE], { cwd: dir });
    expect(r.stderr).toBe(`answers.yaml:1:1: ${FACT}: expected true or false, got "yes"\n`);
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'acme.yaml'), 'utf8')).toBe(original());
  });

  it('an invalid custom fact in the org file is asked again and fixed in place', () => {
    const dir = folder('interview-repair', readFileSync(join(EXAMPLE, '.sales-audit.yaml'), 'utf8'), { 'acme.yaml': appended('maybe'), 'answers.yaml': `${FACT}: true\n` });
    const r = cli(['interview', 'acme.yaml', '--answers', 'answers.yaml', '--date', DATE], { cwd: dir });
    expect(r.stderr).toContain('sales-audit: Fixed 1 fact in acme.yaml; the rest of the file is as it was.');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'acme.yaml'), 'utf8')).toBe(appended('true'));
    // Without an answer for it the file is refused, as audit refuses it.
    writeFileSync(join(dir, 'acme.yaml'), appended('maybe'));
    writeFileSync(join(dir, 'answers.yaml'), '{}\n');
    const refused = cli(['interview', 'acme.yaml', '--answers', 'answers.yaml', '--date', DATE], { cwd: dir });
    expect(refused.stderr.split('\n')[0]).toBe(`acme.yaml:${original().split('\n').length + 3}:27: ${FACT}: expected true or false, got "maybe"`);
    expect(refused.code).toBe(2);
  });

  it('a plugin that cannot be used stops the interview before any question: one line, exit 2', () => {
    const dir = folder('interview-broken', 'plugins: [./rules/nope.js]\n', { 'answers.yaml': `${FACT}: false\n` });
    const r = cli(['interview', 'acme.yaml', '--answers', 'answers.yaml', '--date', DATE], { cwd: dir });
    expect(r.stderr).toBe('.sales-audit.yaml:1:11: plugins[0]: could not load the plugin ./rules/nope.js: no such file\n');
    expect(r.code).toBe(2);
    expect(readFileSync(join(dir, 'acme.yaml'), 'utf8')).toBe(original());
  });

  it('in a terminal: asked with its question and help, in the process section, why we ask naming the plugin rule', async () => {
    // The process section's other open facts (the stages' exit kinds; the first is given) answered "don't know" first, so the custom fact comes first.
    const stages = [0, 1, 2, 3, 4].map((i) => `process.stages[${i}].exit_kind: unknown\n`).join('');
    const dir = folder('interview-terminal', readFileSync(join(EXAMPLE, '.sales-audit.yaml'), 'utf8'), { 'answers.yaml': stages });
    expect(cli(['interview', 'acme.yaml', '--answers', 'answers.yaml', '--section', 'process', '--date', DATE], { cwd: dir }).code).toBe(0);
    const term = new Terminal(`node ${BIN} interview acme.yaml --section process --date ${DATE}`, dir);
    try {
      const s = await term.waitFor(/Does anyone compare each start-of-quarter forecast with what actually closed\?/);
      expect(s).toContain('In a pipeline review or a board pack, every quarter.');
      expect(s).toMatch(/Process 1\/1 · question 1 of 1 · why we ask: rule forecast-tracked \(The forecast is checked against what closed/);
      await term.answer(['Down', 'Enter'], /Save this report as HTML/);
      await term.answer(['=n', 'Enter'], /Save this report as Markdown/);
      await term.answer(['Enter'], /EXIT=0/);
    } finally {
      term.close();
    }
    expect(readFileSync(join(dir, 'acme.yaml'), 'utf8')).toMatch(/\ncustom:\n {2}forecast-tracked:\n {4}compared_with_closed: false\n$/);
  });
});

describe('without plugins', () => {
  it('a run loads no plugin code: the plugin loader sits in a chunk the plain audit and lint never read', () => {
    const holders = [...bundleFiles()].filter(([, src]) => src.includes('has no default export; expected')).map(([f]) => f);
    expect(holders).toHaveLength(1);
    for (const args of [
      ['audit', '--example', 'mid-size-gaps', '--format', 'json', '--date', DATE],
      ['lint', 'templates/examples/mid-size-gaps.yaml', '--date', DATE],
    ]) {
      const r = loadedChunks(args);
      expect(
        r.chunks.map((c) => c.file),
        args.join(' '),
      ).not.toContain(holders[0]);
    }
    const withPlugin = loadedChunks(['audit', 'acme.yaml', '--format', 'json', '--date', DATE], { cwd: EXAMPLE });
    expect(withPlugin.chunks.map((c) => c.file)).toContain(holders[0]);
  });

  it('an interview loads no plugin code either, nor the custom facts, unless its config names plugins', () => {
    const loader = [...bundleFiles()].filter(([, src]) => src.includes('has no default export; expected')).map(([f]) => f);
    // The chunk of src/interview/custom-facts.ts, by the name it exports (its section table moved to the model's respondents.ts, which the audit reads anyway).
    const custom = [...bundleFiles()].filter(([, src]) => src.includes('customFactsOf:()=>')).map(([f]) => f);
    expect([loader.length, custom.length]).toEqual([1, 1]);
    const plain = join(scratch, 'interview-plain');
    mkdirSync(plain);
    cpSync(`${ROOT}templates/examples/mid-size-gaps.yaml`, join(plain, 'org.yaml'));
    writeFileSync(join(plain, 'answers.yaml'), '{}\n');
    const args = ['interview', 'org.yaml', '--answers', 'answers.yaml', '--date', DATE];
    const without = loadedChunks(args, { cwd: plain });
    expect(without.code).toBe(0);
    expect(without.chunks.map((c) => c.file)).not.toContain(loader[0]);
    expect(without.chunks.map((c) => c.file)).not.toContain(custom[0]);
    const dir = folder('interview-chunks', readFileSync(join(EXAMPLE, '.sales-audit.yaml'), 'utf8'), { 'answers.yaml': '{}\n' });
    const withPlugin = loadedChunks(['interview', 'acme.yaml', '--answers', 'answers.yaml', '--date', DATE], { cwd: dir });
    expect(withPlugin.code).toBe(0);
    expect(withPlugin.chunks.map((c) => c.file)).toEqual(expect.arrayContaining([loader[0], custom[0]]));
  });
});
