// Maps each fact path to where it stands in the source file, so findings and
// diagnostics can say `org.yaml:12:5`. Built once per load from the yaml
// Document's node ranges and a LineCounter.
import { isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import { ancestors, formatPath, type Segment } from '../model/paths';
import type { Location } from './diagnostics';

export interface Place {
  /** Where the key starts (for map entries) or the item starts (for list items). */
  key: Location;
  /** Where the value starts. */
  value: Location;
}

export class PositionMap {
  private readonly places = new Map<string, Place>();

  set(path: string, place: Place): void {
    this.places.set(path, place);
  }

  get(path: string): Place | undefined {
    return this.places.get(path);
  }

  /** The place of a path, or of its nearest ancestor that exists in the file. */
  locate(path: string): Location | undefined {
    const own = this.places.get(path);
    if (own) return own.key;
    for (const a of ancestors(path)) {
      const p = this.places.get(a);
      if (p) return p.key;
    }
    return undefined;
  }

  /** Where a value is (for type errors), falling back like locate(). */
  locateValue(path: string): Location | undefined {
    return this.places.get(path)?.value ?? this.locate(path);
  }

  entries(): IterableIterator<[string, Place]> {
    return this.places.entries();
  }
}

export function mapPositions(file: string, root: Node | null | undefined, lc: LineCounter, map = new PositionMap()): PositionMap {
  const at = (offset: number): Location => {
    const { line, col } = lc.linePos(offset);
    return { file, line, column: col };
  };
  const walk = (node: unknown, segs: Segment[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
        if (key === undefined || !keyNode?.range) continue;
        const path = [...segs, key];
        const valueNode = pair.value as Node | null;
        const keyLoc = at(keyNode.range[0]);
        map.set(formatPath(path), { key: keyLoc, value: valueNode?.range ? at(valueNode.range[0]) : keyLoc });
        walk(valueNode, path);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const n = item as Node | null;
        if (!n?.range) return;
        const loc = at(n.range[0]);
        map.set(formatPath([...segs, i]), { key: loc, value: loc });
        walk(n, [...segs, i]);
      });
    }
  };
  walk(root, []);
  return map;
}
