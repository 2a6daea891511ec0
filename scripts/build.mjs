// Bundles the CLI into CommonJS chunks (dist/cli.cjs, dist/chunks/*.cjs), each
// with a V8 code cache (*.<V8 version>-<arch>.cache) that bin/sales-audit.js
// loads: a command reads only the chunks it runs and skips most compilation.
// A cache loads only into the V8 that made it, so the build warms one set with
// the Node running it and one with each Node named in SALES_AUDIT_CACHE_NODES
// (paths, separated by the platform's path delimiter: a package packed for
// Node 20, 22 and 24 starts fast on each). The prompt library stays
// external and is import()ed only by the interview, so `audit` and `lint` never
// load it.
import { build, transform } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// commander require()s node:child_process at load time, only to spawn
// executable subcommands (which this CLI has none of); loading that built-in
// (and node:net behind it) is a few ms of every start. Give commander a proxy
// that loads it on first use instead.
const lazyChildProcessForCommander = {
  name: 'lazy-child-process-for-commander',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (/[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents: "let m; module.exports = new Proxy({}, { get: (_, k) => (m ??= require('node:child_process'))[k] });",
      loader: 'js',
    }));
  },
};
// `import CSS from './html.css?raw'`: a file's text as a string (the report's
// style sheets, the questionnaire form's script), so each page stays one
// self-contained file. Vitest (Vite) reads the same `?raw` imports itself.
const rawText = {
  name: 'raw-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: join(args.resolveDir, args.path.slice(0, -'?raw'.length)), namespace: 'raw-text' }));
    b.onLoad({ filter: /.*/, namespace: 'raw-text' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text', watchFiles: [args.path] }));
  },
};
// chalk detects the terminal's colour support when it loads (its vendored
// supports-color), which loads node:tty and node:os, and node:net and the
// streams behind them: several ms of `lint` on every start. The CLI never
// uses that answer: every Chalk it makes is given its level, which
// src/cli/output.ts useColor decides (a TTY, NO_COLOR, FORCE_COLOR). So chalk
// gets a supports-color that detects nothing.
const chalkWithoutDetection = {
  name: 'chalk-without-detection',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) => (/[\\/]node_modules[\\/]chalk[\\/]/.test(args.importer) ? { path: 'supports-color', namespace: 'no-detection' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'no-detection' }, () => ({ contents: 'export default { stdout: false, stderr: false };', loader: 'js' }));
  },
};
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
rmSync(`${root}dist`, { recursive: true, force: true });
mkdirSync(`${root}dist`);

// The org validator generated from the zod schema (src/model/fast-validator.ts
// says why), regenerated on every build so it can never fall behind the schema.
{
  const tmp = `${root}dist/gen-validator.cjs`;
  await build({ absWorkingDir: root, entryPoints: ['scripts/gen-validator.ts'], outfile: tmp, bundle: true, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'warning' });
  const gen = spawnSync(process.execPath, [tmp], { encoding: 'utf8' });
  rmSync(tmp);
  if (gen.status !== 0) {
    console.error(`build: generating the org validator failed:\n${gen.stderr}`);
    process.exit(1);
  }
  const target = `${root}src/model/org-validator.generated.ts`;
  if (!existsSync(target) || readFileSync(target, 'utf8') !== gen.stdout) writeFileSync(target, gen.stdout);
}

// The interview's questions as plain data (scripts/gen-questions.ts says why), regenerated the same way.
{
  const tmp = `${root}dist/gen-questions.cjs`;
  await build({ absWorkingDir: root, entryPoints: ['scripts/gen-questions.ts'], outfile: tmp, bundle: true, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'warning' });
  const gen = spawnSync(process.execPath, [tmp], { encoding: 'utf8' });
  rmSync(tmp);
  if (gen.status !== 0) {
    console.error(`build: generating the question table failed:\n${gen.stderr}`);
    process.exit(1);
  }
  const target = `${root}src/model/questions.generated.ts`;
  if (!existsSync(target) || readFileSync(target, 'utf8') !== gen.stdout) writeFileSync(target, gen.stdout);
}

// esbuild splits the code at every import() into chunks, so each command reads
// and compiles only what it runs (`audit --format json` never touches the YAML
// writer, the prompts, the HTML report...). Node 20 can only load CommonJS
// through vm.Script with a code cache, so each chunk is then rewritten as
// CommonJS; its import()s of other chunks become require()s that
// bin/sales-audit.js serves.
const split = await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  write: false,
  external: ['@inquirer/prompts'],
  define: { __VERSION__: JSON.stringify(pkg.version), 'import.meta.url': '__meta.url' },
  logLevel: 'warning',
  plugins: [lazyChildProcessForCommander, rawText, chalkWithoutDetection],
});
mkdirSync(`${root}dist/chunks`);
// Keep in step with bin/sales-audit.js, which passes these.
const WRAPPER = '(function (exports, require, module, __filename, __dirname, __meta) {';
for (const out of split.outputFiles) {
  const cjs = await transform(out.text, {
    format: 'cjs',
    loader: 'js',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    supported: { 'dynamic-import': false },
    logLevel: 'warning',
  });
  // Written wrapped, as bin/sales-audit.js compiles it: wrapping at run time would
  // copy every chunk's source once more on each start.
  // ASCII only (esbuild escapes everything else by default): the launcher reads chunks as latin1.
  // esbuild leaves tagged templates as written (a tag may read their raw text); the HTML
  // template (src/report/html-template.ts) reads only the cooked text, for which \uXXXX is the same.
  const code = cjs.code.replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeFileSync(out.path, `${WRAPPER}${code}\n})`);
}

// The library API (`import { audit } from 'sales-audit'`, package.json
// `exports`): one ES module, its dependencies left to node_modules, and its
// declarations (tsc, declarations only) under dist/types. Separate from the
// CLI's chunks, so nothing here touches the CLI's start-up.
await build({
  absWorkingDir: root,
  entryPoints: ['src/api.ts'],
  outfile: 'dist/api.js',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  // Small in the package; function and class names kept for readable stack traces.
  minify: true,
  keepNames: true,
  legalComments: 'none',
  define: { __VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
  plugins: [rawText],
});
{
  const tsc = spawnSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}tsconfig.api.json`], { encoding: 'utf8' });
  if (tsc.status !== 0) {
    console.error(`build: the API's type declarations failed:\n${tsc.stdout}${tsc.stderr}`);
    process.exit(1);
  }
  // Declarations that Node's own resolution (moduleResolution node16/nodenext)
  // follows too: relative imports name the .js file (or the folder's index.js).
  const rewrite = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) rewrite(p);
      else if (p.endsWith('.d.ts')) {
        const text = readFileSync(p, 'utf8').replace(/((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]*?)(['"])/g, (m, a, spec, z) => {
          if (/\.(js|json)$/.test(spec)) return m;
          return `${a}${existsSync(join(dirname(p), `${spec}.d.ts`)) ? `${spec}.js` : `${spec}/index.js`}${z}`;
        });
        writeFileSync(p, text);
      }
    }
  };
  rewrite(`${root}dist/types`);
}

// The org file's JSON Schema at the package root, for the examples' and
// templates' yaml-language-server lines (a test checks it is current).
const schema = spawnSync(process.execPath, [`${root}bin/sales-audit.js`, 'schema'], { encoding: 'utf8' });
if (schema.status !== 0) {
  console.error(`build: generating the JSON Schema failed:\n${schema.stderr}`);
  process.exit(1);
}
writeFileSync(`${root}sales-audit.schema.json`, schema.stdout);

const example = `${root}templates/examples/mid-size-gaps.yaml`;

// dist/start.cjs: the chunks `audit --format json` and `lint` run, in one file
// (see bin/sales-audit.js), found by running them. Each chunk keeps its own
// file too, for every other command and for the tests that read them.
{
  const inPack = new Set();
  for (const args of [
    ['audit', example, '--format', 'json', '--date', '2026-01-01'],
    ['lint', example, '--date', '2026-01-01'],
  ]) {
    const r = spawnSync(process.execPath, [`${root}bin/sales-audit.js`, ...args], {
      env: { ...process.env, SALES_AUDIT_DEBUG_STARTUP: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    for (const m of r.stderr.matchAll(/^sales-audit: loaded (\S+), code cache \w+$/gm)) inPack.add(m[1]);
  }
  if (inPack.size < 5) {
    console.error(`build: finding the chunks of the JSON audit failed (${[...inPack].join(', ') || 'none'})`);
    process.exit(1);
  }
  // An object literal of the chunks' functions (each file is already one parenthesised function).
  const entries = [...inPack].map((name) => `${JSON.stringify(name)}:${readFileSync(`${root}dist/${name}`, 'latin1')}`);
  writeFileSync(`${root}dist/start.cjs`, `({${entries.join(',\n')}})\n`);
}

// Warm the code caches on representative runs. Each run that loads a chunk
// rewrites its cache, starting from the one before, so a cache gathers what
// every earlier run compiled; the run that matters most comes last: the JSON
// audit, which CI and the benchmark time.
// dist/start.cjs's caches are made by the last two runs only ('start'), the
// commands it is for: what the others compiled would be deserialised by every
// start for nothing. It has one per command (start.lint.*.cache,
// start.audit.*.cache; bin/sales-audit.js picks by the command), each made by
// that command's run alone.
const runs = [
  ['explain', 'selling-time'],
  ['schema'],
  ['schema', '--report'],
  ['rules', '--format', 'json'],
  ['rules'],
  ['lint', example, '--format', 'sarif'],
  ['audit', example, '--format', 'markdown', '--date', '2026-01-01'],
  ['audit', example, '--date', '2026-01-01'],
  ['start', 'lint', example],
  ['start', 'audit', example, '--format', 'json', '--date', '2026-01-01'],
];
const nodes = [process.execPath, ...(process.env.SALES_AUDIT_CACHE_NODES ?? '').split(delimiter).filter(Boolean)];
for (const node of nodes) {
  for (const run of runs) {
    const start = run[0] === 'start';
    const args = start ? run.slice(1) : run;
    const r = spawnSync(node, [`${root}bin/sales-audit.js`, ...args], {
      env: { ...process.env, SALES_AUDIT_WRITE_CODE_CACHE: start ? '1' : 'skip-start', NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    if (r.status !== 0 && r.status !== 1) {
      console.error(`build: warming the code cache with ${node} failed (exit ${r.status ?? r.error?.message}):\n${r.stderr}`);
      process.exit(1);
    }
  }
}
