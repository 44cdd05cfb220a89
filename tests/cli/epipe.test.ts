import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT } from '../helpers/paths.js';

/** Runs the CLI with its standard output a pipe that the reader closes before reading anything. */
function runWithClosedStdout(args: string[]): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/index.ts'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // like `| head -0`: the reader is gone
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, err }));
  });
}

describe('standard output closed early (piped into head)', () => {
  it('stops writing quietly and exits as the gate decided', async () => {
    const fx = (n: string) => join(FIXTURES, n);
    // Passing plans: exit 0; a failing one: exit 1, either way with nothing on standard error.
    const passed = await runWithClosedStdout(['--format', 'markdown', fx('example-stack.json'), fx('ecs-ec2.json')]);
    expect(passed.err).toBe('');
    expect(passed.code).toBe(0);
    const failed = await runWithClosedStdout(['--format', 'markdown', fx('fargate-invalid-size.json')]);
    expect(failed.err).toBe('');
    expect(failed.code).toBe(1);
  }, 180_000); // two processes, each starting the CLI from source
});
