// The action's bundle entry (dist/index.js): see tsconfig.json here and scripts/build.mjs.
import '../../src/action/index.js';
