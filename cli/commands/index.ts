/**
 * Every command, loaded only when it runs: `--help` and a small command do not pay for the server,
 * Pact or MSW (only the invoked command's modules load). The CLI only parses flags and calls the library.
 */
import type { Command } from '../command.ts';

export interface CommandEntry {
  name: string;
  /** One line for the command list. */
  summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'demo', summary: 'start a local receiver and drive a built-in Enreach and mluvii scenario into it', load: async () => (await import('./demo.ts')).demoCommand },
  { name: 'events', summary: 'list the event catalog (every webhook event type of both providers)', load: async () => (await import('./events.ts')).eventsCommand },
  { name: 'generate', summary: 'print realistic, seeded payloads of one event type as NDJSON', load: async () => (await import('./generate.ts')).generateCommand },
  { name: 'validate', summary: 'check payloads (a JSON file, NDJSON, or - for stdin) against the catalog', load: async () => (await import('./validate.ts')).validateCommand },
  { name: 'scenarios', summary: 'list the built-in scenarios (scenarios/<provider>/*.yaml) with one-line descriptions', load: async () => (await import('./scenarios.ts')).scenariosCommand },
  { name: 'plan', summary: 'show the timeline a scenario plans (built-in name or file.yaml; several run side by side)', load: async () => (await import('./plan.ts')).planCommand },
  { name: 'run', summary: "deliver scenarios to your receiver the provider's way and grade it (exit 0 pass, 1 fail)", load: async () => (await import('./run.ts')).runCommand },
  { name: 'trigger', summary: "deliver one generated event (any type) to your receiver the provider's way, like stripe trigger", load: async () => (await import('./trigger.ts')).triggerCommand },
  { name: 'send', summary: 'deliver your own payload file (JSON or NDJSON), provider detected and validated first', load: async () => (await import('./send.ts')).sendCommand },
  { name: 'resend', summary: "deliver a journal's events again with their exact bodies (--failed, --seq N)", load: async () => (await import('./resend.ts')).resendCommand },
  { name: 'serve', summary: 'run the mock server: mluvii/Enreach registration, control API, live inspector page', load: async () => (await import('./serve.ts')).serveCommand },
  { name: 'pact', summary: 'verify consumer pacts against the providers\' messages; list the provider states', load: async () => (await import('./pact.ts')).pactCommand },
  { name: 'export', summary: 'write the catalog as an OpenAPI 3.1 or AsyncAPI 3 document', load: async () => (await import('./export.ts')).exportCommand },
];
