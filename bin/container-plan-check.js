#!/usr/bin/env node
// The installed command runs the committed CLI bundle.
await import('../dist/cli/index.js');
