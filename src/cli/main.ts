// The CLI entry point, bundled into dist/cli.cjs. A closed stdout pipe is
// handled where output is written (stdio.ts).
import { main } from './program';
import { stdoutFailed, takeWriteError } from './stdio';

process.on('uncaughtException', (e) => {
  if (takeWriteError(e)) return;
  // Anything else crashes as it would have without this listener.
  process.removeAllListeners('uncaughtException');
  process.nextTick(() => {
    throw e;
  });
});

main(process.argv).then((code) => {
  // Output that could not be written is exit 2, whatever the run found.
  process.exitCode = stdoutFailed() ? 2 : code;
});
