// The layer boundaries of ARCHITECTURE.md as dependency-cruiser rules (npm run boundaries).
// The rules themselves live in scripts/boundaries.json, which the ARCHITECTURE.md table mirrors.
const { layers, packages } = require('./scripts/boundaries.json');

const names = Object.keys(layers);
const folders = (list) => `^(${list.join('|')})/`;
const escapeGlob = (s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+');

const layerRules = names.flatMap((layer) => {
  const forbidden = names.filter((other) => other !== layer && !layers[layer].includes(other));
  if (forbidden.length === 0) return [];
  return [{
    name: `layer:${layer}`,
    comment: `${layer}/ may import ${layers[layer].length ? layers[layer].map((l) => `${l}/`).join(', ') : 'no other layer'} (ARCHITECTURE.md "Boundaries")`,
    severity: 'error',
    from: { path: `^${layer}/` },
    to: { path: folders(forbidden) },
  }];
});

const packageRules = Object.entries(packages).map(([name, { modules, only }]) => ({
  name: `package:${name}`,
  comment: `${modules.join(', ')} only from ${only.map((f) => `${f}/`).join(', ')} (ARCHITECTURE.md "Boundaries")`,
  severity: 'error',
  from: { path: folders(names.filter((l) => !only.includes(l))) },
  to: { path: `(^|/)node_modules/(${modules.map(escapeGlob).join('|')})/` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    ...packageRules,
    {
      name: 'no-circular',
      comment: 'No import cycles, type-only ones included (tsPreCompilationDeps).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Type-only imports are edges too: a type cycle still couples two modules.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    // No tsConfig here on purpose: with it, a bare `msw` resolves to the repository's msw/ folder.
    // The sources import with explicit .ts extensions, so plain resolution finds every file.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'types', 'default'],
      mainFields: ['module', 'main', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
