// `sales-audit lint` at work (declared in lint.ts): the CI entry point. Never prompts;
// lints every file in one process; prints one line per problem (or SARIF,
// JUnit, GitHub annotations, JSON, Markdown, several at once); exits 0 when
// every gate holds, 1 when one fails, 2 when a file or the config cannot be
// read. Renderers load lazily, only the formats asked for.
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { rules } from '../../../rules/index';
import { checkGates } from '../../engine/gates';
import { thousands } from '../../engine/summarise';
import { audit } from '../../api';
import type { Evidence, RuleDefinition, Severity } from '../../engine/types';
import { formatDiagnostic, type Diagnostic } from '../../load/diagnostics';
import { loadOrgFile, type LoadedOrg } from '../../load/load';
import { redact } from '../../model/redact';
import { expandGlob, isGlob } from '../../config/glob';
import { gatesOf, rulesWith, settingsOf } from '../../config/load';
import { ConfigResolver } from '../../config/resolver';
import { waiverDiagnostics } from '../../config/waivers';
import { DIRECT_LINT_FORMATS, lintStreamer, SARIF_MAX_RESULTS, slimLintedFile, type LintFile, type LintFormat, type LintRun, type LintRunHead, type LintStreamer } from '../../report/lint';
import { findRepoRoot } from '../../load/repo';
import { CliError, EXIT, inputError } from '../errors';
import { today, useColor } from '../output';
import { refuseInputsAsOutputs, writeReport, type InputFile, type Target } from '../targets';
import { fileSpool } from '../spool';
import { VERSION } from '../version';
import { stdoutColumns, stdoutIsTTY, writeStderrLine, writeStdout } from '../stdio';

// ---- which files ----

/** As shown in every message: relative to the working folder when under it, with `/`. */
export function shownPath(p: string, cwd: string): string {
  const abs = resolve(cwd, p);
  const rel = relative(cwd, abs);
  if (!rel || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return abs;
  return rel.split(sep).join('/');
}

type Input = { path: string; shown: string } | { unmatched: LintFile };

/** The files to lint, in the order given (each pattern's matches sorted), each once. */
async function resolveInputs(patterns: string[], cwd: string): Promise<Input[]> {
  const out: Input[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    const abs = resolve(cwd, p);
    if (seen.has(abs)) return;
    seen.add(abs);
    out.push({ path: abs, shown: shownPath(p, cwd) });
  };
  for (const p of patterns) {
    // A file whose name holds [ or { is taken as named when it exists.
    if (!isGlob(p) || existsSync(resolve(cwd, p))) {
      add(p);
      continue;
    }
    const matches = await expandGlob(p, cwd);
    if (!matches.length) out.push({ unmatched: { ok: false, unmatched: true, file: p, diagnostics: [{ file: p, message: 'no files match this pattern' }] } });
    matches.forEach(add);
  }
  return out;
}

// ---- one file ----

export interface LintOpts {
  /** A path, or false for --no-config. */
  config?: string | false;
  date?: string;
  failUnder?: number;
  minCoverage?: number;
  failOn?: Severity;
  strict?: boolean;
  redact?: boolean;
  /** --per-person: every person's finding, not summarised. */
  perPerson?: boolean;
  color?: boolean;
  /** --baseline: a git revision to compare each file with. */
  baseline?: string;
  /** --fail-on-regression: fail on a lower score or a new finding at or above this severity. */
  failOnRegression?: Severity;
}

/** Where the facts a rule lacks would go: the nearest place in the file (the top when none). */
function missingAt(loaded: LoadedOrg, path: string | undefined): Evidence {
  const loc = path ? loaded.positions.locate(path) : undefined;
  return { path: path ?? '', file: loc?.file ?? loaded.file, line: loc?.line ?? 1, column: loc?.column ?? 1, origin: 'file' };
}

/** `ran` gathers every rule a file ran (the built-in ones and any plugin's), for SARIF's rule metadata. */
export async function lintOne(input: { path: string; shown: string }, resolver: ConfigResolver, opts: LintOpts, date: string, read: InputFile[], ran: Map<string, RuleDefinition>): Promise<LintFile> {
  read.push({ path: input.path, what: 'an org file' });
  const cfg = await resolver.forOrg(input.path);
  if (cfg?.ok) read.push({ path: resolve(cfg.value.file), what: 'a config' });
  if (cfg && !cfg.ok) return { ok: false, file: input.shown, diagnostics: cfg.diagnostics };
  const loaded = await loadOrgFile(input.path, input.shown);
  if (!loaded.ok) return { ok: false, file: input.shown, diagnostics: loaded.diagnostics };
  const org = loaded.value;
  const csv = org.org.people_csv?.trim();
  if (csv) read.push({ path: resolve(dirname(input.path), csv), what: 'a roster (people_csv)' });
  const all = rulesWith(rules, cfg);
  for (const r of all) if (!ran.has(r.id)) ran.set(r.id, r);
  const waivers = waiverDiagnostics(
    org,
    all.map((r) => r.id),
  );
  if (waivers.length) return { ok: false, file: input.shown, diagnostics: waivers };
  if (org.org.custom !== undefined) {
    const bad = await (await import('../../config/plugins')).customFactDiagnostics(org, cfg?.ok ? (cfg.value.plugins ?? []) : []);
    if (bad.length) return { ok: false, file: input.shown, diagnostics: bad };
  }
  const config = cfg?.value.config;
  // The library's audit(), as `audit` calls it.
  const report = audit(
    { ...org, org: opts.redact ? redact(org.org) : org.org },
    { date, rules: all, settings: settingsOf(config), coverageFloor: config?.coverageFloor, configWaivers: cfg?.value.waivers, perPerson: opts.perPerson },
  );
  // Lint fails on a failing critical rule unless the config says otherwise.
  const gates = gatesOf(config, { failUnder: opts.failUnder, minCoverage: opts.minCoverage, failOn: opts.failOn, strict: opts.strict }, { failOnFatal: true });
  return {
    ok: true,
    file: org.file,
    report,
    ...(cfg ? { config: cfg.value.file, configs: cfg.value.files } : {}),
    gates,
    failures: checkGates(report, gates),
    missingAt: Object.fromEntries(report.rules.filter((r) => r.status === 'not-assessed').map((r) => [r.id, missingAt(org, r.missing[0])])),
  };
}

/** The lint command's action: every file, then the outputs, then the gates. */
export async function runLint(patterns: string[], opts: LintOpts, list: Target<LintFormat>[]): Promise<void> {
  const cwd = process.cwd();
  const date = opts.date ?? today();
  const resolver = new ConfigResolver(rules, opts.config || undefined, cwd, opts.config === false);
  if (opts.config) {
    // A config given by name that cannot be used stops the run: nothing would be linted as asked.
    const cfg = await resolver.forOrg(undefined);
    if (cfg && !cfg.ok) throw inputError(cfg.diagnostics);
  }
  if (opts.failOnRegression && !opts.baseline) throw new CliError(['--fail-on-regression needs --baseline <revision> to compare with']);
  // The comparison code loads only with --baseline (start-up time of the plain lint).
  const compare = opts.baseline ? await import('../lint-baseline') : undefined;
  const base = compare?.checkRevision(opts.baseline!, cwd);
  const inputs = await resolveInputs(patterns, cwd);
  const read: InputFile[] = [];
  const ran = new Map<string, RuleDefinition>(rules.map((r) => [r.id, r]));
  let ranList: RuleDefinition[] = [];
  const color = useColor(stdoutIsTTY(), opts.color === false ? false : undefined);
  const columns = stdoutColumns();
  const renderOpts = (target: Target<LintFormat>) => ({
    color: color && target.output === undefined && target.format === 'stylish',
    ...(columns && target.output === undefined ? { width: columns - 1 } : {}),
  });
  // Every format is written file by file: each file's part goes out (or to a
  // spool, see src/cli/spool.ts) as soon as it is linted and only a slim
  // summary of the file is kept, so memory stays flat in the number of files.
  // Nothing is written to stdout while an --output could still be one of the
  // inputs, nor before the end for a format whose head needs every file.
  const head: LintRunHead = {
    tool: { name: 'sales-audit', version: VERSION },
    fileCount: inputs.length,
    cwd,
    repoRoot: findRepoRoot(cwd),
    ...(opts.baseline ? { baseline: opts.baseline } : {}),
    rules: () => (ranList.length === ran.size ? ranList : (ranList = [...ran.values()])),
  };
  const direct = list.every((t) => t.output === undefined);
  const spools = list.map(() => fileSpool());
  const streamers: LintStreamer[] = [];
  for (const [i, t] of list.entries()) streamers.push(await lintStreamer(t.format, head, renderOpts(t), spools[i]!, direct && DIRECT_LINT_FORMATS.includes(t.format) ? writeStdout : undefined));
  const files: LintFile[] = [];
  try {
    for await (const { input, f } of linted(inputs, resolver, opts, date, read, ran, list)) {
      if (compare && base && f.ok && !('unmatched' in input)) {
        f.baseline = await compare.baselineOf(
          input.path,
          f.file,
          base,
          { date, config: opts.config || undefined, noConfig: opts.config === false, redact: opts.redact, perPerson: opts.perPerson, cwd },
          f.report,
        );
        if (opts.failOnRegression) {
          f.regressionGate = opts.failOnRegression;
          if (f.baseline.status === 'compared') f.failures.push(...compare.regressionFailures(f.baseline.diff, opts.failOnRegression, opts.baseline!));
        }
      }
      for (const s of streamers) s.add(f);
      files.push(slimLintedFile(f));
    }
    refuseInputsAsOutputs(list, read);
    const run: LintRun = { tool: head.tool, rules: head.rules(), files, cwd, repoRoot: head.repoRoot, ...(opts.baseline ? { baseline: opts.baseline } : {}) };

    // Input problems: one bare `file:line:col: message` line each, once.
    const printed = new Set<string>();
    for (const f of run.files) {
      if (f.ok) continue;
      for (const d of f.diagnostics as Diagnostic[]) {
        const line = formatDiagnostic(d);
        if (printed.has(line)) continue;
        printed.add(line);
        writeStderrLine(line);
      }
    }

    for (const [i, target] of list.entries()) {
      const pieces = streamers[i]!.finish(run);
      if (target.output === undefined) for (const piece of pieces) writeStdout(piece);
      else await writeReport(target.output, pieces, target.format);
    }
    const sarifResults = streamers.find((s) => s.results)?.results!() ?? 0;
    if (sarifResults > SARIF_MAX_RESULTS)
      writeStderrLine(
        `sales-audit: warning: the SARIF output holds the ${thousands(SARIF_MAX_RESULTS)} most severe of ${thousands(sarifResults)} results: code scanning rejects a run with more (the run says so; --format json has them all)`,
      );
    gateMessages(run);
  } finally {
    for (const s of spools) s.close();
  }
}

/**
 * Each input linted, in order: on this thread, or on worker threads when
 * there are many files (src/cli/lint-workers.ts; never with --baseline, which
 * runs git per file, nor when a config names plugins, whose rules only a
 * thread that loaded them can describe). The same results either way.
 */
async function* linted(
  inputs: Input[],
  resolver: ConfigResolver,
  opts: LintOpts,
  date: string,
  read: InputFile[],
  ran: Map<string, RuleDefinition>,
  list: Target<LintFormat>[],
): AsyncGenerator<{ input: Input; f: LintFile }> {
  const paths = inputs.filter((i): i is { path: string; shown: string } => !('unmatched' in i));
  // The module loads only for a run that may use it (start-up of `lint` on a few files).
  // The worker code loads only where it can run: a forced count, or many files on 3 cores or more (lintWorkerCount says why).
  const many = process.env.SALES_AUDIT_LINT_WORKERS !== undefined || (paths.length > 32 && (await import('node:os')).availableParallelism() > 2);
  const pool = paths.length > 1 && !opts.baseline && many ? await import('../lint-workers') : undefined;
  let count = pool?.lintWorkerCount(paths.length) ?? 0;
  if (count > 1) {
    // Configs are looked up once per folder (cached), so asking for each file here costs little.
    for (const p of paths) {
      const cfg = await resolver.forOrg(p.path);
      if (cfg?.ok && cfg.value.plugins?.length) {
        count = 0;
        break;
      }
    }
  }
  if (!pool || count < 2) {
    for (const input of inputs) yield { input, f: 'unmatched' in input ? input.unmatched : await lintOne(input, resolver, opts, date, read, ran) };
    return;
  }
  const results = pool.lintOnWorkers(paths, count, { opts, date, cwd: process.cwd(), formats: list.map((t) => t.format) }, new Set(ran.keys()));
  try {
    for (const input of inputs) {
      if ('unmatched' in input) {
        yield { input, f: input.unmatched };
        continue;
      }
      const r = await results.next();
      if (r.done) throw new Error('the lint workers gave fewer results than files');
      read.push(...r.value.read);
      yield { input, f: r.value.f };
    }
  } finally {
    // Stops the workers when the run ends early (an output that cannot be written).
    await results.return(undefined);
  }
}

/** After the outputs: a warning for each file nothing could be assessed in, each failed gate on stderr, and the exit code. */
function gateMessages(run: LintRun): void {
  for (const f of run.files) {
    if (!f.ok) continue;
    // A file with no facts passes every default gate: say so rather than stay silent.
    // (It scores 0, up to 100, since an unknown earns nothing: the score no longer tells it apart.)
    const c = f.report.summary.counts;
    if (c['not-assessed'] > 0 && c.pass + c.partial + c.fail + c.incomplete === 0 && !f.failures.length)
      writeStderrLine(`sales-audit: ${f.file}: warning: no rule could be assessed (the file holds none of the facts they need); --strict fails on this`);
    for (const g of f.failures) {
      const where = g.at?.file && g.at.line ? `${g.at.file}:${g.at.line}:${g.at.column ?? 1}` : f.file;
      writeStderrLine(`sales-audit: ${where}: gate failed: ${g.message}`);
    }
  }
  process.exitCode = run.files.some((f) => !f.ok) ? EXIT.usage : run.files.some((f) => f.ok && f.failures.length) ? EXIT.gate : EXIT.ok;
}
