import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from '../helpers/paths.js';

const CLI = ['--import', 'tsx', join(ROOT, 'src/cli/index.ts')];
const ARGS = [
  '--format',
  'json',
  '--as-of',
  '2026-11-22',
  '--prices',
  'snapshot',
  '--fail-on',
  'never',
  join(FIXTURES, 'services-modules.json'),
];

/** The report written to standard output (file descriptor 1, written directly), against the same report written with --output. */
describe('the report on standard output', () => {
  it('a pipe receives exactly the bytes --output writes', () => {
    const piped = spawnSync(process.execPath, [...CLI, ...ARGS], { cwd: ROOT, maxBuffer: 64 << 20 });
    expect(piped.status).toBe(0);
    expect(piped.stderr.toString()).toBe('');
    const file = join(mkdtempSync(join(tmpdir(), 'cpc-stdout-')), 'report.json');
    const written = spawnSync(process.execPath, [...CLI, ...ARGS, '--output', file], { cwd: ROOT });
    expect(written.status).toBe(0);
    expect(piped.stdout.length).toBeGreaterThan(1000);
    expect(Buffer.compare(piped.stdout, readFileSync(file))).toBe(0);
  }, 120_000);

  it.runIf(existsSync('/dev/full'))(
    'a device that is full gives one line naming the error, and the exit code stays the gate’s',
    () => {
      const fd = openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [...CLI, ...ARGS], { cwd: ROOT, stdio: ['ignore', fd, 'pipe'] });
        expect(r.stderr.toString()).toBe('container-plan-check: cannot write the report to standard output (ENOSPC)\n');
        expect(r.status).toBe(0);
      } finally {
        closeSync(fd);
      }
    },
    120_000,
  );
});
