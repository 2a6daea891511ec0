// `import CSS from './html.css?raw'`: the file's text, inlined by the build
// (scripts/build.mjs, plugin raw-text) and by Vitest (Vite's `?raw`).
declare module '*?raw' {
  /** The file's text, as it is on disk (UTF-8). */
  const text: string;
  export default text;
}
