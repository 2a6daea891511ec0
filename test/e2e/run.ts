// Runs the built binary as a user would (npm test builds it first).
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { reportJsonSchema } from '../../src/report/report-schema';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = `${ROOT}bin/sales-audit.js`;
export const EXAMPLES = ['struggling-startup', 'mid-size-gaps', 'healthy-org'] as const;
export const DATE = '2026-11-27';
/**
 * The Node that runs the CLI: the one running the tests, or the binary named
 * by SALES_AUDIT_TEST_NODE (.ci/run runs the end-to-end tests once per
 * supported Node line this way).
 */
export const NODE = process.env.SALES_AUDIT_TEST_NODE || process.execPath;

if (!existsSync(`${ROOT}dist/cli.cjs`)) throw new Error('dist/cli.cjs is missing: run `npm run build` (npm test does it)');

export function cli(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(NODE, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: env as NodeJS.ProcessEnv,
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 20_000,
    // A report of a large roster is megabytes (schema v2 keeps every check of every
    // person): above spawnSync's 1 MB default the child is killed (ENOBUFS, status null).
    maxBuffer: 64 * 1024 * 1024,
  });
  checkJsonReport(args, r.stdout);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let validateReport: ValidateFunction | undefined;
/**
 * Every JSON report an end-to-end test makes the CLI print (`audit ... --format
 * json` to stdout) is held to the report's JSON Schema (`schema --report`), so
 * the contract is checked on every report the tests produce.
 */
function checkJsonReport(args: string[], stdout: string): void {
  const format = args.indexOf('--format') >= 0 ? args[args.indexOf('--format') + 1] : args.find((a) => a.startsWith('--format='))?.slice(9);
  if (args[0] !== 'audit' || format !== 'json' || args.some((a) => a === '-o' || a.startsWith('--output')) || !stdout.startsWith('{')) return;
  validateReport ??= new Ajv2020({ strictRequired: false, allowUnionTypes: true, allErrors: true }).compile(reportJsonSchema());
  if (!validateReport(JSON.parse(stdout))) throw new Error(`the JSON report of \`${args.join(' ')}\` breaks its schema: ${JSON.stringify(validateReport.errors)}`);
}

/** The built CLI's code: the entry chunk and every chunk it may load, by path under dist/. */
export function bundleFiles(): Map<string, string> {
  const files = new Map<string, string>([['cli.cjs', readFileSync(`${ROOT}dist/cli.cjs`, 'utf8')]]);
  for (const f of readdirSync(`${ROOT}dist/chunks`)
    .filter((n) => n.endsWith('.cjs'))
    .sort())
    files.set(`chunks/${f}`, readFileSync(`${ROOT}dist/chunks/${f}`, 'utf8'));
  return files;
}

/** The chunks a run loaded, in order, with whether each one's code cache was accepted. */
export function loadedChunks(args: string[], opts: Parameters<typeof cli>[1] = {}) {
  const r = cli(args, { ...opts, env: { ...opts.env, SALES_AUDIT_DEBUG_STARTUP: '1' } });
  const chunks = [...r.stderr.matchAll(/^sales-audit: loaded (\S+), code cache (\w+)$/gm)].map((m) => ({ file: m[1]!, cache: m[2]! }));
  return { ...r, chunks };
}

let openCopy: string | undefined;
/**
 * The built CLI copied (bin, dist, templates, package.json) into a folder every
 * user can read, and its launcher's path: for runs as an unprivileged user, who
 * may not reach this checkout (a clone in a private folder, as `mktemp -d`
 * makes). Made once per test file.
 */
export function cliForAnyUser(): string {
  if (openCopy) return openCopy;
  const dir = mkdtempSync(join(tmpdir(), 'sales-audit-cli-'));
  chmodSync(dir, 0o755);
  for (const part of ['bin', 'dist', 'templates', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  return (openCopy = join(dir, 'bin', 'sales-audit.js'));
}
