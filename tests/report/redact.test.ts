import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from '../../src/report/redact.js';

describe('redactSecrets', () => {
  const report = { plans: [{ path: 'p.json', findings: [{ message: 'image is registry/app:hunter2-token-x' }], notes: ['plain'] }], n: 3, ok: true };

  it('replaces every occurrence of a secret in any string, leaving structure and other values alone', () => {
    const out = redactSecrets(report, ['hunter2-token-x', 'not-there-at-all']);
    expect(out).toEqual({ plans: [{ path: 'p.json', findings: [{ message: `image is registry/app:${REDACTED}` }], notes: ['plain'] }], n: 3, ok: true });
    expect(report.plans[0]!.findings[0]!.message).toContain('hunter2'); // the input is not changed
  });

  it('returns the value itself when no secret occurs (no copy), and ignores very short secrets', () => {
    expect(redactSecrets(report, ['absent-secret'])).toBe(report);
    expect(redactSecrets(report, ['p'])).toBe(report);
    expect(redactSecrets(report, [])).toBe(report);
  });

  it('finds a secret far into a large report, and copies only the branches that held it', () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => ({ address: `aws_ecs_service.s[${i}]`, note: 'x'.repeat(40) }));
    const big = { plans: [{ resources: rows, findings: [{ message: 'token sk-live-0000abcd in an env var' }] }], tail: { message: 'plain' } };
    const out = redactSecrets(big, ['sk-live-0000abcd', 'nowhere-0000']);
    expect(out.plans[0]!.findings[0]!.message).toBe(`token ${REDACTED} in an env var`);
    expect(out).not.toBe(big);
    expect(out.plans[0]!.resources).toBe(rows);
    expect(out.tail).toBe(big.tail);
    expect(big.plans[0]!.findings[0]!.message).toContain('sk-live');
  });

  it('never matches across two strings', () => {
    const v = { a: 'ends with sec', b: 'ret-value starts' };
    expect(redactSecrets(v, ['secret-value'])).toBe(v);
  });
});
