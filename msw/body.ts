/** Reads a request body as the mock surfaces need it: JSON, a form, or "not parseable". */
export async function readBody(request: Request): Promise<{ json?: unknown; form?: Record<string, string>; error?: string }> {
  const type = request.headers.get('content-type') ?? '';
  const text = await request.text();
  if (type.startsWith('application/x-www-form-urlencoded')) return { form: Object.fromEntries(new URLSearchParams(text)) };
  if (text === '') return {};
  try {
    return { json: JSON.parse(text) as unknown };
  } catch (e) {
    return { error: `body is not JSON: ${(e as Error).message}` };
  }
}

export function headersOf(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  request.headers.forEach((v, k) => (out[k.toLowerCase()] = v));
  return out;
}
