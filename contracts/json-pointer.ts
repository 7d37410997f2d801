/** RFC 6901 JSON Pointers (`/data/sessionId`), as the schemas' `x-entity-key` and the delivery profiles use them. */

const tokensCache = new Map<string, readonly string[]>();

/** `/data/a~1b` → ['data', 'a/b'] (cached and shared, so read-only: the same few pointers are read on hot paths). */
export function pointerTokens(pointer: string): readonly string[] {
  let tokens = tokensCache.get(pointer);
  if (!tokens) {
    tokens = pointer
      .split('/')
      .slice(1)
      .map((raw) => raw.replaceAll('~1', '/').replaceAll('~0', '~'));
    if (tokensCache.size < 10_000) tokensCache.set(pointer, tokens);
  }
  return tokens;
}

/** The value at `pointer` in `doc`, or undefined when the path does not exist. */
export function jsonPointer(doc: unknown, pointer: string): unknown {
  let cur: unknown = doc;
  for (const key of pointerTokens(pointer)) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}
