// The CLI's bundle entry (dist/cli/index.js): see tsconfig.json here and scripts/build.mjs.
import '../../src/cli/index.js';
