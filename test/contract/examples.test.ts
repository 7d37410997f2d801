import { describe, expect, it } from 'vitest';
import { findEvent, formatIssues, listEvents, validate } from '../../contracts/index.ts';
import { ajvFor } from '../../contracts/ajv.ts';
import { eventExamples, storedExamples } from '../helpers/examples.ts';

describe("the providers' own examples", () => {
  const examples = eventExamples();

  it.each(examples.map((e) => [e.file, e] as const))('%s validates against its event schema', (_file, ex) => {
    const r = validate(ex.payload);
    expect(r.provider).toBe(ex.provider);
    expect(formatIssues(r.errors)).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it('is stored under the name of the event it shows', () => {
    for (const ex of examples) {
      const r = validate(ex.payload);
      expect(ex.file.split('/').pop()?.split('.')[0], ex.file).toBe(r.eventType);
    }
  });

  it('covers every mluvii event the English doc documents, and every Enreach event but the one the doc shows no example of', () => {
    const shown = new Set(examples.map((e) => `${e.provider}/${validate(e.payload).eventType}`));
    const missingEn = listEvents('mluvii').filter((e) => e.sources.includes('en-doc') && !shown.has(`mluvii/${e.eventType}`));
    expect(missingEn.map((e) => e.eventType)).toEqual([]);
    const missingEnreach = listEvents('enreach').filter((e) => !shown.has(`enreach/${e.eventType}`));
    expect(missingEnreach.map((e) => e.eventType)).toEqual(['CallbackUserCallOutDisconnected']);
  });

  it('keeps the Enreach intro request, which differs from the reference entry, valid for QueueCallInUserAllocated', () => {
    const intro = examples.find((e) => e.origin === 'intro');
    expect(intro).toBeDefined();
    const r = validate(intro!.payload);
    expect(r.eventType).toBe('QueueCallInUserAllocated');
    expect(r.valid).toBe(true);
    expect(intro!.payload).toHaveProperty('Username');
  });

  it('keeps the Enreach doc\'s "Misc" examples valid against the helper types they show', () => {
    const misc = storedExamples().filter((e) => e.origin === 'misc');
    expect(misc.map((m) => m.file.split('/').pop()).sort()).toEqual(
      ['CallbackAttempt.json', 'CallbackExtra.json', 'CallbackRelatedItem.json', 'QueueAttachedUser.json', 'QueueGroup.json'],
    );
    for (const m of misc) {
      const type = m.file.split('/').pop()!.replace('.json', '');
      const check = ajvFor('strict').getSchema(`https://provider-mock.dev/contracts/enreach/common/types.schema.json#/definitions/${type}`);
      expect(check, type).toBeDefined();
      expect(check!(JSON.parse(m.text)), `${type}: ${JSON.stringify(check!.errors)}`).toBe(true);
    }
  });

  it('has a valid Enreach sample webhook configuration, whose event names the catalog does not know (docs/providers.md E12)', () => {
    const config = storedExamples().find((e) => e.origin === 'config');
    expect(config).toBeDefined();
    const check = ajvFor('strict').getSchema('https://provider-mock.dev/contracts/enreach/config.schema.json');
    expect(check).toBeDefined();
    const doc = JSON.parse(config!.text) as { Subscriptions: { EventType: string }[] };
    expect(check!(doc)).toBe(true);
    expect(doc.Subscriptions.map((s) => findEvent('enreach', s.EventType))).toEqual([undefined, undefined]);
  });
});
