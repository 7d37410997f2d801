/**
 * faker instances that draw from our seeded Rng (faker's Randomizer interface), so faker's names
 * and our own numbers come from one reproducible stream. Only the locales used are imported.
 */
import { Faker, base, cs_CZ, en, fi } from '@faker-js/faker';
import type { Rng } from './seed.ts';

/** Czech names, companies and places (mluvii tenants are Czech). */
export function czechFaker(rng: Rng): Faker {
  return new Faker({ locale: [cs_CZ, en, base], randomizer: randomizerOf(rng) });
}

/** Finnish names and places (Enreach organizations are Finnish/Nordic). */
export function finnishFaker(rng: Rng): Faker {
  return new Faker({ locale: [fi, en, base], randomizer: randomizerOf(rng) });
}

/** faker calls its randomizer's methods unbound, so they are wrapped. */
function randomizerOf(rng: Rng): { next(): number; seed(seed: number | number[]): void } {
  return { next: () => rng.next(), seed: (seed) => rng.seed(seed) };
}

/** `Štěpán Bazala` → `stepan.bazala` (ASCII, lowercase, for usernames and e-mail addresses). */
export function asciiSlug(text: string, sep = '.'): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, sep)
    .replace(new RegExp(`^\\${sep}+|\\${sep}+$`, 'g'), '');
}
