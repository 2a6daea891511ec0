// The library API as a consumer gets it: the package packed as `npm pack`
// packs it, unpacked into a temporary project's node_modules (its dependencies
// linked from this checkout's), imported by name from an ES module and
// type-checked as a TypeScript consumer under Node's own module resolution
// (nodenext) and a bundler's. Needs the build (npm test builds first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATE, NODE, ROOT } from '../e2e/run';

const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string; dependencies: Record<string, string> };
let project: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'sales-audit-consumer-'));
  // --ignore-scripts: pack what the build left in dist/, without building again.
  const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', project], { cwd: ROOT, encoding: 'utf8' });
  expect(packed.status, packed.stderr).toBe(0);
  const tgz = join(project, packed.stdout.trim().split('\n').pop()!);
  const into = join(project, 'node_modules', 'sales-audit');
  mkdirSync(into, { recursive: true });
  const untar = spawnSync('tar', ['-xzf', tgz, '-C', into, '--strip-components=1'], { encoding: 'utf8' });
  expect(untar.status, untar.stderr).toBe(0);
  // The package's dependencies (and @types/node for the type check), as an install would put them beside it.
  for (const dep of [...Object.keys(pkg.dependencies), '@types/node']) {
    const at = join(project, 'node_modules', dep);
    mkdirSync(join(at, '..'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', dep), at, 'dir');
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
}, 60_000);
afterAll(() => rmSync(project, { recursive: true, force: true }));

const CONSUMER_TS = `import { loadOrg, audit, render, rules, defineRule, InputError, type AuditReport, type RuleDefinition } from 'sales-audit';

// A rule of the consultancy's own, made with defineRule: message and step ids are typed.
const forecastTracked = defineRule({
  id: 'forecast-tracked',
  title: 'Forecast accuracy is tracked',
  source: 'Our methodology, 2026',
  category: 'process',
  severity: 'medium',
  reads: ['process.forecast_accuracy_pct'],
  docs: { description: 'The team measures how close its forecast comes.', rationale: 'What is not measured is not managed.' },
  messages: { untracked: 'Forecast accuracy is not measured.' },
  steps: { track: { action: 'Measure forecast accuracy every quarter.', owner: 'Sales manager', effort: 'low' } },
  check: (ctx) => (ctx.org.process?.forecast_accuracy_pct === undefined ? { notAssessed: ['process.forecast_accuracy_pct'] } : { score: 1 }),
});
const all: readonly RuleDefinition[] = [...rules, forecastTracked as unknown as RuleDefinition];

export async function run(file: string): Promise<string> {
  try {
    const org = await loadOrg(file);
    const report: AuditReport = audit(org, { date: '${DATE}', rules: all });
    const score: number | null = report.summary.score;
    const grade: 'A' | 'B' | 'C' | 'D' | 'F' | null = report.summary.grade;
    return \`\${score} \${grade} \${(await render(report, 'markdown')).length}\`;
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics.map((d) => \`\${d.file}:\${d.line}: \${d.message}\`).join('\\n');
    throw e;
  }
}
`;

/**
 * Type-checks files in a consumer project (one tsc run per resolution mode: tsc
 * is the slow part). Our declarations are checked too (skipLibCheck off).
 */
function typeCheck(moduleResolution: 'nodenext' | 'bundler', files: Record<string, string>) {
  const dir = join(project, moduleResolution);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: moduleResolution === 'nodenext' ? 'nodenext' : 'esnext',
        moduleResolution,
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        types: ['node'],
        typeRoots: [join(project, 'node_modules', '@types')],
      },
      files: Object.keys(files),
    }),
  );
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], { cwd: dir, encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`;
}

describe('the library API, installed from the packed package', () => {
  it("type-checks a TypeScript consumer and the README's example under Node resolution (nodenext) and a bundler's; a type error in a consumer is caught", () => {
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    const example = /## Library API\n[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toContain("from 'sales-audit'");
    // The declarations carry real types, not any: a wrong use is an error, and the only one.
    const wrong = `import { audit } from 'sales-audit';\nconst s: string = audit({}, { date: '${DATE}' }).summary.score;\nexport { s };\n`;
    expect(typeCheck('nodenext', { 'consumer.ts': CONSUMER_TS, 'readme.ts': `${example}export {};\n`, 'wrong.ts': wrong }).trim()).toBe(
      "wrong.ts(2,7): error TS2322: Type 'number | null' is not assignable to type 'string'.\n  Type 'null' is not assignable to type 'string'.",
    );
    expect(typeCheck('bundler', { 'consumer.ts': CONSUMER_TS })).toBe('');
  }, 180_000);

  it('imports by name and audits, renders and reports bad input as the CLI does', () => {
    const script = join(project, 'use.mjs');
    writeFileSync(join(project, 'bad.yaml'), 'plan:\n  documented: maybe\n');
    writeFileSync(
      script,
      `import { loadOrg, audit, render, rules, defineRule, version, InputError } from 'sales-audit';
const org = await loadOrg(${JSON.stringify(`${ROOT}templates/examples/mid-size-gaps.yaml`)}, { shown: 'mid-size-gaps.yaml' });
const report = audit(org, { date: '${DATE}' });
const json = await render(report, 'json');
let bad = '';
try { await loadOrg('bad.yaml'); } catch (e) { bad = (e instanceof InputError) + ' ' + e.message; }
console.log(JSON.stringify({ version, rules: rules.length, defineRule: typeof defineRule, score: report.summary.score, json: json.length, bad }));
`,
    );
    const r = spawnSync(NODE, [script], { cwd: project, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    const cli = spawnSync(NODE, [`${ROOT}bin/sales-audit.js`, 'audit', '--example', 'mid-size-gaps', '--format', 'json', '--date', DATE], { encoding: 'utf8' });
    const cliReport = JSON.parse(cli.stdout) as { summary: { score: number }; rules: unknown[] };
    expect(out).toMatchObject({ version: pkg.version, rules: cliReport.rules.length, defineRule: 'function', score: cliReport.summary.score });
    expect(out.json).toBeGreaterThan(1000);
    expect(out.bad).toBe('true bad.yaml:2:15: plan.documented: expected true or false, got "maybe"');
  }, 60_000);

  it('exports only the API and package.json: internals are not importable', () => {
    const r = spawnSync(NODE, ['--input-type=module', '-e', "await import('sales-audit/dist/cli.cjs')"], { cwd: project, encoding: 'utf8' });
    expect(r.stderr).toMatch(/ERR_PACKAGE_PATH_NOT_EXPORTED/);
    expect(existsSync(join(project, 'node_modules/sales-audit/dist/types/src/api.d.ts'))).toBe(true);
  });
});

describe('sales-audit schema --report', () => {
  it('prints the report schema, and every JSON report the CLI writes validates against it', async () => {
    const { reportJsonSchema } = await import('../../src/report/report-schema');
    const { default: Ajv2020 } = await import('ajv/dist/2020');
    const run = (args: string[]) => spawnSync(NODE, [`${ROOT}bin/sales-audit.js`, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const printed = run(['schema', '--report']);
    expect(printed.status).toBe(0);
    expect(JSON.parse(printed.stdout)).toEqual(reportJsonSchema());
    const validate = new Ajv2020({ strictRequired: false, allowUnionTypes: true, allErrors: true }).compile(JSON.parse(printed.stdout) as object);
    const runs = [
      ...['struggling-startup', 'mid-size-gaps', 'healthy-org'].flatMap((e) => [
        ['audit', '--example', e],
        ['audit', '--example', e, '--redact'],
        ['audit', '--example', e, '--config', 'test/fixtures/lint/configs/thresholds.yaml'],
        ['audit', '--example', e, '--config', 'test/fixtures/lint/configs/severity.yaml'],
        ['audit', '--example', e, '--baseline', 'templates/examples/struggling-startup.yaml'],
      ]),
      ['audit', 'test/fixtures/lint/waived.yaml'],
      ['audit', 'test/fixtures/html/hostile.yaml'],
    ];
    for (const args of runs) {
      const r = run([...args, '--format', 'json', '--date', DATE]);
      expect(r.stderr, args.join(' ')).not.toMatch(/Error|error:/);
      const report = JSON.parse(r.stdout) as unknown;
      expect(validate(report) ? [] : validate.errors, args.join(' ')).toEqual([]);
    }
  }, 120_000);
});
