import { describe, expect, it } from 'vitest';
import { eksFargateRules } from '../../../src/checks/rules/eksfargate/index.js';
import { check } from '../helpers.js';
import { cluster, deployment, profile, role } from './fixtures.js';

describe('EKS Fargate rules and sensitive values', () => {
  it('never print a value the plan marks sensitive', () => {
    const secretSubnet = 'subnet-0secret0000000001';
    const secretName = 'profile-name-from-a-secret';
    const fp = profile(
      {
        subnet_ids: [secretSubnet],
        fargate_profile_name: secretName,
        selector: [{ namespace: 'apps' }, ...Array.from({ length: 5 }, () => ({ namespace: '' }))],
      },
      { sensitive: { subnet_ids: [true], fargate_profile_name: true }, actions: ['delete', 'create'], before: profile().after! },
    );
    const f = check(eksFargateRules, [cluster, role(), fp, deployment([['1', '8Gi']])]);
    // The profile is checked (selectors, subnets, role, limits, replacement, pod size), and nothing leaks.
    expect(new Set(f.map((x) => x.rule))).toEqual(
      new Set([
        'EKS_FARGATE_SELECTORS',
        'EKS_FARGATE_PRIVATE_SUBNETS',
        'EKS_FARGATE_POD_ROLE',
        'EKS_FARGATE_IMMUTABLE',
        'EKS_FARGATE_LIMITS',
        'EKS_FARGATE_POD_SIZE',
      ]),
    );
    for (const x of f) {
      expect(x.message).not.toContain(secretSubnet);
      expect(x.message).not.toContain(secretName);
    }
    expect(f.find((x) => x.rule === 'EKS_FARGATE_PRIVATE_SUBNETS')!.message).toContain('(sensitive)');
    expect(f.find((x) => x.rule === 'EKS_FARGATE_POD_SIZE')!.message).toContain('profile (sensitive)');
  });
});
