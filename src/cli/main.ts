// The CLI entry point, bundled into dist/cli.cjs. A closed stdout pipe is
// handled where output is written (stdio.ts).
import { main } from './program';
import { stdoutFailed } from './stdio';

main(process.argv).then((code) => {
  // Output that could not be written is exit 2, whatever the run found.
  process.exitCode = stdoutFailed() ? 2 : code;
});
