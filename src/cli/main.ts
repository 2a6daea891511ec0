// The CLI entry point, bundled into dist/cli.js.
import { main } from './program';

// A closed pipe (`sales-audit audit x | head`) is not an error worth a trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
});

main(process.argv).then((code) => {
  process.exitCode = code;
});
