// Maps each fact path to where it stands in the source file, so findings and
// diagnostics can say `org.yaml:12:5`. Built once per load by the YAML reader
// (fast-yaml.ts, or yaml-doc.ts) and extended by the CSV roster.
import { ancestors, formatPath, parsePath } from '../model/paths';
import type { Location } from './diagnostics';

export interface Place {
  /** Where the key starts (for map entries) or the item starts (for list items). */
  key: Location;
  /** Where the value starts. */
  value: Location;
}

/** Places worked out on demand (the fast YAML reader keeps its parse tree instead of a full map). */
export interface PlaceSource {
  get(path: string): Place | undefined;
  /** Every place, in document order. */
  all(): Iterable<[string, Place]>;
}

export class PositionMap {
  private readonly places = new Map<string, Place>();
  /** Sources added later (a CSV roster's cells), asked before the first: like set(), they win. */
  private readonly more: PlaceSource[] = [];

  constructor(private readonly source?: PlaceSource) {}

  set(path: string, place: Place): void {
    this.places.set(path, place);
  }

  /** Places worked out on demand for paths the first source does not have (a roster of 50,000 rows has 650,000 cells). */
  add(source: PlaceSource): void {
    this.more.push(source);
  }

  get(path: string): Place | undefined {
    const known = this.places.get(path);
    if (known) return known;
    for (const m of this.more) {
      const found = m.get(path);
      if (found) {
        this.places.set(path, found);
        return found;
      }
    }
    if (!this.source) return undefined;
    const found = this.source.get(path);
    if (found) this.places.set(path, found);
    return found;
  }

  /** The place of a path, or of its nearest ancestor that exists in the file. */
  locate(path: string): Location | undefined {
    const own = this.get(path);
    if (own) return own.key;
    // A path with an empty key (`answers.` for `"": x`) is spelled without it in the map.
    const plain = formatPath(parsePath(path));
    if (plain !== path && plain) {
      const p = this.get(plain);
      if (p) return p.key;
    }
    for (const a of ancestors(path)) {
      const p = this.get(a);
      if (p) return p.key;
    }
    return undefined;
  }

  /** Where a value is (for type errors), falling back like locate(). */
  locateValue(path: string): Location | undefined {
    return this.get(path)?.value ?? this.locate(path);
  }

  /** Every place: the first source's in document order, then the added sources', then those set here (which win, as in get). */
  entries(): IterableIterator<[string, Place]> {
    if (!this.source && !this.more.length) return this.places.entries();
    const all = new Map(this.source?.all() ?? []);
    for (const m of this.more) for (const [k, v] of m.all()) all.set(k, v);
    for (const [k, v] of this.places) all.set(k, v);
    return all.entries();
  }
}
