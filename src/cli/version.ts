// Set by the esbuild define in scripts/build.mjs; tests run unbundled.
declare const __VERSION__: string | undefined;
export const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
