// The options every bench script reads, in one place: `--name value` pairs,
// `--node <path>` repeatable (default: the Node running the script), the
// bundled example to time, and the built CLI (a bench without a build stops
// with one line, exit 2).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The bench's arguments and paths. `script` names the caller in the error
 * line; `defaultRuns` is the runs per measure without `--runs`.
 */
export function benchArgs(script, defaultRuns) {
  const args = process.argv.slice(2);
  const opt = (name, def) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : def;
  };
  const all = (name) => args.flatMap((a, i) => (a === `--${name}` && args[i + 1] !== undefined ? [args[i + 1]] : []));
  const example = opt('example', 'mid-size-gaps');
  const root = fileURLToPath(new URL('..', import.meta.url));
  if (!existsSync(`${root}dist/cli.cjs`)) {
    console.error(`${script}: dist/cli.cjs is missing; run \`npm run build\` first`);
    process.exit(2);
  }
  return {
    args,
    opt,
    all,
    runs: Number(opt('runs', defaultRuns)),
    example,
    nodes: all('node').length > 0 ? all('node') : [process.execPath],
    root,
    bin: `${root}bin/sales-audit.js`,
    file: `${root}templates/examples/${example}.yaml`,
  };
}
