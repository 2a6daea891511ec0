// Two allocations js-yaml 4.3.2 makes for every node it reads, moved to where
// they are used, in the copy the build bundles into the CLI (scripts/build.mjs;
// the library API and the tests import js-yaml as published). Linting 1,000
// org files allocated 1.4 GB, of which these were 310 MB (a heap profile with
// the objects minor GCs collect): most of the parse's garbage.
// - composeNode snapshots the parser state before it reads a node's tag (`!`)
//   or anchor (`&`) property, for every node; the snapshot is only ever used
//   after one is read, and readTagProperty / readAnchorProperty read nothing
//   unless the node starts with `!` or `&`: so the snapshot is taken only then.
// - readFlowCollection makes its table of keys (Object.create(null), a
//   dictionary object) before it looks whether a `[` or `{` starts a flow
//   collection at all, which for every other node it does not: made after.
// The parse is the same (test/scripts/js-yaml-patch.test.ts parses every
// bundled example, and YAML with tags, anchors and flow collections, with
// both and compares). Each edit must find its exact text: a js-yaml that
// changed fails the build here, and the edits are looked at again.

import { readFileSync } from 'node:fs';

/** The pieces replaced: the text js-yaml has, and what it becomes. */
const EDITS = [
  {
    what: "composeNode's state snapshot before a node's properties",
    from: '        const propertyState = snapshotState(state);\n',
    to: '        const propertyState = ch === 33 || ch === 38 ? snapshotState(state) : null;\n',
  },
  {
    what: "readFlowCollection's key table, before it knows there is a collection",
    from: '    const overridableKeys = /* @__PURE__ */ Object.create(null);\n    let keyNode;\n    let keyTag;\n    let valueNode;\n    let ch = state.input.charCodeAt(state.position);\n    if (ch === 91) {',
    to: '    let overridableKeys;\n    let keyNode;\n    let keyTag;\n    let valueNode;\n    let ch = state.input.charCodeAt(state.position);\n    if (ch === 91) {',
  },
  {
    what: "readFlowCollection's key table, made once a collection starts",
    from: '      _result = {};\n    } else {\n      return false;\n    }\n',
    to: '      _result = {};\n    } else {\n      return false;\n    }\n    overridableKeys = Object.create(null);\n',
  },
];

/**
 * js-yaml's ES module text (dist/js-yaml.mjs) with the edits above; throws
 * when any edit does not find its text exactly once (another js-yaml version).
 */
export function patchJsYaml(source) {
  let out = source;
  for (const e of EDITS) {
    const at = out.indexOf(e.from);
    if (at < 0 || out.indexOf(e.from, at + 1) >= 0)
      throw new Error(`js-yaml patch: ${e.what}: the text to replace is ${at < 0 ? 'not found' : 'found more than once'} (a js-yaml other than 4.3.2? see scripts/js-yaml-patch.mjs)`);
    out = out.slice(0, at) + e.to + out.slice(at + e.from.length);
  }
  return out;
}

/** The esbuild plugin that bundles js-yaml's ES module patched. */
export const jsYamlPatch = {
  name: 'js-yaml-patch',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]js-yaml[\\/]dist[\\/]js-yaml\.mjs$/ }, (args) => ({ contents: patchJsYaml(readFileSync(args.path, 'utf8')), loader: 'js' }));
  },
};
