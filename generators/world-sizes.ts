// Its own module because the worlds read it and generators/types.ts names the worlds: one file would make a type-only cycle.

/**
 * How big a world is. Each provider reads its own keys (mluvii: tenants … forms; Enreach: users …
 * securityGroups) and ignores the others.
 */
export interface WorldSizes {
  /** mluvii: tenants (departments) of the company. */
  tenants: number;
  /** mluvii: operators (spread over the tenants). */
  operators: number;
  /** mluvii: operator groups per tenant. */
  operatorGroups: number;
  /** mluvii: chatbots per tenant. */
  chatbots: number;
  /** mluvii: known guests (people with a guest id). */
  guests: number;
  /** mluvii: phone campaigns (each with a call script). */
  campaigns: number;
  /** mluvii: HeroCard forms. */
  forms: number;
  /** Enreach: users (agents and supervisors). */
  users: number;
  /** Enreach: service queues. */
  queues: number;
  /** Enreach: call (callback) lists. */
  callLists: number;
  /** Enreach: security groups. */
  securityGroups: number;
}
