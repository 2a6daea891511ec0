// Finds and reads .sales-audit.yaml: the ones next to and above the org file,
// up to the repository root (or the one given with --config). Bad config
// becomes diagnostics with file:line:col, like a bad org file; it never
// throws for bad input.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type * as z from 'zod/mini';
import type { Gates } from '../engine/gates';
import type { ConfigWaiver } from '../engine/run';
import type { RuleDefinition, RuleSettings } from '../engine/types';
import type { Diagnostic } from '../load/diagnostics';
import { readText, sortDiagnostics } from '../load/load';
import { fastParse, type FastParse } from '../load/fast-yaml';
import { FORBIDDEN_KEYS } from '../load/normalize';
import { formatPath, type Segment } from '../model/paths';
import type { Config } from './schema';

/** Looked for next to the org file, then in each folder above it up to the repository root. */
export const CONFIG_FILE_NAMES = ['.sales-audit.yaml', '.sales-audit.yml'] as const;

export interface LoadedConfig {
  /** The path as shown in messages (the nearest config, when several apply). */
  file: string;
  /** Every config file that applies, nearest first, as shown (just `file` for one). */
  files: string[];
  config: Config;
  /** The config's waivers (`config.waivers`), each with its place in its file. */
  waivers: ConfigWaiver[];
  /** The rules its plugins define (`plugins:`), absent when it names none. */
  plugins?: RuleDefinition[];
}

export type ConfigResult = { ok: true; value: LoadedConfig } | { ok: false; diagnostics: Diagnostic[] };

const isFile = (path: string) => {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
};

/** The nearest config file in `dir` or a folder above it (up to the repository root), or undefined. */
export async function findConfig(dir: string): Promise<string | undefined> {
  return (await findConfigs(dir))[0];
}

/**
 * The config files that may apply to an org file in `dir`, nearest first: at
 * most one per folder, from `dir` up to the repository root (the nearest
 * folder holding `.git`, a folder or a worktree's file), never above it: a
 * config in a runner's workspace or a home folder is not the repository's.
 * Outside a repository the lookup goes up to `/`. The resolver stops earlier
 * at a config that says `root: true`. One stat per candidate, synchronously:
 * it is on every run's path.
 */
export async function findConfigs(dir: string): Promise<string[]> {
  const out: string[] = [];
  let cur = resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(cur, name);
      // A folder named like the config is not a config, nor is one we may not look at: keep looking up.
      if (isFile(candidate)) {
        out.push(candidate);
        break;
      }
    }
    if (existsSync(join(cur, '.git'))) return out;
    const up = dirname(cur);
    if (up === cur) return out;
    cur = up;
  }
}

/**
 * Several configs as one, the nearer winning: per rule, its settings and its
 * options key by key; the gates key by key; the waivers of all of them,
 * nearest first. `configs` is nearest first.
 */
export function mergeConfigs(configs: readonly LoadedConfig[]): LoadedConfig {
  if (configs.length === 1) return configs[0]!;
  const rules: NonNullable<Config['rules']> = {};
  let gates: Config['gates'];
  for (const { config } of [...configs].reverse()) {
    for (const [id, s] of Object.entries(config.rules ?? {})) {
      if (!s) continue;
      const prev = rules[id];
      rules[id] = { ...prev, ...s, ...(prev?.options || s.options ? { options: { ...prev?.options, ...s.options } } : {}) };
    }
    if (config.gates) gates = { ...gates, ...config.gates };
  }
  const waivers = configs.flatMap((c) => c.waivers);
  // Every config's plugins apply; a rule id two configs define is the nearer one's.
  const plugins = new Map<string, RuleDefinition>();
  for (const c of configs) for (const r of c.plugins ?? []) if (!plugins.has(r.id)) plugins.set(r.id, r);
  return {
    ...(plugins.size ? { plugins: [...plugins.values()] } : {}),
    file: configs[0]!.file,
    files: configs.map((c) => c.file),
    config: { rules, ...(gates ? { gates } : {}), waivers: waivers.map(({ rule, reason, owner, expires }) => ({ rule, reason, owner, expires })) },
    waivers,
  };
}

export async function loadConfigFile(path: string, shown: string, rules: readonly RuleDefinition[]): Promise<ConfigResult> {
  const read = await readText(path, 'a YAML config file (.sales-audit.yaml)');
  if (!read.ok) return { ok: false, diagnostics: [{ ...read.diagnostic, file: shown }] };
  return parseConfig(read.text, shown, rules, dirname(resolve(path)));
}

/**
 * Checks config text. `dir` is the config's folder (absolute), which plugin
 * paths are relative to; without it a config naming plugins is refused.
 */
export async function parseConfig(text: string, file: string, rules: readonly RuleDefinition[], dir?: string): Promise<ConfigResult> {
  // js-yaml when it can; the `yaml` library (loaded only then) for anything else and for syntax errors.
  const fast = fastParse(text, file);
  const parse = fast ? { ok: true as const, ...fast } : await slowParseConfig(text, file);
  if (!parse.ok) return parse;
  let raw = parse.raw;
  if (raw === null || raw === undefined) raw = {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    const { line, column } = parse.root ?? { line: 1, column: 1 };
    return { ok: false, diagnostics: [{ file, line, column, message: 'expected a mapping (rules:, gates:) at the top level' }] };
  }
  const { positions } = parse;
  const forbidden: string[] = [];
  const data = dropEmpty(raw, forbidden);
  if (forbidden.length) {
    return {
      ok: false,
      diagnostics: forbidden.map((path) => {
        const loc = positions.get(path)?.key ?? positions.locate(path);
        return { file, line: loc?.line, column: loc?.column, path, message: `unknown key "${path.slice(path.lastIndexOf('.') + 1)}": never a setting name` };
      }),
    };
  }
  // Plugins first: their rules' settings and options are checked with the built-in ones'.
  let plugins: RuleDefinition[] = [];
  const named = (data as { plugins?: unknown }).plugins;
  if (Array.isArray(named) && named.length && named.every((p) => typeof p === 'string')) {
    if (!dir) return { ok: false, diagnostics: [{ file, message: 'plugins: are read from a config file on disk (their paths are relative to it)' }] };
    // Loaded only when a config names plugins: a run without any never reads it.
    const { loadPlugins } = await import('./plugins');
    const refs = (named as string[]).map((spec, index) => ({ spec, index, at: positions.locate(`plugins[${index}]`) }));
    const loaded = await loadPlugins(
      refs,
      dir,
      file,
      rules.map((r) => r.id),
    );
    if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
    plugins = loaded.rules;
    rules = [...rules, ...plugins];
  }
  // The schema (zod) is loaded only when there is a config to check.
  const { configSchema } = await import('./schema');
  const schema = configSchema(rules);
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    // Loaded only for a bad config: it needs the org schema, which a good run never builds.
    const { issuesToDiagnostics } = await import('../load/issues');
    const diagnostics = issuesToDiagnostics(parsed.error.issues.map(plainBounds), file, positions, data, schema).map((d) => reword(d, rules));
    return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  }
  const config = parsed.data as Config;
  const waivers = (config.waivers ?? []).map((w, i): ConfigWaiver => {
    const at = positions.locate(`waivers[${i}]`);
    return { ...w, evidence: { path: `waivers[${i}]`, file: at?.file ?? file, line: at?.line ?? 1, column: at?.column ?? 1, origin: 'file' } };
  });
  return { ok: true, value: { file, files: [file], config, waivers, ...(plugins.length ? { plugins } : {}) } };
}

async function slowParseConfig(text: string, file: string): Promise<{ ok: false; diagnostics: Diagnostic[] } | ({ ok: true } & FastParse)> {
  const { LineCounter, parseDocument } = await import('yaml');
  const { mapPositions, toPlain } = await import('../load/yaml-doc');
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    // After the first syntax error the parser's view is unreliable: report that one.
    const e = doc.errors[0]!;
    const { line, col } = lc.linePos(e.pos[0]);
    const msg = e.code === 'DUPLICATE_KEY' ? 'duplicate key: each key may appear only once in a mapping' : `invalid YAML: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`;
    return { ok: false, diagnostics: [{ file, line, column: col, message: msg }] };
  }
  // The loader's own conversion: cycles, aliases' expanded size and deep nesting are refused with their place.
  const plain = toPlain(doc.contents, file, lc);
  if (!plain.ok) return { ok: false, diagnostics: [plain.diagnostic] };
  const raw = plain.raw;
  const { line, col } = lc.linePos(doc.contents?.range?.[0] ?? 0);
  return { ok: true, raw, positions: mapPositions(file, doc.contents, lc), root: { line, column: col } };
}

// Rule option schemas use zod's default wording for bounds ("Too big: expected
// number to be <=100"); say it the way the org file's messages do.
function plainBounds(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if ((issue.code === 'too_big' || issue.code === 'too_small') && /^Too (big|small)/.test(issue.message) && issue.origin === 'number') {
    const big = issue.code === 'too_big';
    const limit = big ? (issue as z.core.$ZodIssueTooBig).maximum : (issue as z.core.$ZodIssueTooSmall).minimum;
    const word = big ? (issue.inclusive ? 'at most' : 'under') : issue.inclusive ? 'at least' : 'over';
    return { ...issue, message: `expected a number ${word} ${String(limit)}` };
  }
  return issue;
}

// Unknown keys under rules: and under a rule's options: are rule ids and option
// names: say so, and list the options (there are few) when nothing is close.
function reword(d: Diagnostic, rules: readonly RuleDefinition[]): Diagnostic {
  const m = /^unknown key "([^"]*)"(.*)$/.exec(d.message);
  if (!m || !d.path) return d;
  const key = m[1]!;
  const rest = m[2]!;
  if (/^rules\.[^.]+$/.test(d.path)) return { ...d, message: `unknown rule "${key}"${rest.replace(/; expected one of: .*$/, '')} (run \`sales-audit rules\` for the list)` };
  const opt = /^rules\.([^.]+)\.options\.[^.]+$/.exec(d.path);
  if (opt) {
    const names = Object.keys(rules.find((r) => r.id === opt[1])?.options?.thresholds ?? {});
    const hint = /did you mean/.test(rest) ? rest : names.length ? `; ${opt[1]} has: ${names.join(', ')}` : `; ${opt[1]} has no options`;
    return { ...d, message: `unknown option "${key}" for ${opt[1]}${hint}` };
  }
  return d;
}

// An empty value (`selling-time:` with nothing after it, often left by commenting
// out its lines) means the same as a missing one.
/** A copy without empty values; keys that would reach a prototype (__proto__) are left out and their paths pushed to `forbidden`. */
function dropEmpty(v: unknown, forbidden: string[] = [], segs: Segment[] = []): unknown {
  if (Array.isArray(v)) return v.map((x, i) => dropEmpty(x, forbidden, [...segs, i]));
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (FORBIDDEN_KEYS.has(k)) forbidden.push(formatPath([...segs, k]));
    else if (x !== null && x !== undefined) out[k] = dropEmpty(x, forbidden, [...segs, k]);
  }
  return out;
}

/** The engine's per-rule settings from a config (none without one). */
export function settingsOf(config: Config | undefined): Record<string, RuleSettings> {
  const out: Record<string, RuleSettings> = {};
  for (const [id, s] of Object.entries(config?.rules ?? {})) if (s) out[id] = s;
  return out;
}

/** Command-line flags over the config's gate defaults over the command's defaults. */
export function gatesOf(config: Config | undefined, flags: Gates, defaults: Gates = {}): Gates {
  const g = config?.gates ?? {};
  return {
    failUnder: flags.failUnder ?? g.failUnder ?? defaults.failUnder,
    minCoverage: flags.minCoverage ?? g.minCoverage ?? defaults.minCoverage,
    failOn: flags.failOn ?? g.failOn ?? defaults.failOn,
    strict: flags.strict ?? g.strict ?? defaults.strict ?? false,
    failOnFatal: flags.failOnFatal ?? g.failOnFatal ?? defaults.failOnFatal ?? false,
  };
}

/** The rules a run uses: the built-in ones, then the rules of the plugins the config names. */
export function rulesWith(builtIn: readonly RuleDefinition[], cfg: ConfigResult | undefined): readonly RuleDefinition[] {
  return cfg?.ok && cfg.value.plugins ? [...builtIn, ...cfg.value.plugins] : builtIn;
}
