import pkg from '../package.json' with { type: 'json' };
import { ProviderMockError } from '../contracts/errors.ts';

/** The optional peer dependencies (package.json `peerDependencies`): only some commands need them. */
export type Peer = keyof typeof pkg.peerDependencies;

/** True when `e` is Node's "cannot find package <name>" for that package (not a missing file inside it). */
function isMissingPackage(e: unknown, name: string): boolean {
  const err = e as NodeJS.ErrnoException;
  return (err?.code === 'ERR_MODULE_NOT_FOUND' || err?.code === 'MODULE_NOT_FOUND') && String(err.message).includes(`'${name}'`);
}

/**
 * Loads the modules behind a command that needs an optional peer; when the peer is not installed, one
 * line says so and how to install it (the range we are tested with), instead of Node's stack trace.
 */
export async function withPeer<T>(peer: Peer, what: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if (!isMissingPackage(e, peer)) throw e;
    const install = `npm install --save-dev ${peer}@${pkg.peerDependencies[peer]}`;
    throw new ProviderMockError('PM_MISSING_PEER', `${what} needs ${peer}, which is not installed`, { hint: install, cause: e });
  }
}
