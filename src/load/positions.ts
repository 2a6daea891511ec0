// Maps each fact path to where it stands in the source file, so findings and
// diagnostics can say `org.yaml:12:5`. Built once per load by the YAML reader
// (fast-yaml.ts, or yaml-doc.ts) and extended by the CSV roster.
import { ancestors } from '../model/paths';
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
