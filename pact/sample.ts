/**
 * A schema-valid example for events no provider doc shows (Enreach CallbackUserCallOutDisconnected,
 * mluvii's models-only events): the const, the first enum member, a value of the format.
 */
import { resolveEvent, type Provider } from '../contracts/index.ts';
import { rootOf, shapeOf, type SchemaAt } from './shape.ts';

const FORMAT_SAMPLES: Record<string, string> = {
  guid: '3f2504e0-4f89-11d3-9a0c-0305e82c3301',
  'mluvii-datetime': '2024-05-06T15:31:14.63027+02:00',
  'enreach-datetime': '2020-01-01T12:00:00Z',
};

function sample(ats: readonly SchemaAt[], depth: number): unknown {
  const shape = shapeOf(ats);
  if (shape.hasConst) return shape.constValue;
  // What may be null stays null: it is then left out of the contract, and a consumer that needs
  // a value says so with an override.
  if (shape.nullable || depth > 8) return null;
  const members = shape.enum?.filter((m) => m !== null);
  if (members && members.length) return members[0];
  const type = ['object', 'string', 'integer', 'number', 'boolean', 'array'].find((t) => shape.types.has(t as never));
  switch (type) {
    case 'string': {
      if (shape.format && FORMAT_SAMPLES[shape.format]) return FORMAT_SAMPLES[shape.format];
      if (shape.pattern && new RegExp(shape.pattern).test('2020-01-01')) return '2020-01-01';
      return 'string';
    }
    case 'integer':
      return 1;
    case 'number':
      return 1.5;
    case 'boolean':
      return true;
    case 'array':
      return shape.items.length ? [sample(shape.items, depth + 1)] : [];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, list] of shape.properties) out[k] = sample(list, depth + 1);
      return out;
    }
    default:
      return null;
  }
}

export function sampleEvent(provider: Provider, eventType: string): unknown {
  return sample([rootOf(resolveEvent(eventType, provider).schemaId)], 0);
}
