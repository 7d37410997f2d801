/** JSON paths as users write them: `QueueName`, `$.data.userId`, `data.file.name`, `items[0].id`. */
import { ProviderMockError, didYouMean } from '../contracts/index.ts';
import { propertySchemas, shapeOf, type SchemaAt } from './shape.ts';

export type Segment = string | number;

export function parsePath(path: string): Segment[] {
  const src = path.trim().replace(/^\$\.?/, '');
  const segs: Segment[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\[["']([^"']+)["']\]/g;
  let consumed = 0;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    if (m[1] !== undefined) segs.push(m[1]);
    else if (m[2] !== undefined) segs.push(Number(m[2]));
    else if (m[3] !== undefined) segs.push(m[3]);
    consumed = re.lastIndex;
  }
  if (src.length && (segs.length === 0 || consumed < src.replace(/\.$/, '').length)) {
    throw new ProviderMockError('PM_PACT_PATH', `cannot read the JSON path "${path}"`, { hint: 'write it like data.userId or $.Items[0].Name' });
  }
  return segs;
}

export function formatPath(segs: readonly Segment[]): string {
  return '$' + segs.map((s) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `['${s}']`)).join('');
}

/** Checks that a path names a field the event's schema has; answers with the valid names otherwise. */
export function checkPathInSchema(root: SchemaAt, segs: readonly Segment[], original: string): void {
  let ats: SchemaAt[] = [root];
  segs.forEach((seg, i) => {
    const shape = shapeOf(ats);
    if (typeof seg === 'number') {
      if (!shape.types.has('array') && shape.types.size > 0) {
        throw new ProviderMockError('PM_PACT_PATH', `${formatPath(segs.slice(0, i))} is not an array`, { where: original });
      }
      ats = shape.items;
      return;
    }
    const next = propertySchemas(shape, seg);
    if (!next) {
      const valid = [...shape.properties.keys()];
      const near = didYouMean(seg, valid);
      throw new ProviderMockError(
        'PM_PACT_UNKNOWN_FIELD',
        `the provider never sends a field "${seg}" at ${formatPath(segs.slice(0, i))}${near.length ? `; did you mean "${near[0]}"?` : ''}`,
        { where: original, validValues: valid },
      );
    }
    ats = next;
  });
}

export function getAt(root: unknown, segs: readonly Segment[]): unknown {
  let cur = root;
  for (const s of segs) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  return cur;
}

/** Sets a value, creating the objects/arrays on the way. */
export function setAt(root: Record<string, unknown>, segs: readonly Segment[], value: unknown): void {
  let cur: Record<string | number, unknown> = root;
  segs.forEach((s, i) => {
    if (i === segs.length - 1) {
      cur[s] = value;
      return;
    }
    const next = cur[s];
    if (next === null || typeof next !== 'object') cur[s] = typeof segs[i + 1] === 'number' ? [] : {};
    cur = cur[s] as Record<string | number, unknown>;
  });
}

/** A copy of `root` holding only the given paths (each with its whole subtree). */
export function pick(root: unknown, paths: readonly Segment[][]): unknown {
  const out: Record<string, unknown> = {};
  for (const segs of paths) {
    const v = getAt(root, segs);
    if (v === undefined) continue;
    setAt(out, segs, structuredClone(v));
  }
  return out;
}
