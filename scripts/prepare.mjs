// npm's `prepare`: builds dist/ (scripts/build.mjs). npm runs it on `npm install`
// in a clone, on `npm pack` (so the tarball carries what it builds), and when it
// installs this package from a git URL. In that last case, with `--global`
// (`npm install -g git+https://...`, and the pre-commit hook), npm prepares the
// clone with npm_config_global=true still set, so its own install step puts
// no dependency into the clone and the build's tools are missing ("Cannot find
// package 'esbuild'"). The build then installs them itself, from the lockfile,
// into the clone (never globally), and goes on. Only Node built-ins here: this
// runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const resolvable = (name) => {
  try {
    createRequire(`${root}package.json`).resolve(name);
    return true;
  } catch {
    return false;
  }
};

if (!resolvable('esbuild') || !resolvable('zod')) {
  const npm = process.env.npm_execpath;
  console.error('prepare: the build tools are not installed here (an install from a git URL with --global); installing them from the lockfile');
  // The outer install's settings (global, prefix, omit...) would steer this one
  // too; keep only where packages come from and where they are cached.
  const keep = /^npm_config_(cache|registry|userconfig|globalconfig|(https?_)?proxy|noproxy|strict_ssl|cafile|ca|@.*:registry)$/i;
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_/i.test(k) || keep.test(k)));
  const args = ['ci', '--prefix', root, '--global=false', '--include=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
  // ci with --ignore-scripts skips this very script; esbuild's own install script only checks its binary.
  const r = npm ? spawnSync(process.execPath, [npm, ...args], { cwd: root, env, stdio: 'inherit' }) : spawnSync('npm', args, { cwd: root, env, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0 || !resolvable('esbuild')) {
    console.error(`prepare: installing the build tools failed (npm ${args.join(' ')} in ${root}); run it there, then npm run build`);
    process.exit(1);
  }
}

const build = spawnSync(process.execPath, [`${root}scripts/build.mjs`], { cwd: root, stdio: 'inherit' });
process.exit(build.status ?? 1);
