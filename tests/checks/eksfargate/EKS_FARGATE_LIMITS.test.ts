import { describe, expect, it } from 'vitest';
import { EKS_FARGATE_LIMITS } from '../../../src/checks/rules/eksfargate/EKS_FARGATE_LIMITS.js';
import { check } from '../helpers.js';
import { cluster, profile } from './fixtures.js';

describe('EKS_FARGATE_LIMITS', () => {
  it('lists the Fargate pod limits once for a new profile', () => {
    const f = check(EKS_FARGATE_LIMITS, [cluster, profile()]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'EKS_FARGATE_LIMITS', severity: 'info', address: 'aws_eks_fargate_profile.apps', path: null });
    expect(f[0]!.message).toContain('DaemonSets');
    expect(f[0]!.message).toContain('IP targets');
    expect(f[0]!.message).toContain('16 vCPU / 120 GB');
    expect(f[0]!.message).toContain('256 MiB');
    expect(f[0]!.message).toContain('up to 175 GiB');
  });

  it('says nothing for a profile the plan does not change', () => {
    expect(check(EKS_FARGATE_LIMITS, [cluster, profile({}, { actions: ['no-op'] })])).toEqual([]);
  });
});
