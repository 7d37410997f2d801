/**
 * Errors for the reader: a stable code, the product prefix, what was wrong, where (file:line:column
 * or a JSON path), and the valid values or the fix. The CLI prints `message` on one line; the
 * stack only with --verbose.
 */
export interface ErrorDetails {
  /** Where the problem is: `file.yaml:12:5`, a JSON path such as `data.userId`, or a flag name. */
  where?: string;
  /** The valid values, or how to fix it. */
  hint?: string;
  /** Valid values, when the input had to be one of a known set. */
  validValues?: readonly string[];
  /** CLI exit code this error maps to (2 = bad input, the default). */
  exitCode?: number;
  cause?: unknown;
}

export class ProviderMockError extends Error {
  readonly code: string;
  /** What was wrong, without the code, place, hint and valid values the message adds. */
  readonly what: string;
  readonly where: string | undefined;
  readonly hint: string | undefined;
  readonly validValues: readonly string[] | undefined;
  readonly exitCode: number;

  constructor(code: string, what: string, details: ErrorDetails = {}) {
    super(formatMessage(code, what, details), details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ProviderMockError';
    this.code = code;
    this.what = what;
    this.where = details.where;
    this.hint = details.hint;
    this.validValues = details.validValues;
    this.exitCode = details.exitCode ?? 2;
  }
}

function formatMessage(code: string, what: string, d: ErrorDetails): string {
  let msg = `provider-mock ${code}: ${d.where ? `${d.where}: ` : ''}${what}`;
  if (d.hint) msg += ` (${d.hint})`;
  if (d.validValues && d.validValues.length > 0) msg += `; valid values: ${listValues(d.validValues)}`;
  return msg;
}

/** Long lists are cut so one error stays one readable line. */
export function listValues(values: readonly string[], max = 40): string {
  const shown = values.slice(0, max).join(', ');
  return values.length > max ? `${shown}, … (${values.length - max} more)` : shown;
}

/** Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1);
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, sub));
    }
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

/**
 * The closest candidates to `input`, best first; a substring match counts as close. A candidate
 * that differs only in case (`sessioncreated`, `Chat-Session`) is the one meant: it comes alone.
 */
export function didYouMean(input: string, candidates: readonly string[], max = 3): string[] {
  const lower = input.toLowerCase();
  const sameButCase = candidates.filter((c) => c !== input && c.toLowerCase() === lower);
  if (sameButCase.length > 0) return sameButCase.slice(0, max);
  return candidates
    .map((c) => {
      const cl = c.toLowerCase();
      const contains = cl.includes(lower) || lower.includes(cl);
      return { c, d: contains ? Math.min(1, editDistance(input, c)) : editDistance(input, c) };
    })
    .filter(({ c, d }) => d <= Math.max(3, Math.floor(c.length / 3)))
    .sort((p, q) => p.d - q.d || p.c.localeCompare(q.c))
    .slice(0, max)
    .map(({ c }) => c);
}

/** `; did you mean "a" or "b"?` for the closest candidates, or '' when none is close. */
export function suggestion(input: string, candidates: readonly string[]): string {
  const near = didYouMean(input, candidates);
  return near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : '';
}

/** An "unknown X" error with suggestions and the valid list. */
export function unknownName(code: string, kind: string, input: string, valid: readonly string[], where?: string): ProviderMockError {
  return new ProviderMockError(code, `unknown ${kind} "${input}"${suggestion(input, valid)}`, { validValues: valid, ...(where ? { where } : {}) });
}
