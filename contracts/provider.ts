/** The two platforms whose webhook senders this kit impersonates. */
export const PROVIDERS = ['mluvii', 'enreach'] as const;
export type Provider = (typeof PROVIDERS)[number];

export function isProvider(value: unknown): value is Provider {
  return typeof value === 'string' && (PROVIDERS as readonly string[]).includes(value);
}
