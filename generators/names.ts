/**
 * First names as people in a Czech or Finnish contact centre are called: the common ones, by
 * frequency, instead of a name calendar (where Polyxena and Tiburcius weigh as much as Jana).
 *
 * Czech: the order of the register of residents (Ministerstvo vnitra, "Četnost jmen a příjmení",
 * https://www.mvcr.cz/clanek/cetnost-jmen-a-prijmeni.aspx). The top three of each sex carry the
 * counts the Czech Statistical Office quotes from it for 2016 (Jana 264 944, Marie 260 526, Eva
 * 152 463; Jiří 299 090, Jan 293 938, Petr 272 135: https://www.czso.cz/csu/xu/cetnost-jmen-a-prijmeni-v-usteckem-kraji-2016).
 * Below them each name weighs 0.93 of the one before: our approximation, not the register's counts.
 *
 * Finnish: names common among working-age Finns (born 1960-2000), after the name statistics of
 * the Digital and Population Data Services Agency (DVV, https://www.avoindata.fi/data/fi/dataset/none,
 * "Etunimitilasto"); the order is approximate, and the weights are ours (20 000 for the first,
 * then 0.93 a rank), not DVV's counts.
 */
import type { Rng } from './rng/seed.ts';

export type Sex = 'female' | 'male';

/** Weights: the given counts, then each rank 0.93 of the one before. */
function weighted(names: readonly string[], counts: readonly number[]): readonly (readonly [string, number])[] {
  let w = counts[counts.length - 1] ?? 1;
  return names.map((n, i) => {
    const c = counts[i];
    if (c !== undefined) return [n, c] as const;
    w = Math.round(w * 0.93);
    return [n, w] as const;
  });
}

const CZECH: Record<Sex, readonly (readonly [string, number])[]> = {
  female: weighted(
    ['Jana', 'Marie', 'Eva', 'Hana', 'Anna', 'Lenka', 'Kateřina', 'Věra', 'Lucie', 'Alena', 'Petra', 'Jaroslava', 'Veronika', 'Martina', 'Jitka', 'Tereza', 'Ludmila', 'Helena', 'Michaela', 'Zdeňka', 'Ivana', 'Monika', 'Eliška', 'Zuzana', 'Markéta'],
    [264_944, 260_526, 152_463],
  ),
  male: weighted(
    ['Jiří', 'Jan', 'Petr', 'Josef', 'Pavel', 'Martin', 'Jaroslav', 'Tomáš', 'Miroslav', 'Zdeněk', 'František', 'Václav', 'Michal', 'Milan', 'Karel', 'Jakub', 'Lukáš', 'David', 'Vladimír', 'Ladislav', 'Ondřej', 'Roman', 'Stanislav', 'Daniel', 'Radek'],
    [299_090, 293_938, 272_135],
  ),
};

const FINNISH: Record<Sex, readonly (readonly [string, number])[]> = {
  female: weighted(
    ['Tiina', 'Sari', 'Minna', 'Johanna', 'Päivi', 'Anne', 'Satu', 'Laura', 'Katja', 'Hanna', 'Heidi', 'Jenni', 'Susanna', 'Riikka', 'Elina', 'Marja', 'Kirsi', 'Sanna', 'Maria', 'Anna', 'Niina', 'Piia', 'Emmi', 'Noora', 'Sofia'],
    [20_000],
  ),
  male: weighted(
    ['Juha', 'Mikko', 'Timo', 'Jari', 'Antti', 'Jukka', 'Mika', 'Janne', 'Sami', 'Tommi', 'Ville', 'Petri', 'Marko', 'Matti', 'Pasi', 'Teemu', 'Lauri', 'Tuomas', 'Jussi', 'Harri', 'Kari', 'Markku', 'Pekka', 'Heikki', 'Joonas'],
    [20_000],
  ),
};

/** A first name of a sex, drawn by frequency. */
export function czechFirstName(rng: Rng, sex: Sex): string {
  return rng.weighted(CZECH[sex]);
}

export function finnishFirstName(rng: Rng, sex: Sex): string {
  return rng.weighted(FINNISH[sex]);
}

/** The names and their weights (for tests and docs). */
export const FIRST_NAMES = { czech: CZECH, finnish: FINNISH } as const;
