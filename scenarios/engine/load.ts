import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { CODES, scenarioError } from './errors.ts';

export type DataPath = readonly (string | number)[];

/**
 * A scenario file parsed into plain data, with the positions of every node kept so that any
 * later error (schema, names, references, overrides) can say `file.yaml:line:column`.
 * Pure: it takes the text and the file name; reading files is scenarios/files.ts's job.
 */
export interface LoadedSource {
  file: string;
  text: string;
  data: unknown;
  /** `file:line:column` of the value at `path` (of its key with `key: true`); the nearest existing ancestor otherwise. */
  where(path: DataPath, opts?: { key?: boolean }): string;
}

export function loadYaml(text: string, file: string): LoadedSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const pos = (offset: number): string => {
    const { line, col } = lineCounter.linePos(offset);
    return `${file}:${line}:${col}`;
  };
  const first = doc.errors[0];
  if (first) {
    const opened = /end with a ([}\]])/.exec(first.message);
    const open = opened ? unclosedBefore(text, first.pos[0], opened[1] === '}' ? '{' : '[') : undefined;
    const hint = open !== undefined
      ? `the ${opened?.[1] === '}' ? '{' : '['} opened at ${pos(open).slice(file.length + 1)} is not closed`
      :
      first.code === 'DUPLICATE_KEY'
        ? 'each key may appear once in a mapping'
        : first.code === 'BAD_INDENT' || first.code === 'MISSING_CHAR'
          ? 'check the indentation and close every [ ] and { }'
          : 'scenarios are YAML; see scenarios/README.md';
    throw scenarioError(CODES.yaml, `YAML syntax error: ${first.message.replace(/\s+at line \d+.*$/s, '')} (${first.code})`, {
      where: pos(first.pos[0]),
      hint,
    });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    // yaml refuses alias expansion past maxAliasCount ("billion laughs") with a plain ReferenceError.
    throw scenarioError(CODES.yaml, `YAML aliases expand too far: ${(e as Error).message}`, {
      where: file,
      hint: 'aliases (*name) may expand to at most 1000 nodes; write the repeated part out or use repeat:',
    });
  }
  return { file, text, data, where: (path, opts) => wherePath(doc, path, opts?.key ?? false, pos, file) };
}

/** The offset of the last unmatched `open` bracket before `end` (quotes are not tracked: a hint only). */
function unclosedBefore(text: string, end: number, open: '{' | '['): number | undefined {
  const close = open === '{' ? '}' : ']';
  let depth = 0;
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    if (text[i] === close) depth++;
    else if (text[i] === open) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

function wherePath(doc: Document, path: DataPath, key: boolean, pos: (o: number) => string, file: string): string {
  for (let n = path.length; n >= 0; n--) {
    const sub = path.slice(0, n);
    if (key && n === path.length && n > 0) {
      const parent = sub.length > 1 ? doc.getIn(sub.slice(0, -1), true) : doc.contents;
      const k = sub[sub.length - 1];
      if (isMap(parent)) {
        const pair = parent.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === k);
        const kn = pair?.key as YamlNode | undefined;
        if (kn?.range) return pos(kn.range[0]);
      }
      continue;
    }
    const node = (sub.length === 0 ? doc.contents : doc.getIn(sub, true)) as YamlNode | null | undefined;
    if (node && (isMap(node) || isSeq(node) || isScalar(node)) && node.range) return pos(node.range[0]);
  }
  return `${file}:1:1`;
}
