/**
 * faker instances that draw from our seeded Rng (faker's Randomizer interface), so faker's names
 * and our own numbers come from one reproducible stream. Only the locales used are imported.
 */
import type { Faker, FakerOptions } from '@faker-js/faker';
import { faker as czech } from '@faker-js/faker/locale/cs_CZ';
import { faker as finnish } from '@faker-js/faker/locale/fi';
import type { Rng } from './seed.ts';

// faker's main entry loads all ~70 locales (~200 ms at every start); its per-locale entries load one and
// export a ready instance ([locale, en, base]) but not the class. The instance's constructor is that class,
// and its rawDefinitions the merged locale chain, so our seeded instances are built from those.
const FakerClass = czech.constructor as new (options: FakerOptions) => Faker;

/** Czech names, companies and places (mluvii tenants are Czech). */
export function czechFaker(rng: Rng): Faker {
  return new FakerClass({ locale: czech.rawDefinitions, randomizer: randomizerOf(rng) });
}

/** Finnish names and places (Enreach organizations are Finnish/Nordic). */
export function finnishFaker(rng: Rng): Faker {
  return new FakerClass({ locale: finnish.rawDefinitions, randomizer: randomizerOf(rng) });
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
