// Plugins: rules of a team's own, named in .sales-audit.yaml
// (`plugins: [./rules/our-rule.js]`, paths relative to the config). Each is an
// ES module whose default export is a rule, or a list of rules, made with
// `defineRule` (import it from 'sales-audit'). Loaded only when a config names
// plugins, so a run without any never reads this module.
import { register } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importEsm } from '../cli/import-esm';
import { packageRoot } from '../cli/paths';
import { NO_OPTIONS } from '../engine/define-rule';
import { CATEGORIES, EFFORTS, SEVERITIES, type RuleDefinition } from '../engine/types';
import * as z from 'zod/mini';
import type { Diagnostic, Location } from '../load/diagnostics';
import type { LoadedOrg } from '../load/load';
import { customFactMetas } from '../model/custom-fact';
import { RESPONDENT_GROUPS } from '../model/respondents';

/** A plugin as the config names it, with where it stands there. */
export interface PluginRef {
  /** As written: a path relative to the config's folder (or absolute). */
  spec: string;
  /** Its index in `plugins:` (for the diagnostic's path). */
  index: number;
  at?: Location;
}

/** A rule id: lower-case words joined by hyphens, as the built-in rules' ids. */
const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Loads the plugins a config names, in order.
 *
 * @param refs - the config's `plugins:` entries.
 * @param dir - the config's folder (absolute): plugin paths are relative to it.
 * @param builtIn - rule ids already taken (a plugin rule may not reuse one).
 * @returns the plugins' rules, or one diagnostic per plugin that could not be used
 *   (cannot be read or imported, no default export, not a rule, an id taken).
 */
export async function loadPlugins(
  refs: readonly PluginRef[],
  dir: string,
  file: string,
  builtIn: readonly string[],
): Promise<{ ok: true; rules: RuleDefinition[] } | { ok: false; diagnostics: Diagnostic[] }> {
  const rules: RuleDefinition[] = [];
  const diagnostics: Diagnostic[] = [];
  const taken = new Set(builtIn);
  lendPackageName();
  for (const ref of refs) {
    const fail = (message: string) => diagnostics.push({ file, line: ref.at?.line, column: ref.at?.column, path: `plugins[${ref.index}]`, message });
    if (!/^\.{1,2}[\\/]/.test(ref.spec) && !isAbsolute(ref.spec)) {
      fail(`expected a path relative to the config (./rules/our-rule.js), got "${ref.spec}"`);
      continue;
    }
    let mod: { default?: unknown };
    try {
      mod = (await importEsm(pathToFileURL(resolve(dir, ref.spec)).href)) as { default?: unknown };
    } catch (e) {
      const code = (e as { code?: string }).code;
      const why = code === 'ERR_MODULE_NOT_FOUND' && !/Cannot find package/.test(String((e as Error).message)) ? 'no such file' : firstLine(e);
      fail(`could not load the plugin ${ref.spec}: ${why}`);
      continue;
    }
    const exported = mod.default;
    if (exported === undefined) {
      fail(`the plugin ${ref.spec} has no default export; expected \`export default defineRule({...})\` or a list of rules`);
      continue;
    }
    const list = Array.isArray(exported) ? exported : [exported];
    if (!list.length) fail(`the plugin ${ref.spec} exports an empty list; expected at least one rule`);
    list.forEach((r, i) => {
      const where = Array.isArray(exported) ? `${ref.spec} (rule ${i + 1})` : ref.spec;
      const problem = ruleProblem(r);
      if (problem) return fail(`the plugin ${where} does not export a rule: ${problem}`);
      const rule = r as RuleDefinition;
      if (taken.has(rule.id))
        return fail(`the plugin ${where} defines the rule "${rule.id}", which ${builtIn.includes(rule.id) ? 'is a built-in rule' : 'another plugin defines'}; give it an id of its own`);
      taken.add(rule.id);
      // As defineRule fills them, for a rule written as a plain object.
      rules.push({ ...rule, requires: rule.requires ?? [], options: rule.options ?? NO_OPTIONS });
    });
  }
  return diagnostics.length ? { ok: false, diagnostics } : { ok: true, rules };
}

let lent = false;
/**
 * A plugin imports `defineRule` from 'sales-audit'. Where its folder has no
 * sales-audit installed (the CLI installed globally, or run with npx), that
 * name resolves to this very package: a resolve hook that steps in only when
 * Node's own resolution of the name fails, so a project's own install wins.
 */
function lendPackageName(): void {
  if (lent) return;
  lent = true;
  const api = pathToFileURL(join(packageRoot(), 'dist', 'api.js')).href;
  const hook = `export async function resolve(s, c, next) { try { return await next(s, c); } catch (e) { if (s === 'sales-audit') return { url: ${JSON.stringify(api)}, shortCircuit: true }; throw e; } }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}

const firstLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.trim() || 'it threw while loading';

/** What keeps a value from being a rule (the first thing found), or undefined for a rule. */
export function ruleProblem(r: unknown): string | undefined {
  if (!r || typeof r !== 'object') return 'expected an object made with defineRule';
  const o = r as Record<string, unknown>;
  const str = (k: string) => typeof o[k] === 'string' && (o[k] as string).trim() !== '';
  if (!str('id') || !RULE_ID.test(o.id as string)) return 'expected an id in lower-case words joined by hyphens (forecast-tracked)';
  for (const k of ['title', 'source']) if (!str(k)) return `${o.id as string}: expected a ${k}`;
  if (!Object.hasOwn(CATEGORIES, o.category as string)) return `${o.id as string}: expected a category, one of: ${Object.keys(CATEGORIES).join(', ')}`;
  if (!(SEVERITIES as readonly unknown[]).includes(o.severity)) return `${o.id as string}: expected a severity, one of: ${SEVERITIES.join(', ')}`;
  if (!Array.isArray(o.reads) || !o.reads.every((x) => typeof x === 'string')) return `${o.id as string}: expected reads, a list of fact paths`;
  if (o.requires !== undefined && (!Array.isArray(o.requires) || !o.requires.every((x) => typeof x === 'string'))) return `${o.id as string}: expected requires, a list of fact paths`;
  const docs = o.docs as Record<string, unknown> | undefined;
  if (!docs || typeof docs.description !== 'string' || typeof docs.rationale !== 'string') return `${o.id as string}: expected docs with a description and a rationale`;
  if (!o.messages || typeof o.messages !== 'object' || !Object.values(o.messages).every((m) => typeof m === 'string')) return `${o.id as string}: expected messages, message id to text`;
  if (!o.steps || typeof o.steps !== 'object') return `${o.id as string}: expected steps, step id to { action, owner, effort }`;
  for (const [id, s] of Object.entries(o.steps as Record<string, Record<string, unknown>>))
    if (!s || typeof s.action !== 'string' || typeof s.owner !== 'string' || !(EFFORTS as readonly unknown[]).includes(s.effort))
      return `${o.id as string}: step ${id}: expected { action, owner, effort: ${EFFORTS.join(' | ')} }`;
  if (typeof o.check !== 'function') return `${o.id as string}: expected a check function`;
  if (o.facts !== undefined && typeof (o.facts as { _zod?: unknown })._zod !== 'object') return `${o.id as string}: expected facts, a zod schema of its custom facts`;
  for (const [path, m] of customFactMetas([{ id: o.id as string, facts: o.facts }])) {
    if (m.label !== undefined && (typeof m.label !== 'string' || !m.label.trim())) return `${path}: expected label, the fact in a few words ("whether the forecast is compared with what closed")`;
    if (m.askOf !== undefined && (!Array.isArray(m.askOf) || !m.askOf.length || !m.askOf.every((g) => (RESPONDENT_GROUPS as readonly unknown[]).includes(g))))
      return `${path}: expected askOf, a list of respondent groups, best informed first: ${RESPONDENT_GROUPS.join(', ')}`;
  }
  return undefined;
}

/**
 * Checks the custom facts of plugin rules (`custom.<rule id>` in the org file)
 * against each rule's own schema (`facts`), and puts what the schema parsed in
 * their place. Loaded only when a config names plugins.
 *
 * @returns one diagnostic per problem, with the fact's file:line:col (as the org file's own facts get).
 */
export async function customFactDiagnostics(loaded: LoadedOrg, plugins: readonly RuleDefinition[]): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const custom = loaded.org.custom;
  for (const rule of plugins) {
    if (!rule.facts || custom?.[rule.id] === undefined) continue;
    const parsed = z.safeParse(rule.facts, custom[rule.id]);
    if (parsed.success) {
      custom[rule.id] = parsed.data as Record<string, unknown>;
      continue;
    }
    const { issuesToDiagnostics } = await import('../load/issues');
    const root = z.strictObject({ custom: z.strictObject({ [rule.id]: rule.facts }) });
    const issues = parsed.error.issues.map((i) => ({ ...i, path: ['custom', rule.id, ...i.path] }));
    for (const d of issuesToDiagnostics(issues, loaded.file, loaded.positions, { custom: { [rule.id]: custom[rule.id] } }, root)) out.push(d);
  }
  // Facts under an id no plugin rule claims are most likely a misspelt id.
  for (const id of Object.keys(custom ?? {}))
    if (!plugins.some((r) => r.id === id && r.facts)) {
      const at = loaded.positions.get(`custom.${id}`)?.key ?? loaded.positions.locate(`custom.${id}`);
      out.push({
        file: loaded.file,
        line: at?.line,
        column: at?.column,
        path: `custom.${id}`,
        message: `no plugin rule declares facts under "${id}" (plugins in the config: ${
          plugins
            .filter((r) => r.facts)
            .map((r) => r.id)
            .join(', ') || 'none with facts'
        })`,
      });
    }
  return out;
}
