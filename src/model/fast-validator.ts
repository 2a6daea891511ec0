// Turns the org file's zod schema into plain JavaScript that validates an org
// (src/model/org-validator.generated.ts, written by the build). Every run of
// the CLI validates one org file; building the zod schema to do it was the
// largest part of start-up. The generated code is a fast path only: it
// returns the parsed org exactly as zod would, or INVALID, and on INVALID the
// loader builds the zod schema and lets zod judge, so every message still
// comes from zod. It knows only the constructs this schema uses and refuses
// (throws at build time) anything else; a test checks it against zod on every
// bundled org and on thousands of mutated ones.
import * as z from 'zod/mini';
import { noneAlone } from './checks';

type Def = { type: string; [k: string]: unknown };
type Schema = z.ZodMiniType;
type CheckDef = { check: string; [k: string]: unknown };

const defOf = (s: Schema) => (s as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (s: Schema) => ((defOf(s).checks as { _zod: { def: CheckDef } }[] | undefined) ?? []).map((c) => c._zod.def);
// zod's trim is an overwrite check; this is how its function reads.
const TRIM = String(checksOf(z.string().check(z.trim()) as unknown as Schema)[0]!.tx);

/**
 * An identifier from a fact path, so that a new field in the schema adds its
 * own lines and renames nothing (counters would renumber every name after it):
 * `people[].coaching.plan` -> `people_$_coaching_plan`, the root -> `org`.
 */
const nameOf = (path: string) =>
  path === ''
    ? 'org'
    : path
        .replace(/\[\]/g, '_$')
        .replace(/\.\*/g, '_$any')
        .replace(/\./g, '_')
        .replace(/[^\w$]/g, '$');

class Generator {
  private readonly names = new Map<Schema, string>();
  private readonly taken = new Set<string>();
  private readonly functions: string[] = [];
  private readonly constants = new Map<string, string>();

  /** A name no other function or constant has: `base`, or `base_2`, `base_3`... */
  private unique(base: string): string {
    let name = base;
    for (let i = 2; this.taken.has(name); i++) name = `${base}_${i}`;
    this.taken.add(name);
    return name;
  }

  /** A module-level constant (built once, not on every call), named after the fact path it serves. */
  constant(expression: string, path: string, what: string): string {
    const known = this.constants.get(expression);
    if (known) return known;
    const name = this.unique(`${what}_${nameOf(path)}`);
    this.constants.set(expression, name);
    return name;
  }

  set(values: readonly unknown[], path: string, what: string): string {
    return this.constant(`new Set(${JSON.stringify(values)})`, path, what);
  }

  /** The name of a function that validates `s`: returns the output, or I. */
  fn(s: Schema, path: string): string {
    const known = this.names.get(s);
    if (known) return known;
    // An optional wrapper adds no function of its own: an object calls its
    // field's validator only for a value that is there.
    if (defOf(s).type === 'optional') return this.fn(defOf(s).innerType as Schema, path);
    const name = this.unique(`v_${nameOf(path)}`);
    this.names.set(s, name);
    const body = this.body(s, path);
    this.functions.push(`function ${name}(x) {\n${body}\n}`);
    return name;
  }

  private body(s: Schema, path: string): string {
    const d = defOf(s);
    const no = (what: string): never => {
      throw new Error(`fast validator: ${path || '(root)'}: ${what} is not supported; teach src/model/fast-validator.ts, or keep it out of the schema`);
    };
    const checks = checksOf(s);
    switch (d.type) {
      case 'string': {
        if (d.format === 'date' && d.pattern instanceof RegExp) {
          if (checks.length) no('a check on a date');
          return `  return typeof x === "string" && ${this.constant(d.pattern.toString(), path, 'date')}.test(x) ? x : I;`;
        }
        if (d.format !== undefined || d.coerce) no(`string format ${String(d.format)}`);
        const lines = ['  if (typeof x !== "string") return I;'];
        for (const c of checks) {
          if (c.check === 'overwrite' && String(c.tx) === TRIM) lines.push('  x = x.trim();');
          else if (c.check === 'min_length' && c.minimum === 1) lines.push('  if (x.length < 1) return I;');
          else no(`string check ${c.check}`);
        }
        return [...lines, '  return x;'].join('\n');
      }
      case 'number': {
        if (d.coerce) no('a coerced number');
        const lines = ['  if (typeof x !== "number" || !Number.isFinite(x)) return I;'];
        for (const c of checks) {
          if (c.check === 'number_format' && c.format === 'safeint') lines.push('  if (!Number.isSafeInteger(x)) return I;');
          else if (c.check === 'greater_than' && typeof c.value === 'number') lines.push(`  if (!(x ${c.inclusive ? '>=' : '>'} ${c.value})) return I;`);
          else if (c.check === 'less_than' && typeof c.value === 'number') lines.push(`  if (!(x ${c.inclusive ? '<=' : '<'} ${c.value})) return I;`);
          else no(`number check ${c.check}`);
        }
        return [...lines, '  return x;'].join('\n');
      }
      case 'unknown':
        // Checked elsewhere: a plugin's own schema checks its custom facts; answers
        // kept per respondent (`responses[].answers`) are checked against each fact's schema when resolved.
        if (checks.length) no('a check on an unknown');
        return '  return x;';
      case 'boolean':
        if (checks.length || d.coerce) no('a check on a boolean');
        return '  return typeof x === "boolean" ? x : I;';
      case 'enum': {
        const values = Object.values(d.entries as Record<string, unknown>);
        if (!values.every((v) => typeof v === 'string')) no('a non-text enum');
        return `  return ${this.set(values, path, 'choices')}.has(x) ? x : I;`;
      }
      case 'literal': {
        const values = d.values as unknown[];
        if (!values.every((v) => typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean')) no('this literal');
        return `  return ${values.map((v) => `x === ${JSON.stringify(v)}`).join(' || ')} ? x : I;`;
      }
      case 'array': {
        const el = this.fn(d.element as Schema, `${path}[]`);
        const lines = [
          '  if (!Array.isArray(x)) return I;',
          '  const out = [];',
          `  for (let i = 0; i < x.length; i++) {`,
          `    const r = ${el}(x[i]);`,
          '    if (r === I) return I;',
          '    out.push(r);',
          '  }',
        ];
        for (const c of checks) {
          if (c.check === 'custom' && c.fn === noneAlone) lines.push('  if (!noneAlone(out)) return I;');
          else no(`array check ${c.check}`);
        }
        return [...lines, '  return out;'].join('\n');
      }
      case 'object': {
        if (checks.length) no('a check on an object');
        const catchall = d.catchall as Schema | undefined;
        if (!catchall || defOf(catchall).type !== 'never') no('an object that is not strict');
        const shape = d.shape as Record<string, Schema>;
        const keys = Object.keys(shape);
        const lines = ['  if (!isPlain(x)) return I;', `  for (const k of Object.keys(x)) if (!${this.set(keys, path, 'keys')}.has(k)) return I;`, '  const out = {};'];
        for (const k of keys) {
          const optional = defOf(shape[k]!).type === 'optional';
          const key = JSON.stringify(k);
          lines.push(
            `  if (x[${key}] !== undefined) {`,
            `    const r = ${this.fn(shape[k]!, path ? `${path}.${k}` : k)}(x[${key}]);`,
            '    if (r === I) return I;',
            `    out[${key}] = r;`,
            // A key that is there with nothing in it: zod's own rules decide.
            `  } else if (${optional ? `${key} in x` : 'true'}) return I;`,
          );
        }
        return [...lines, '  return out;'].join('\n');
      }
      case 'record': {
        if (checks.length) no('a check on a record');
        const keyDef = defOf(d.keyType as Schema);
        let keyTest: string;
        if (keyDef.type === 'string' && checksOf(d.keyType as Schema).length === 0 && keyDef.format === undefined) keyTest = '';
        else if (keyDef.type === 'enum' && d.partial) keyTest = `    if (!${this.set(Object.values(keyDef.entries as Record<string, string>), path, 'keys')}.has(k)) return I;\n`;
        else return no('this record');
        const value = this.fn(d.valueType as Schema, `${path}.*`);
        return [
          '  if (!isPlain(x)) return I;',
          '  const out = {};',
          '  for (const k of Object.keys(x)) {',
          '    if (k === "__proto__") return I;',
          `${keyTest}    const r = ${value}(x[k]);`,
          '    if (r === I) return I;',
          '    out[k] = r;',
          '  }',
          '  return out;',
        ].join('\n');
      }
      default:
        return no(`a ${d.type}`);
    }
  }

  get code(): string[] {
    return [...[...this.constants].map(([value, name]) => `const ${name} = ${value};`), '', ...this.functions.map((f) => `${f}\n`)];
  }
}

/** The source of a module exporting `validateOrg(input)`: the parsed org, or INVALID. */
export function generateValidator(root: Schema, source: string): string {
  const g = new Generator();
  const entry = g.fn(root, '');
  return [
    `// Generated by the build from ${source} (see src/model/fast-validator.ts). Do not edit.`,
    '// @ts-nocheck',
    "import { INVALID as I } from './invalid';",
    "import { noneAlone } from './checks';",
    '',
    'const isPlain = (x) => typeof x === "object" && x !== null && (Object.getPrototypeOf(x) === Object.prototype || Object.getPrototypeOf(x) === null);',
    '',
    ...g.code,
    '/** The org as zod would parse it, or INVALID (then zod decides, and says why). */',
    `export const validateOrg: (input: unknown) => unknown = ${entry};`,
    '',
  ].join('\n');
}
