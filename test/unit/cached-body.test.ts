import { describe, expect, it } from 'vitest';
import { BodyCache, cachedBody, ifNoneMatchHits } from '../../mock-server/cached-body.ts';

describe('If-None-Match (RFC 9110 §13.1.2, weak comparison)', () => {
  const tag = '"abc"';
  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", "abc"', true],
    ['"x",W/"abc"', true],
    ['*', true],
    [' * ', true],
    ['"a,abc"', false], // a comma inside a tag is part of it
    ['"abcd"', false],
    ['abc', false], // not a tag: no quotes
    ['', false],
    [undefined, false],
  ])('%s → %s', (field, hit) => {
    expect(ifNoneMatchHits(field, tag)).toBe(hit);
    // A weak tag of ours compares the same way.
    expect(ifNoneMatchHits(field, `W/${tag}`)).toBe(hit);
  });
});

describe('cachedBody', () => {
  it('tags by content: the same bytes the same tag, other bytes another', () => {
    expect(cachedBody('{"a":1}', 'application/json').etag).toBe(cachedBody(Buffer.from('{"a":1}'), 'text/plain').etag);
    expect(cachedBody('{"a":1}', 'application/json').etag).not.toBe(cachedBody('{"a":2}', 'application/json').etag);
  });
});

describe('BodyCache', () => {
  it('keeps at most its limit, dropping the least recently used', () => {
    const cache = new BodyCache(2);
    let made = 0;
    const make = (s: string) => () => (made++, cachedBody(s, 'text/plain'));
    cache.get('a', make('a'));
    cache.get('b', make('b'));
    cache.get('a', make('a')); // a hit: a is now the most recent
    cache.get('c', make('c')); // drops b
    expect(cache.size).toBe(2);
    expect(made).toBe(3);
    cache.get('a', make('a'));
    expect(made).toBe(3);
    cache.get('b', make('b'));
    expect(made).toBe(4);
  });
});
