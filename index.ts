// The library behind the CLI and the server: everything is importable.
export * from './contracts/index.ts';
export { generate, createWorld, createContext, formatTime, parseOverride, applyOverrides } from './generators/index.ts';
export { loadScenario, plan, planAll } from './scenarios/index.ts';
