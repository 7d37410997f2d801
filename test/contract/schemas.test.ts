import { describe, expect, it } from 'vitest';
import { allSchemas, listEvents, validatorFor } from '../../contracts/index.ts';
import { ajvFor, schemaWarnings } from '../../contracts/ajv.ts';

describe('the schema catalog', () => {
  it('has all 49 mluvii and 80 Enreach event types', () => {
    expect(listEvents('mluvii')).toHaveLength(49);
    expect(listEvents('enreach')).toHaveLength(80);
  });

  it('splits Enreach events into 38 User, 31 Queue and 11 CallList events, as the doc does', () => {
    const count = (entity: string) => listEvents('enreach').filter((e) => e.entity === entity).length;
    expect([count('User'), count('Queue'), count('CallList')]).toEqual([38, 31, 11]);
  });

  it('compiles every schema in ajv strict mode, strict and lenient, with no warning', () => {
    for (const mode of ['strict', 'lenient'] as const) {
      const ajv = ajvFor(mode);
      for (const s of allSchemas()) expect(() => ajv.getSchema(s.$id), s.$id).not.toThrow();
    }
    for (const e of listEvents()) expect(typeof validatorFor(e.schemaId)).toBe('function');
    expect(schemaWarnings).toEqual([]);
  });

  it('records for every event its entity, ordering key and documentary source', () => {
    const validSources = new Set(['en-doc', 'cs-doc', 'vendor-models', 'enreach-doc']);
    for (const e of listEvents()) {
      expect(e.entity, e.eventType).not.toBe('');
      expect(e.entityKey, e.eventType).toMatch(/^\/[A-Za-z]/);
      expect(e.sources.length, e.eventType).toBeGreaterThan(0);
      for (const s of e.sources) expect(validSources.has(s), `${e.eventType}: ${s}`).toBe(true);
      expect(e.schemaFile).toBe(`contracts/${e.provider}/events/${e.eventType}.schema.json`);
    }
  });

  it('records mluvii sources as the issue names them: 39 in the English doc, 9 from the vendor models only', () => {
    const mluvii = listEvents('mluvii');
    expect(mluvii.filter((e) => e.sources.includes('en-doc'))).toHaveLength(39);
    const modelsOnly = mluvii.filter((e) => !e.sources.includes('en-doc') && !e.sources.includes('cs-doc')).map((e) => e.eventType);
    expect(modelsOnly.sort()).toEqual(
      [
        'SessionActivityAutoActivityAsOperator',
        'SessionActivityAvMediaResult',
        'SessionActivityChatMessage',
        'SessionActivityChatbotHeroCardSubmission',
        'SessionActivityChatbotMessage',
        'SessionActivityCobrowsingStoppedByGuest',
        'SessionActivityFileUploadFailed',
        'SessionActivityOperatorKicked',
        'SessionActivityScreenSharingFailedByGuest',
      ].sort(),
    );
    const avResponse = mluvii.find((e) => e.eventType === 'SessionActivityAvResponse');
    expect(avResponse?.sources).toContain('cs-doc');
    expect(avResponse?.sources).not.toContain('en-doc');
  });
});
