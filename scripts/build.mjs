// `npm run build`: the action's and the CLI's bundles, built side by side (each ncc build is
// mostly one core), then the price snapshot's region files copied beside each bundle (they are
// read from disk when a run first prices in a region). Exits non-zero when either build fails.
// The entries are in scripts/bundle/, whose tsconfig.json makes ncc emit ES modules file by file
// (`--transpile-only`): no type check here (`npm run typecheck` does it), half the build time.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';

const NCC = 'node_modules/@vercel/ncc/dist/ncc/cli.js';

const bundles = [
  ['scripts/bundle/action.ts', 'dist'],
  ['scripts/bundle/cli.ts', 'dist/cli'],
];

function ncc(entry, out) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [NCC, 'build', entry, '-o', out, '-m', '--transpile-only', '--license', 'licenses.txt'], {
      stdio: 'inherit',
    });
    child.on('error', (err) => {
      console.error(`ncc ${entry}: ${err.message}`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

// ncc overwrites its output but leaves the chunks of earlier builds: remove every bundle file first
// (dist/ holds dist/cli/, so only the files of each folder itself).
for (const [, out] of bundles.filter(([, o]) => existsSync(o))) {
  for (const f of readdirSync(out, { withFileTypes: true })) if (f.isFile() && f.name.endsWith('.js')) rmSync(`${out}/${f.name}`);
}
const codes = await Promise.all(bundles.map(([entry, out]) => ncc(entry, out)));
if (codes.some((c) => c !== 0)) process.exit(1);
for (const [, out] of bundles) {
  const dir = `${out}/data/prices`;
  rmSync(dir, { recursive: true, force: true });
  cpSync('src/cost/data/prices', dir, { recursive: true });
}
