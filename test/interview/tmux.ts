// A real pseudo-terminal for end-to-end interview tests: the built binary runs
// in a tmux session (own socket, so it never touches anyone's tmux), keys go in
// with send-keys, the screen comes back with capture-pane. Waits poll the
// screen; there are no fixed sleeps.
import { spawnSync } from 'node:child_process';

const tmux = (socket: string, args: string[]) => {
  const r = spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  if (r.error) throw new Error(`tmux is needed for these tests (apt-get install -y tmux): ${r.error.message}`);
  return r;
};

export class Terminal {
  private readonly socket = `sales-audit-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  /** Starts `command` (a shell line) in a 120x50 terminal; its exit code is printed as EXIT=<n>. */
  constructor(command: string, cwd: string, env: Record<string, string> = {}) {
    const vars = Object.entries({ NO_COLOR: '1', ...env })
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(' ');
    const r = tmux(this.socket, ['new-session', '-d', '-x', '120', '-y', '50', '-c', cwd, `env ${vars} ${command}; echo EXIT=$?; sleep 120`]);
    if (r.status !== 0) throw new Error(`tmux new-session failed: ${r.stderr}`);
  }

  keys(...keys: string[]): void {
    tmux(this.socket, ['send-keys', '-t', '0', ...keys]);
  }

  /** Types text literally (no key names). */
  type(text: string): void {
    tmux(this.socket, ['send-keys', '-t', '0', '-l', text]);
  }

  /** The whole screen plus scrollback. */
  screen(): string {
    return tmux(this.socket, ['capture-pane', '-p', '-t', '0', '-S', '-500']).stdout;
  }

  /** Waits until the screen matches; returns the screen. */
  async waitFor(re: RegExp, timeoutMs = 15_000): Promise<string> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const s = this.screen();
      if (re.test(s)) return s;
      if (Date.now() > until) throw new Error(`timed out waiting for ${re} on screen:\n${s.trimEnd().split('\n').slice(-25).join('\n')}`);
      await new Promise((r) => setTimeout(r, 40));
    }
  }

  /** Sends keys (key names; `=text` types text literally), then waits for the screen to show the next prompt. */
  async answer(keys: string[], next: RegExp): Promise<string> {
    for (const k of keys) {
      if (k.startsWith('=')) this.type(k.slice(1));
      else this.keys(k);
    }
    return this.waitFor(next);
  }

  close(): void {
    tmux(this.socket, ['kill-server']);
  }
}
