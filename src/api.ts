// The library API: `import { loadOrg, audit, render, rules, defineRule } from 'sales-audit'`.
// Built by scripts/build.mjs into dist/api.js (ESM) with its declarations in
// dist/types/. Together with the JSON report (schemaVersion, `sales-audit
// schema --report`) this is the semantic-versioning contract: a breaking change
// to either is a new major version. The CLI (src/cli) is a client of these
// functions; anything not exported here is internal and may change.
import { isCalendarDate } from './engine/calendar';
import { loadOrgFile, loadOrgText, type LoadedOrg } from './load/load';
import { InputError, type Diagnostic } from './load/diagnostics';
import { runAudit, type ConfigWaiver, type Located } from './engine/run';
import { render as renderReport, AUDIT_FORMATS, type Format } from './report/index';
import { rules as builtInRules } from '../rules/index';
import type { AuditReport, RuleDefinition, RuleSettings } from './engine/types';
import type { Org } from './model/schema';

export { defineRule, options, threshold } from './engine/define-rule';
/** A plugin rule's custom fact with the question the interview asks it with. */
export { fact, type CustomFactMeta } from './model/custom-fact';
/** zod/mini, as the model uses it: for a plugin rule's `facts` (its custom facts' schema). */
export * as z from 'zod/mini';
export { InputError, AUDIT_FORMATS };
export type { Diagnostic, LoadedOrg, Org, ConfigWaiver, Located };
export type {
  AuditReport,
  RuleDefinition,
  RuleSettings,
  RuleResult,
  Finding,
  ChecklistItem,
  CheckResult,
  CategoryScore,
  Evidence,
  Threshold,
  WaiverState,
  Severity,
  Category,
  Status,
  Grade,
  Effort,
  CheckContext,
  CheckOutput,
  CheckOut,
  FindingOut,
  StepOut,
  StepDef,
  OptionThreshold,
  RuleOptions,
} from './engine/types';

/** Every built-in rule, in the order reports list them. Pass a longer list to `audit` to add your own. */
export const rules: readonly RuleDefinition[] = builtInRules;

/** The library's version (package.json `version`, semantic versioning). */
export { VERSION as version } from './cli/version';
import { VERSION } from './cli/version';

/** Where `loadOrg` reads from and how the file is named in messages and reports. */
export interface LoadOrgOptions {
  /** The file's name as messages and reports show it (default: the path as given). */
  shown?: string;
}

/**
 * Reads and validates an org file (YAML, at most 5 MB, with its `people_csv`
 * roster if it names one).
 *
 * @param path - the org file, absolute or relative to the working folder.
 * @returns the typed model, where each fact stands in the file, and the facts answered "unknown".
 * @throws {InputError} when the file cannot be read or is not a valid org file; its `diagnostics`
 *   carry one problem each (file, line, column, fact path, message) and its message one line per problem.
 */
export async function loadOrg(path: string, opts: LoadOrgOptions = {}): Promise<LoadedOrg> {
  const r = await loadOrgFile(path, opts.shown ?? path);
  if (!r.ok) throw new InputError(r.diagnostics);
  return r.value;
}

/**
 * Validates org-file text, as `loadOrg` does a file.
 *
 * @param text - the YAML text.
 * @param file - the name messages and reports show for it.
 * @param baseDir - the folder a `people_csv` path is relative to (default: the working folder).
 * @throws {InputError} as `loadOrg`.
 */
export async function loadOrgFromText(text: string, file: string, baseDir?: string): Promise<LoadedOrg> {
  const r = await loadOrgText(text, file, baseDir ? { baseDir } : {});
  if (!r.ok) throw new InputError(r.diagnostics);
  return r.value;
}

/** How `audit` runs. Every field is optional. */
export interface AuditOptions {
  /** The audit date, YYYY-MM-DD (default: today, UTC). Rules never read the clock; pass it for reproducible reports. */
  date?: string;
  /** The rules to run (default: `rules`, the built-in ones). `[...rules, myRule]` adds a rule of your own. */
  rules?: readonly RuleDefinition[];
  /** Per-rule settings, as `rules:` in .sales-audit.yaml: `{ 'selling-time': { severity: 'high', options: { ... } } }`. */
  settings?: Readonly<Record<string, RuleSettings>>;
  /** Waivers that apply beside the org file's own (as `waivers:` in .sales-audit.yaml). */
  configWaivers?: readonly ConfigWaiver[];
  /** Coverage, in percent (0..100), under which no letter grade is given (default 70). */
  coverageFloor?: number;
  /** The org file's name in the report, when `org` is a bare model (default `org.yaml`). */
  file?: string;
  /**
   * Every person's finding and checklist step on its own (default false). Otherwise a kind of
   * finding about more than 100 people (`SUMMARISE_OVER`) is one finding, and its fix one step,
   * that counts them and names five, worst first (`people` on each). Scores, counts and gates are the same.
   */
  perPerson?: boolean;
}

const isLoaded = (x: LoadedOrg | Org): x is LoadedOrg => typeof (x as LoadedOrg).file === 'string' && 'positions' in x && 'org' in x;

/** Today's date in UTC, YYYY-MM-DD. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

/**
 * Audits an organisation: every rule over its facts, scored, with findings,
 * evidence and the remediation checklist. Pure apart from the default date.
 *
 * @param org - what `loadOrg` returned (evidence then carries file, line and column), or a bare `Org` model.
 * @returns the report: the JSON report's shape (schemaVersion 2; `sales-audit schema --report` prints its JSON Schema).
 * @throws {TypeError} when `options.date` is not a YYYY-MM-DD calendar date (2026-02-30 is not), or two of `options.rules` share an id (the
 *   report, settings and waivers find a rule by its id). A rule that throws does not: its result has status `error`.
 */
export function audit(org: LoadedOrg | Org, options: AuditOptions = {}): AuditReport {
  const date = options.date ?? todayUtc();
  if (!isCalendarDate(date)) throw new TypeError(`audit: date "${date}" is not a YYYY-MM-DD calendar date`);
  const ids = new Set<string>();
  for (const r of options.rules ?? [])
    if (ids.has(r.id)) throw new TypeError(`audit: two rules have the id "${r.id}"; give each rule an id of its own`);
    else ids.add(r.id);
  const loaded = isLoaded(org) ? org : undefined;
  return runAudit({
    org: loaded ? loaded.org : (org as Org),
    date,
    rules: options.rules ?? builtInRules,
    file: loaded?.file ?? options.file ?? 'org.yaml',
    ...(loaded ? { locate: (p: string) => loaded.positions.locate(p), unknowns: loaded.unknowns } : {}),
    ...(options.settings ? { settings: options.settings } : {}),
    ...(options.configWaivers ? { configWaivers: options.configWaivers } : {}),
    ...(options.coverageFloor !== undefined ? { coverageFloor: options.coverageFloor } : {}),
    ...(options.perPerson ? { perPerson: true } : {}),
    toolVersion: VERSION,
  });
}

/** A format `render` writes: every audit format but pdf (which a browser prints from the html). */
export type RenderFormat = Exclude<Format, 'pdf'>;

/** How `render` writes. */
export interface RenderOptions {
  /** ANSI colour in the text format (default false). */
  color?: boolean;
  /** The text format's width in columns (default 80). */
  width?: number;
  /** html: A4 or US Letter pages (default: fits either). */
  paper?: 'a4' | 'letter';
}

/**
 * Writes a report in one format, as `sales-audit audit --format <format>` does.
 * Strings from the org file never reach the output as control sequences.
 *
 * @returns the whole document (UTF-8 text, ending with a newline).
 * @throws {TypeError} for a format it does not write (pdf, or an unknown name).
 */
export async function render(report: AuditReport, format: RenderFormat, opts: RenderOptions = {}): Promise<string> {
  if (!(AUDIT_FORMATS as readonly string[]).includes(format) || format === ('pdf' as string))
    throw new TypeError(`render: unknown format "${format}" (expected one of ${AUDIT_FORMATS.filter((f) => f !== 'pdf').join(', ')})`);
  return renderReport(format, report, { color: opts.color ?? false, ...(opts.width ? { width: opts.width } : {}), ...(opts.paper ? { paper: opts.paper } : {}) });
}
