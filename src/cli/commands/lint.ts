// `sales-audit lint <files or globs...>`: the CI entry point. Never prompts;
// lints every file in one process; prints one line per problem (or SARIF,
// JUnit, GitHub annotations, JSON, Markdown, several at once); exits 0 when
// every gate holds, 1 when one fails, 2 when a file or the config cannot be
// read. Renderers load lazily, only the formats asked for.
import { Command, InvalidArgumentError } from 'commander';
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { rules } from '../../../rules/index';
import { checkGates } from '../../engine/gates';
import { runAudit } from '../../engine/run';
import type { Evidence, Severity } from '../../engine/types';
import { formatDiagnostic, type Diagnostic } from '../../load/diagnostics';
import { loadOrgFile, type LoadedOrg } from '../../load/load';
import { redact } from '../../model/redact';
import { expandGlob, isGlob } from '../../config/glob';
import { gatesOf, settingsOf } from '../../config/load';
import { ConfigResolver } from '../../config/resolver';
import { waiverDiagnostics } from '../../config/waivers';
import { LINT_FORMATS, renderLint, type LintFile, type LintFormat, type LintRun } from '../../report/lint';
import { CliError, EXIT, inputError } from '../errors';
import { parseDate, parseScore, parseSeverity } from '../options';
import { today, useColor, writeFileAtomic } from '../output';
import { VERSION } from '../version';

// ---- several formats in one run: each --output binds to the --format before it ----

export interface Target<F extends string> {
  format: F;
  /** A file to write; stdout when absent. */
  output?: string;
}

/**
 * Collects `--format`/`--output` pairs in the order given. Commander calls
 * option parsers in argument order, which is what lets an --output bind to the
 * --format before it. An --output before any --format goes to the first
 * --format (or to the default one), so `-o report.md -f markdown` still works.
 */
export function targetCollector<F extends string>(formats: readonly F[], fallback: F) {
  const targets: Target<F>[] = [];
  let pending: string | undefined;
  return {
    onFormat: (v: string): string => {
      if (!(formats as readonly string[]).includes(v)) throw new InvalidArgumentError(`expected one of: ${formats.join(', ')}.`);
      targets.push({ format: v as F, ...(pending !== undefined && !targets.length ? { output: pending } : {}) });
      if (targets.length === 1) pending = undefined;
      return v;
    },
    onOutput: (v: string): string => {
      const last = targets.at(-1);
      if (!last) {
        if (pending !== undefined) throw new InvalidArgumentError(`--output ${pending} is already waiting for a --format; give each --output right after its --format.`);
        pending = v;
      } else if (last.output !== undefined) {
        throw new InvalidArgumentError(`--format ${last.format} already writes to ${last.output}; give each --output right after its own --format.`);
      } else last.output = v;
      return v;
    },
    /** The targets, checked: at most one to stdout, no file written twice. */
    list(): Target<F>[] {
      const list = targets.length ? [...targets] : [{ format: fallback, ...(pending !== undefined ? { output: pending } : {}) }];
      const toStdout = list.filter((t) => t.output === undefined);
      if (toStdout.length > 1)
        throw new CliError([`only one format can go to stdout, but ${toStdout.map((t) => t.format).join(' and ')} have no --output: give each of the others an --output <file> right after its --format`]);
      const seen = new Set<string>();
      for (const t of list) {
        if (t.output === undefined) continue;
        const abs = resolve(t.output);
        if (seen.has(abs)) throw new CliError([`--output ${t.output} is given for two formats; write each format to its own file`]);
        seen.add(abs);
      }
      return list;
    },
  };
}

/**
 * A regular file (or a new one) is written atomically: temp file, then rename.
 * Anything else must not be renamed over: a device or pipe (`-o /dev/null`,
 * `-o /dev/stdout`) is written to as it is, and a symbolic link is followed, so
 * the link stays and its target gets the report.
 */
/** Writes each rendered target: stdout, or a file (atomically); a write error is exit 2. */
export async function writeTargets<F extends string>(outputs: { target: Target<F>; text: string }[]): Promise<void> {
  for (const { target, text } of outputs) {
    if (target.output === undefined) {
      process.stdout.write(text);
      continue;
    }
    try {
      await writeFileAtomic(target.output, text);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a folder' : (code ?? String(e));
      throw new CliError([`cannot write ${target.output}: ${why}`]);
    }
    process.stderr.write(`sales-audit: wrote ${target.format} report to ${target.output}\n`);
  }
}

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
    if (!matches.length) out.push({ unmatched: { ok: false, file: p, diagnostics: [{ file: p, message: 'no files match this pattern' }] } });
    matches.forEach(add);
  }
  return out;
}

// ---- one file ----

interface LintOpts {
  /** A path, or false for --no-config. */
  config?: string | false;
  date?: string;
  failUnder?: number;
  failOn?: Severity;
  strict?: boolean;
  redact?: boolean;
  color?: boolean;
}

/** Where the facts a rule lacks would go: the nearest place in the file (the top when none). */
function missingAt(loaded: LoadedOrg, path: string | undefined): Evidence {
  const loc = path ? loaded.positions.locate(path) : undefined;
  return { path: path ?? '', file: loc?.file ?? loaded.file, line: loc?.line ?? 1, column: loc?.column ?? 1, origin: 'file' };
}

async function lintOne(input: { path: string; shown: string }, resolver: ConfigResolver, opts: LintOpts, date: string): Promise<LintFile> {
  const cfg = await resolver.forOrg(input.path);
  if (cfg && !cfg.ok) return { ok: false, file: input.shown, diagnostics: cfg.diagnostics };
  const loaded = await loadOrgFile(input.path, input.shown);
  if (!loaded.ok) return { ok: false, file: input.shown, diagnostics: loaded.diagnostics };
  const org = loaded.value;
  const waivers = waiverDiagnostics(org, rules.map((r) => r.id));
  if (waivers.length) return { ok: false, file: input.shown, diagnostics: waivers };
  const config = cfg?.value.config;
  const report = runAudit({
    org: opts.redact ? redact(org.org) : org.org,
    date,
    rules,
    file: org.file,
    locate: (p) => org.positions.locate(p),
    unknowns: org.unknowns,
    settings: settingsOf(config),
    toolVersion: VERSION,
  });
  // Lint fails on a failing critical rule unless the config says otherwise.
  const gates = gatesOf(config, { failUnder: opts.failUnder, failOn: opts.failOn, strict: opts.strict }, { failOnFatal: true });
  return {
    ok: true,
    file: org.file,
    report,
    ...(cfg ? { config: cfg.value.file } : {}),
    gates,
    failures: checkGates(report, gates),
    missingAt: Object.fromEntries(report.rules.filter((r) => r.status === 'not-assessed').map((r) => [r.id, missingAt(org, r.missing[0])])),
  };
}

export function registerLint(program: Command): void {
  const targets = targetCollector(LINT_FORMATS, 'stylish');
  program
    .command('lint')
    .description('Lint org files in CI: one line per finding with file:line:col, SARIF/JUnit/GitHub outputs, score and severity gates. Never prompts.')
    .argument('<files...>', 'org files or glob patterns (quote globs: "orgs/**/*.yaml")')
    .option('-f, --format <format>', `output format: ${LINT_FORMATS.join(', ')} (default: stylish); repeat for several`, targets.onFormat)
    .option('-o, --output <file>', 'write the --format just before it to this file (default: stdout)', targets.onOutput)
    .option('--config <file>', 'use this config instead of the nearest .sales-audit.yaml')
    .option('--no-config', 'use no config file at all (rule defaults)')
    .option('--date <YYYY-MM-DD>', 'the audit date (default: today); waivers expire against it', parseDate)
    .option('--fail-under <score>', 'exit 1 when a file scores under this (0-100)', parseScore)
    .option('--fail-on <severity>', 'exit 1 on a finding at or above this severity (critical, high, medium, low)', parseSeverity)
    .option('--strict', 'exit 1 when a rule is not assessed (facts missing)')
    .option('--no-strict', 'do not, even if the config sets gates.strict')
    .option('--redact', 'replace the names of people and respondents with labels')
    .option('--no-color', 'never use colour (also: NO_COLOR=1)')
    .addHelpText(
      'after',
      `
By default lint fails (exit 1) on a failing critical rule and on an expired
waiver. Settings come from the nearest .sales-audit.yaml next to or above each
file (see \`sales-audit schema --config\`); flags override them.

Examples:
  $ sales-audit lint acme.yaml
  $ sales-audit lint "orgs/**/*.yaml" --fail-under 70 --fail-on high
  $ sales-audit lint acme.yaml --format sarif --output audit.sarif --format stylish
  $ sales-audit lint acme.yaml --format github --strict

Exit codes: 0 every gate holds · 1 a gate failed · 2 could not run (usage, unreadable or invalid file or config)`,
    )
    .action(async (patterns: string[], opts: LintOpts) => {
      const list = targets.list();
      const cwd = process.cwd();
      const date = opts.date ?? today();
      const resolver = new ConfigResolver(rules, opts.config || undefined, cwd, opts.config === false);
      if (opts.config) {
        // A config given by name that cannot be used stops the run: nothing would be linted as asked.
        const cfg = await resolver.forOrg(undefined);
        if (cfg && !cfg.ok) throw inputError(cfg.diagnostics);
      }
      const inputs = await resolveInputs(patterns, cwd);
      const files = await Promise.all(inputs.map((i) => ('unmatched' in i ? i.unmatched : lintOne(i, resolver, opts, date))));
      const run: LintRun = { tool: { name: 'sales-audit', version: VERSION }, rules, files };

      // Input problems: one bare `file:line:col: message` line each, once.
      const printed = new Set<string>();
      for (const f of run.files) {
        if (f.ok) continue;
        for (const d of f.diagnostics as Diagnostic[]) {
          const line = formatDiagnostic(d);
          if (printed.has(line)) continue;
          printed.add(line);
          process.stderr.write(`${line}\n`);
        }
      }

      const color = useColor(process.stdout, opts.color === false ? false : undefined);
      const outputs = [];
      for (const target of list) {
        outputs.push({ target, text: await renderLint(target.format as LintFormat, run, { color: color && target.output === undefined && target.format === 'stylish' }) });
      }
      await writeTargets(outputs);

      for (const f of run.files) {
        if (!f.ok) continue;
        for (const g of f.failures) {
          const where = g.at?.file && g.at.line ? `${g.at.file}:${g.at.line}:${g.at.column ?? 1}` : f.file;
          process.stderr.write(`sales-audit: ${where}: gate failed: ${g.message}\n`);
        }
      }
      process.exitCode = run.files.some((f) => !f.ok) ? EXIT.usage : run.files.some((f) => f.ok && f.failures.length) ? EXIT.gate : EXIT.ok;
    });
}
