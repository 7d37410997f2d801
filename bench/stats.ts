/** What every benchmark reports with: medians of rounds, and rates written for people. */

/** The median (the mean of the middle two for an even count); the input is not reordered. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** A rate or count rounded, with thousands separators: 12,345. */
export const num = (n: number): string => Math.round(n).toLocaleString('en');

/**
 * A scenario of `sessions` copies of a built-in arriving at `rate`, as YAML: the load the
 * planning and delivery benches drive (each with its own world and rate).
 */
export function sessionsYaml(o: { provider: 'enreach' | 'mluvii'; name: string; description: string; sessions: number; rate: string; world?: string; step: string; include: string; with?: Record<string, string | number> }): string {
  const params = o.with ? `      with:\n${Object.entries(o.with).map(([k, v]) => `        ${k}: ${v}\n`).join('')}` : '';
  return `provider: ${o.provider}
name: ${o.name}
description: ${o.description}
${o.world ? `world: ${o.world}\n` : ''}sessions: ${o.sessions}
arrivals: { rate: ${o.rate} }
steps:
  - name: ${o.step}
    include:
      scenario: ${o.include}
${params}`;
}
