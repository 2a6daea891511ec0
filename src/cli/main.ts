// The CLI entry point, bundled into dist/cli.cjs. A closed stdout pipe is
// handled where output is written (stdio.ts).
import { main } from './program';

main(process.argv).then((code) => {
  process.exitCode = code;
});
