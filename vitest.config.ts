import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // `import CSS from './html.css?raw'`: the file's text, as the build inlines it (scripts/build.mjs,
  // plugin raw-text). Vitest empties every .css module (even with ?raw), so these are loaded here,
  // as virtual modules that it does not take for CSS.
  plugins: [
    {
      name: 'raw-text',
      enforce: 'pre',
      resolveId(source, importer) {
        if (!source.endsWith('?raw') || !importer) return null;
        // Ends in `.txt`, not `.css`: Vitest's CSS handling goes by the id's extension.
        return `\0raw-text:${resolve(dirname(importer), source.slice(0, -'?raw'.length))}.txt`;
      },
      load(id) {
        if (!id.startsWith('\0raw-text:')) return null;
        return `export default ${JSON.stringify(readFileSync(id.slice('\0raw-text:'.length, -'.txt'.length), 'utf8'))};`;
      },
    },
  ],
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    // End-to-end tests spawn the built binary; give a slow CI machine room.
    testTimeout: 30_000,
  },
});
