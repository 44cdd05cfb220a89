import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The AWS SDK warns once per process, when its first client is made, that its releases after
 * January 2027 need Node.js 22 (on Node.js 20). Each case runs in its own process, so the SDK's
 * once-only state starts fresh.
 */
const ROOT = join(import.meta.dirname, '../..');
const run = (script: string, env: NodeJS.ProcessEnv = {}) => {
  const clean: NodeJS.ProcessEnv = { ...process.env, AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y' };
  delete clean.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
  delete clean.NODE_OPTIONS;
  Object.assign(clean, env);
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: ROOT,
    env: clean,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
// Live prices against a port nothing listens on: the client is made, the request fails fast.
const LIVE = `
import { LivePrices } from './src/cost/live.ts';
process.on('warning', (w) => console.log('warning:', w.name, w.message.split('\\n')[0]));
process.emitWarning('an unrelated warning', 'OtherWarning');
const live = new LivePrices({ mode: 'live', requestTimeoutMs: 2000, totalTimeoutMs: 5000 });
await live.resolve(['eu-central-1 ec2/t3.small/hour']);
console.log('switch after:', process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ?? 'unset');
console.log(JSON.stringify(live.report('2026-11-22').warnings));
`;
const SDK_ALONE = `
import { PricingClient } from '@aws-sdk/client-pricing';
process.on('warning', (w) => console.log('warning:', w.name, w.message.split('\\n')[0]));
new PricingClient({ region: 'us-east-1' });
await new Promise((r) => setTimeout(r, 50));
`;
const node = Number(process.versions.node.split('.')[0]);

describe("the AWS SDK's Node.js version notice", () => {
  it('is kept out of the output of live prices, other warnings pass, the environment is left as it was', () => {
    const r = run(LIVE, { AWS_ENDPOINT_URL_PRICING: 'http://127.0.0.1:9' });
    expect(r.status).toBe(0);
    expect(`${r.stdout}${r.stderr}`).not.toContain('NodeVersionSupportWarning');
    expect(r.stdout).toContain('warning: OtherWarning an unrelated warning');
    expect(r.stdout).toContain('switch after: unset');
    // The request itself was made (and failed): the client was built.
    expect(r.stdout).toMatch(/the AWS Price List API could not be used/);
  });

  it('a value the user set for the SDK switch is kept', () => {
    const r = run(LIVE, { AWS_ENDPOINT_URL_PRICING: 'http://127.0.0.1:9', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'false' });
    expect(r.stdout).toContain('switch after: false');
  });

  it.runIf(node < 22)('is what the SDK prints on this Node.js when nothing keeps it out', () => {
    const r = run(SDK_ALONE);
    expect(r.stdout).toContain('warning: Warning NodeVersionSupportWarning: The AWS SDK for JavaScript (v3)');
  });
});
