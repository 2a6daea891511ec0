// SARIF: valid against the official 2.1.0 schema (ajv) and against GitHub's
// ingestion rules (the SARIF Multitool), every result at a line, fingerprints
// stable across runs and edits, waived findings as suppressions.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { cli, DATE, MULTITOOL, ROOT, SARIF_SCHEMA, scratch } from './helpers';
import { SARIF_MAX_RESULTS } from '../../src/report/lint';
import { artifactLocation } from '../../src/report/sarif';

interface Region {
  startLine: number;
  startColumn: number;
}
interface Loc {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: Region };
}
interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Loc[];
  relatedLocations?: (Loc & { id: number; message: { text: string } })[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; status: string; justification: string; location: Loc }[];
  properties: Record<string, unknown>;
}
interface Sarif {
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        rules: {
          id: string;
          name: string;
          shortDescription: { text: string };
          fullDescription: { text: string };
          help: { text: string; markdown: string };
          defaultConfiguration: { level: string };
          properties: { tags: string[] };
        }[];
      };
    };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { level: string; message: { text: string }; locations: Loc[] }[] }[];
    results: Result[];
  }[];
}

const sarifOf = (args: string[], cwd?: string) => {
  const r = cli(['lint', ...args, '--date', DATE, '--format', 'sarif'], cwd ? { cwd } : {});
  return { code: r.code, text: r.stdout, sarif: JSON.parse(r.stdout) as Sarif };
};

const EXAMPLES = readdirSync(join(ROOT, 'templates/examples'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const FIXTURE_ARGS = ['team.yaml', 'waived.yaml', 'expired.yaml', 'fatal.yaml', 'pass.yaml', 'invalid.yaml', '--strict'];

// Ajv for the schema's own dialect: the Multitool's copy of the official SARIF
// 2.1.0 schema declares JSON Schema 2020-12 (with "uri", "date-time", "uuid" formats).
let validate: ReturnType<Ajv2020['compile']>;
beforeAll(() => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  validate = ajv.compile(JSON.parse(readFileSync(SARIF_SCHEMA, 'utf8')));
});

/** Runs the Multitool's validator with the SARIF and GitHub rule sets; returns its error-level findings. */
function multitool(text: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'sales-audit-sarif-'));
  const file = join(dir, 'in.sarif');
  const out = join(dir, 'validation.sarif');
  writeFileSync(file, text);
  const r = spawnSync(MULTITOOL, ['validate', '--rule-kind', 'Sarif;Gh', file, '-o', out, '--log', 'ForceOverwrite'], {
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`Sarif.Multitool exited ${r.status}: ${r.stdout}${r.stderr}`);
  const log = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results?: { ruleId: string; level?: string; message: { arguments?: string[] } }[] }[] };
  // An omitted level means "warning" in SARIF.
  return (log.runs[0]!.results ?? []).filter((x) => x.level === 'error').map((x) => `${x.ruleId}: ${(x.message.arguments ?? []).join(' | ')}`);
}

describe('SARIF validity', () => {
  it("the example orgs: valid against the official schema and GitHub's ingestion rules, no errors", () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(3);
    const { text, sarif } = sarifOf(
      EXAMPLES.map((f) => `templates/examples/${f}`),
      ROOT,
    );
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(20);
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    expect(multitool(text)).toEqual([]);
  });

  it('fixtures with every kind of result (suppressed, expired waiver, strict, unreadable file): valid too', () => {
    const { text, sarif } = sarifOf(FIXTURE_ARGS);
    const kinds = new Set(sarif.runs[0]!.results.map((r) => r.properties.kind));
    expect([...kinds].sort()).toEqual(['expired-waiver', 'finding', 'not-assessed', 'suppressed']);
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    expect(multitool(text)).toEqual([]);
  });

  it('the checks can fail: a result without text or a line is caught by both', () => {
    const { sarif } = sarifOf(['team.yaml']);
    const broken = structuredClone(sarif);
    broken.runs[0]!.results[0]!.locations[0]!.physicalLocation.region!.startLine = 0;
    expect(validate(broken)).toBe(false);
    const noText = structuredClone(sarif) as unknown as { runs: { results: { message: unknown }[] }[] };
    noText.runs[0]!.results[0]!.message = { id: 'nope' };
    expect(multitool(JSON.stringify(noText)).some((e) => e.startsWith('GH'))).toBe(true);
  });
});

describe('SARIF content', () => {
  it('rules come from rule metadata, with the category as a tag; results point at their rule', () => {
    const { sarif } = sarifOf(FIXTURE_ARGS);
    const { driver } = sarif.runs[0]!.tool;
    expect(driver.name).toBe('sales-audit');
    // Every rule, the contradiction descriptor (`sales-audit explain contradiction`) and the expired-waiver one.
    expect(driver.rules).toHaveLength(rules.length + 2);
    expect(driver.rules.at(-2)!.id).toBe('contradiction');
    const selling = driver.rules.find((r) => r.id === 'selling-time')!;
    expect(selling.name).toBe('SellingTime');
    expect(selling.shortDescription.text).toBe('Reps spend their time selling.');
    expect(selling.fullDescription.text.length).toBeGreaterThan(40);
    expect(selling.help.text).toMatch(/What it checks: .*\n\nWhy it matters: .*\n\nHow to fix:\n- /s);
    expect(selling.help.text).toContain('failBelow = 35');
    expect(selling.help.markdown).toContain('`failBelow`');
    expect(selling.defaultConfiguration.level).toBe('error');
    expect(selling.properties.tags).toEqual(['enablement']);
    expect(driver.rules.find((r) => r.id === 'continuous-recruiting')!.defaultConfiguration.level).toBe('warning');
    expect(driver.rules.find((r) => r.id === 'deal-structure-review')!.defaultConfiguration.level).toBe('note');
    expect(driver.rules.at(-1)!.id).toBe('expired-waiver');
    for (const r of sarif.runs[0]!.results) expect(driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
  });

  it('every result has a relative URI, a line and a column', () => {
    const { sarif } = sarifOf([...EXAMPLES.map((f) => `templates/examples/${f}`), '--strict'], ROOT);
    const results = sarif.runs[0]!.results;
    expect(results.length).toBeGreaterThan(40);
    for (const r of results) {
      const loc = r.locations[0]!.physicalLocation;
      expect(loc.artifactLocation.uri).toMatch(/^templates\/examples\/[\w-]+\.(yaml|csv)$/);
      expect(loc.region!.startLine).toBeGreaterThanOrEqual(1);
      expect(loc.region!.startColumn).toBeGreaterThanOrEqual(1);
    }
    // Findings about roster rows point into the CSV.
    expect(results.some((r) => r.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('.csv'))).toBe(true);
  });

  it("a finding deep in a list points at its line: the third rep's attainment, with the actions as related", () => {
    const { sarif } = sarifOf(['team.yaml']);
    const r = sarif.runs[0]!.results.find((x) => x.ruleId === 'manage-not-pay-cut')!;
    expect(r.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'test/fixtures/lint/team.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 19, startColumn: 5 } });
    expect(r.properties.factPath).toBe('people[2].attainment');
    expect(r.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: 'test/fixtures/lint/team.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 20, startColumn: 5 } },
        message: { text: 'Evidence: people[2].actions.' },
      },
    ]);
    expect(r.level).toBe('error');
  });

  it('waived findings are results with an accepted suppression carrying the reason; an expired waiver is an error result at its line', () => {
    const { sarif } = sarifOf(['waived.yaml', 'expired.yaml']);
    // Found by rule and file, not by place: a rule added since may have results of its own in these files.
    const { results } = sarif.runs[0]!;
    const inFile = (r: Result, name: string) => r.locations[0]!.physicalLocation.artifactLocation.uri.endsWith(`/${name}`);
    const waived = results.find((r) => r.ruleId === 'go-to-market-plan' && inFile(r, 'waived.yaml'));
    const expired = results.find((r) => r.ruleId === 'expired-waiver');
    expect(results.filter((r) => r.suppressions).map((r) => r.ruleId)).toEqual(['go-to-market-plan']);
    expect(waived!.suppressions).toEqual([
      {
        kind: 'inSource',
        status: 'accepted',
        justification: 'the plan is being rewritten with the new board (owner: CEO; waived until 2027-03-31)',
        location: { physicalLocation: { artifactLocation: { uri: 'test/fixtures/lint/waived.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 8, startColumn: 5 } } },
        properties: { owner: 'CEO', expires: '2027-03-31' },
      },
    ]);
    expect(expired!.ruleId).toBe('expired-waiver');
    expect(expired!.level).toBe('error');
    expect(expired!.suppressions).toBeUndefined();
    expect(expired!.locations[0]!.physicalLocation.region).toEqual({ startLine: 11, startColumn: 5 });
  });

  it('a file that cannot be read is a tool execution notification, and the run is marked unsuccessful', () => {
    const { sarif, code } = sarifOf(['invalid.yaml', 'team.yaml']);
    expect(code).toBe(2);
    const inv = sarif.runs[0]!.invocations[0]!;
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications).toEqual([
      {
        level: 'error',
        descriptor: { id: 'invalid-input' },
        message: { text: 'invalid YAML: the double quote that starts here is never closed.' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'test/fixtures/lint/invalid.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 9 } } }],
      },
    ]);
    expect(sarif.runs[0]!.results.length).toBe(3);
    expect(sarifOf(['team.yaml']).sarif.runs[0]!.invocations[0]!.executionSuccessful).toBe(true);
  });

  it('paths with spaces become percent-encoded relative URIs', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'my org.yaml'), readFileSync(join(dir, 'fatal.yaml')));
    const { sarif } = sarifOf(['my org.yaml'], dir);
    expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('my%20org.yaml');
  });
});

describe('SARIF fingerprints', () => {
  const prints = (s: Sarif) => s.runs[0]!.results.map((r) => r.partialFingerprints['salesAuditFinding/v1']!);

  it('are the same across runs, and unique within a run', () => {
    const args = EXAMPLES.map((f) => `templates/examples/${f}`);
    const a = sarifOf(args, ROOT);
    const b = sarifOf(args, ROOT);
    expect(b.text).toBe(a.text);
    const fp = prints(a.sarif);
    expect(fp.every((x) => /^[0-9a-f]{32}:\d+$/.test(x))).toBe(true);
    expect(new Set(fp).size).toBe(fp.length);
  });

  it('survive an edit that moves every line, and a change of the value itself', () => {
    const dir = scratch();
    const before = sarifOf(['team.yaml'], dir).sarif;
    const text = readFileSync(join(dir, 'team.yaml'), 'utf8');
    writeFileSync(join(dir, 'team.yaml'), `# a new comment\n# and another\n${text.replace('selling_time_pct: 40', 'selling_time_pct: 41')}`);
    const after = sarifOf(['team.yaml'], dir).sarif;
    expect(prints(after)).toEqual(prints(before));
    const lines = (s: Sarif) => s.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.region!.startLine);
    expect(lines(after)).toEqual(lines(before).map((l) => l + 2));
    expect(after.runs[0]!.results[0]!.message.text).toContain('41%');
  });

  it('differ between files and between findings', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'team2.yaml'), readFileSync(join(dir, 'team.yaml')));
    const fp = prints(sarifOf(['team.yaml', 'team2.yaml'], dir).sarif);
    expect(fp).toHaveLength(6);
    expect(new Set(fp).size).toBe(6);
  });
});

// Issue 12, faults 11 and 14: code scanning's limits.
describe('SARIF within what code scanning accepts', () => {
  it('`cd orgs && lint acme.yaml`: the URI is repository-relative, with %SRCROOT% declared in originalUriBaseIds', () => {
    const dir = scratch();
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'orgs'));
    writeFileSync(join(dir, 'orgs', 'acme.yaml'), readFileSync(join(dir, 'fatal.yaml')));
    const { sarif } = sarifOf(['acme.yaml'], join(dir, 'orgs'));
    const run = sarif.runs[0]! as unknown as { originalUriBaseIds: Record<string, unknown>; results: { locations: Loc[] }[] };
    expect(run.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'orgs/acme.yaml', uriBaseId: '%SRCROOT%' });
    expect(Object.keys(run.originalUriBaseIds)).toEqual(['%SRCROOT%']);
  });

  it('Windows paths become file:///C:/... URIs, never C%3A/...', () => {
    expect(artifactLocation('C:\\work\\orgs\\acme.yaml')).toEqual({ uri: 'file:///C:/work/orgs/acme.yaml' });
    expect(artifactLocation('orgs\\my org.yaml', { cwd: 'D:\\repo', repoRoot: 'D:\\repo' })).toEqual({ uri: 'orgs/my%20org.yaml', uriBaseId: '%SRCROOT%' });
    expect(artifactLocation('..\\other\\x.yaml', { cwd: 'D:\\repo\\orgs', repoRoot: 'D:\\repo\\orgs' })).toEqual({ uri: 'file:///D:/repo/other/x.yaml' });
    expect(artifactLocation('/srv/ci/x.yaml', { cwd: '/srv/repo', repoRoot: '/srv/repo' })).toEqual({ uri: 'file:///srv/ci/x.yaml' });
  });

  it(`over ${SARIF_MAX_RESULTS} results: the most severe are kept, with a note in the run and a warning`, () => {
    // A roster of 8,400 reps below every threshold: three findings each (their coaching, one finding per
    // person since issue 17; their selling time; an executive title on a selling job), and one critical finding (25,201).
    const dir = scratch();
    const rows = ['name,title,is_rep,attainment,selling_time_pct,coaching.plan,coaching.one_to_one,coaching.hours_per_month,direct_reports,hiring_authority'];
    for (let i = 1; i <= 8400; i++) rows.push(`AE ${i},VP Sales,true,30;30;30,10,none,none,0,0,false`);
    writeFileSync(join(dir, 'reps.csv'), `${rows.join('\n')}\n`);
    writeFileSync(join(dir, 'big.yaml'), 'version: 1\ncompany: { name: Big }\nplan: { documented: false }\npeople_csv: reps.csv\n');
    // Per person: summarised, the same roster gives a few dozen results (test/engine/summarise.test.ts).
    const r = cli(['lint', 'big.yaml', '--format', 'sarif', '-o', 'big.sarif', '--date', DATE, '--per-person'], { cwd: dir });
    const sarif = JSON.parse(readFileSync(join(dir, 'big.sarif'), 'utf8')) as {
      runs: {
        results: { level: string; properties: { severity?: string } }[];
        invocations: { toolExecutionNotifications?: { level: string; message: { text: string } }[] }[];
        properties: { resultsCapped?: { total: number; kept: number } };
      }[];
    };
    const run = sarif.runs[0]!;
    const total = run.properties.resultsCapped!.total;
    expect(total).toBeGreaterThan(SARIF_MAX_RESULTS);
    expect(run.results).toHaveLength(SARIF_MAX_RESULTS);
    // Most severe first: the critical finding is kept, and nothing kept ranks below anything left out.
    expect(run.results.some((x) => x.properties.severity === 'critical')).toBe(true);
    const order = ['critical', 'high', 'medium', 'low'];
    const worstKept = Math.max(...run.results.map((x) => order.indexOf(x.properties.severity ?? 'critical')));
    cli(['lint', 'big.yaml', '--format', 'json', '-o', 'big.json', '--date', DATE, '--per-person'], { cwd: dir });
    const all = JSON.parse(readFileSync(join(dir, 'big.json'), 'utf8')) as { files: { problems: { severity?: string }[] }[] };
    const counts = (list: { severity?: string }[]) => order.map((s) => list.filter((x) => (x.severity ?? 'critical') === s).length);
    const allCounts = counts(all.files[0]!.problems);
    const keptCounts = counts(run.results.map((x) => x.properties));
    for (let i = 0; i < worstKept; i++) expect(keptCounts[i]).toBe(allCounts[i]);
    // Counts with thousands separators, as in every other place a count is read.
    const t = (n: number) => n.toLocaleString('en-US');
    expect(run.invocations[0]!.toolExecutionNotifications![0]!.message.text).toMatch(
      new RegExp(`^${t(total - SARIF_MAX_RESULTS)} of ${t(total)} results were left out: code scanning accepts at most ${t(SARIF_MAX_RESULTS)} results`),
    );
    expect(r.stderr).toContain(`warning: the SARIF output holds the ${t(SARIF_MAX_RESULTS)} most severe of ${t(total)} results`);
  }, 60_000);
});
