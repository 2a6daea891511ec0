// The CLI entry point, bundled into dist/cli.cjs. A closed stdout pipe is
// handled where output is written (stdio.ts).
import { allowHeapTuning } from '../load/heap';
import { main } from './program';
import { stdoutFailed, takeWriteError } from './stdio';

// The CLI owns its process: a large org file may tune V8's heap (src/load/heap.ts).
allowHeapTuning();

process.on('uncaughtException', (e) => {
  if (takeWriteError(e)) return;
  // Anything else crashes as it would have without this listener.
  process.removeAllListeners('uncaughtException');
  process.nextTick(() => {
    throw e;
  });
});

// A worker thread of a large `lint` (src/cli/lint-workers.ts) runs this same
// entry point: it serves lint batches instead of a command.
const worker = process.env.SALES_AUDIT_LINT_WORKER === '1' ? import('node:worker_threads').then((w) => !w.isMainThread) : Promise.resolve(false);
void worker.then((inWorker) =>
  inWorker
    ? import('./lint-workers').then((w) => w.runLintWorker())
    : main(process.argv).then((code) => {
        // Output that could not be written is exit 2, whatever the run found.
        process.exitCode = stdoutFailed() ? 2 : code;
      }),
);
