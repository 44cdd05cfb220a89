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
});
