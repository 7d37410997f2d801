// The library behind the CLI and the server: everything is importable.
export * from './contracts/index.ts';
