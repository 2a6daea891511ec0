// `npm run new-rule <id>`: a new rule in three files. Writes rules/<id>.ts (a
// working skeleton that reads one fact), test/rules/<id>.test.ts (its tests,
// passing as written) and registers the rule at the end of rules/index.ts.
// The skeleton's words are marked TODO: the rules meta-test fails until they
// are written (title, source, docs, messages, steps). CONTRIBUTING.md walks
// through the rest. Only Node built-ins: it runs before anything is built.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const id = process.argv[2];
const fail = (msg) => {
  console.error(`new-rule: ${msg}`);
  process.exit(2);
};
if (!id || process.argv.length > 3) fail('usage: npm run new-rule <id>   (an id in lower-case words joined by hyphens: forecast-tracked)');
if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(id)) fail(`"${id}" is not a rule id: lower-case words joined by hyphens (forecast-tracked)`);
const rulePath = `${root}rules/${id}.ts`;
const testPath = `${root}test/rules/${id}.test.ts`;
const indexPath = `${root}rules/index.ts`;
for (const p of [rulePath, testPath]) if (existsSync(p)) fail(`${p.slice(root.length)} exists already: pick another id`);
const ident = id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const index = readFileSync(indexPath, 'utf8');
if (new RegExp(`from '\\./${id}'`).test(index)) fail(`rules/index.ts lists ${id} already`);

// The registry: the import after the last rule import, the rule last in the list (reports list rules in this order).
const imports = [...index.matchAll(/^import \w+ from '\.\/[\w-]+';\n/gm)];
const close = index.indexOf('] as unknown as readonly RuleDefinition[]');
if (!imports.length || close < 0) fail('rules/index.ts is not in the shape this script knows (imports, then `export const rules = [...] as unknown as readonly RuleDefinition[]`)');
const afterImports = imports.at(-1).index + imports.at(-1)[0].length;
const registered = index.slice(0, afterImports) + `import ${ident} from './${id}';\n` + index.slice(afterImports, close) + `  ${ident},\n` + index.slice(close);

const rule = `// TODO: the practice this rule checks, and where it comes from, in a line or two.
import { defineRule } from '../src/engine/define-rule';

export default defineRule({
  id: '${id}',
  title: 'TODO: the good practice, as a statement',
  source: 'TODO: where it comes from (Jackson, mistake 7)',
  category: 'process',
  severity: 'medium',
  // Every fact the check reads (list items as people[].x): the interview asks
  // for them, and the reads meta-test holds this list to what check() reads.
  reads: ['plan.documented'],
  docs: {
    description: 'TODO: what the rule checks, in one or two sentences.',
    rationale: 'TODO: why it matters.',
  },
  messages: {
    missing: 'TODO: the finding, in a sentence a client reads.',
  },
  steps: {
    fix: { action: 'TODO: the remediation step.', owner: 'CEO', effort: 'medium' },
  },
  check({ org, finding, step }) {
    const documented = org.plan?.documented;
    // An unknown fact earns nothing: the rule says which facts would settle it.
    if (documented === undefined) return { notAssessed: ['plan.documented'] };
    if (documented) return { score: 1 };
    return { score: 0, findings: [finding('missing', ['plan.documented'])], steps: [step('fix', {}, ['plan.documented'])] };
  },
});
`;

const test = `import { describe, expect, it } from 'vitest';
import rule from '../../rules/${id}';
import type { Org } from '../../src/model/schema';
import { expectOutcome, runRule } from '../helpers/rule-harness';
import { example, expectMonotone } from '../helpers/monotone';

describe('${id}', () => {
  it.each([
    { name: 'passes when the fact is as it should be', org: { plan: { documented: true } }, status: 'pass', score: 1, messages: [], steps: [] },
    { name: 'fails when it is not, with the finding and the fix', org: { plan: { documented: false } }, status: 'fail', score: 0, messages: ['missing'], paths: ['plan.documented'], steps: ['fix'] },
    { name: 'is not assessed while the fact is unknown', org: {}, status: 'not-assessed', score: 0, messages: [], missing: ['plan.documented'] },
  ] as { name: string; org: Org; status: string; score: number; messages: string[]; paths?: string[]; steps?: string[]; missing?: string[] }[])('$name', ({ org, name: _name, ...want }) => {
    expectOutcome(runRule(rule, org), want);
  });

  it('never scores higher for knowing less (deleting any fact of the bundled examples)', async () => {
    for (const name of ['struggling-startup', 'mid-size-gaps', 'healthy-org']) expectMonotone(rule, await example(name));
    expect(runRule(rule, await example('healthy-org')).status).not.toBe('error');
  });
});
`;

writeFileSync(rulePath, rule);
writeFileSync(testPath, test);
writeFileSync(indexPath, registered);
console.log(`new-rule: wrote rules/${id}.ts and test/rules/${id}.test.ts, and listed ${ident} last in rules/index.ts.
Next (CONTRIBUTING.md, "Adding a rule"):
  1. write what it checks: title, source, docs, messages and steps (the rules meta-test fails while any says TODO);
  2. read the facts it needs in check() and list each in reads (a new fact goes in src/model/schema.ts with its question);
  3. npx vitest run test/rules/${id}.test.ts test/rules/meta.test.ts, then npm run update-snapshots (a new rule moves the examples' headlines) and npm test.`);
