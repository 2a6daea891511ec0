// Bundles the CLI into one CommonJS file (dist/cli.cjs) plus a V8 code cache
// (dist/cli.cache) that src/boot.cjs loads: start-up then resolves one file and
// skips most compilation. The prompt library stays external and is import()ed
// only by the interview, so `audit` and `lint` never load it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// commander require()s node:child_process at load time, only to spawn
// executable subcommands (which this CLI has none of); loading that built-in
// (and node:net behind it) is a few ms of every start. Give commander a proxy
// that loads it on first use instead.
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "let m; module.exports = new Proxy({}, { get: (_, k) => (m ??= require('node:child_process'))[k] });",
      loader: 'js',
    }));
  },
};
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
rmSync(`${root}dist`, { recursive: true, force: true });
mkdirSync(`${root}dist`);

await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  // Keep import() as import() so ESM-only externals load lazily at run time.
  supported: { 'dynamic-import': true },
  external: ['@inquirer/prompts', 'playwright-core'],
  define: { __VERSION__: JSON.stringify(pkg.version), 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl=require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
  plugins: [lazyChildProcessForCommander],
});
copyFileSync(`${root}src/boot.cjs`, `${root}dist/boot.cjs`);

// The org file's JSON Schema at the package root, for the examples' and
// templates' yaml-language-server lines (a test checks it is current).
const schema = spawnSync(process.execPath, [`${root}dist/boot.cjs`, 'schema'], { encoding: 'utf8' });
if (schema.status !== 0) {
  console.error(`build: generating the JSON Schema failed:\n${schema.stderr}`);
  process.exit(1);
}
writeFileSync(`${root}sales-audit.schema.json`, schema.stdout);

// Warm the code cache on representative runs (the JSON audit is what CI and the
// benchmark time; text rendering and rules listing fill in the rest).
const example = `${root}templates/examples/mid-size-gaps.yaml`;
const runs = existsSync(example)
  ? [['audit', example, '--format', 'json', '--date', '2026-01-01'], ['audit', example, '--date', '2026-01-01']]
  : [['rules', '--format', 'json']];
for (const args of runs) {
  const r = spawnSync(process.execPath, [`${root}dist/boot.cjs`, ...args], {
    env: { ...process.env, SALES_AUDIT_WRITE_CODE_CACHE: '1', NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (r.status !== 0 && r.status !== 1) {
    console.error(`build: warming the code cache failed (exit ${r.status}):\n${r.stderr}`);
    process.exit(1);
  }
}
