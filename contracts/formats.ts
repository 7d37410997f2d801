/**
 * Named string formats, exactly as each provider puts them on the wire.
 * The same regular expressions are exported so that generators and Pact matchers use them too.
 */

/**
 * mluvii DateTimeOffset: local time with an offset; trailing zero fraction digits are trimmed,
 * so 0 to 7 digits (docs/providers.md M16: `2024-05-06T15:31:14.63027+02:00`, `2024-05-09T14:40:38+02:00`).
 * The doc's own pattern `yyyy-MM-dd'T'HH:mm:ss,SSSZZZZ` and its lifecycle table's
 * `08:58:58:888364` do not match any real example, so they are not accepted.
 */
export const MLUVII_DATETIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,7})?[+-](0\d|1[0-4]):[0-5]\d$/;

/**
 * Enreach DateTime: `2020-01-01T12:00:00Z` (reference Timestamp), `0001-01-01T00:00:00`
 * (StartTime/EndTime, no zone), `2018-01-01T08:01:23.45` (the intro request): docs/providers.md E10.
 */
export const ENREACH_DATETIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,7})?Z?$/;

/** A .NET Guid as Json.NET writes it: 8-4-4-4-12 hex digits, no braces. */
export const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export const FORMATS = {
  'mluvii-datetime': MLUVII_DATETIME,
  'enreach-datetime': ENREACH_DATETIME,
  guid: GUID,
} as const;
