// Runs the composite action in action.yml the way a GitHub runner would, for
// CI here: each `run:` step in bash, in the workspace, with GITHUB_ACTION_PATH,
// GITHUB_OUTPUT, the step's env (inputs and step outputs filled in) and its
// `if:`. Steps that `uses:` another action (the SARIF upload) cannot run
// here and are listed as skipped. Exits with the code the job would have (1 if
// a step failed). An expression it does not know stops it, so a change to
// action.yml cannot pass untested.
// Usage: node .ci/run-action.mjs <action folder> <workspace> [input=value ...]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const [actionPath, workspace, ...pairs] = process.argv.slice(2);
const action = parse(readFileSync(join(actionPath, 'action.yml'), 'utf8'));
if (action.runs?.using !== 'composite') throw new Error('action.yml: expected runs.using: composite');
const inputs = Object.fromEntries(Object.entries(action.inputs ?? {}).map(([k, v]) => [k, String(v.default ?? '')]));
for (const pair of pairs) {
  const i = pair.indexOf('=');
  const key = pair.slice(0, i);
  if (!(key in inputs)) throw new Error(`action.yml has no input ${key}`);
  inputs[key] = pair.slice(i + 1);
}
const outputs = {};
let failed = false;

const value = (expr) => {
  let m = /^inputs\.([\w-]+)$/.exec(expr);
  if (m) return inputs[m[1]];
  m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr);
  if (m) return outputs[m[1]]?.[m[2]] ?? '';
  throw new Error(`run-action: unknown expression \${{ ${expr} }}`);
};
const fill = (text) => String(text).replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, e) => value(e));
const condition = (expr) => {
  if (expr === undefined) return !failed;
  const m = /^([\w.-]+) != '(.*)'$/.exec(expr);
  if (m) return value(m[1]) !== m[2];
  throw new Error(`run-action: unknown condition ${expr}`);
};

for (const step of action.runs.steps) {
  const name = step.name ?? step.id ?? step.uses;
  if (step.uses) {
    console.log(`== action step "${name}": skipped here (uses ${step.uses})`);
    continue;
  }
  if (!condition(step.if)) {
    console.log(`== action step "${name}": condition false, not run`);
    continue;
  }
  if (step.shell !== 'bash') throw new Error(`run-action: step "${name}": only shell bash is run here`);
  console.log(`== action step "${name}"`);
  const out = join(mkdtempSync(join(tmpdir(), 'sales-audit-action-')), 'output');
  writeFileSync(out, '');
  const env = { ...process.env, GITHUB_ACTION_PATH: actionPath, GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: out };
  for (const [k, v] of Object.entries(step.env ?? {})) env[k] = fill(v);
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { cwd: workspace, env, stdio: 'inherit' });
  if (step.id)
    outputs[step.id] = Object.fromEntries(
      readFileSync(out, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
  if (r.status !== 0) {
    console.log(`== action step "${name}" failed (exit ${r.status})`);
    failed = true;
  }
}
for (const [k, v] of Object.entries(action.outputs ?? {})) console.log(`output ${k}=${fill(v.value)}`);
process.exit(failed ? 1 : 0);
