import { describe, expect, it } from 'vitest';
import { EKS_FARGATE_IMMUTABLE } from '../../../src/checks/rules/eksfargate/EKS_FARGATE_IMMUTABLE.js';
import { analyse } from '../../../src/engine/analyse.js';
import { buildPlan, writePlan } from '../../helpers/plan.js';
import { check } from '../helpers.js';
import { cluster, profile } from './fixtures.js';

describe('EKS_FARGATE_IMMUTABLE', () => {
  const replaced = profile(
    { selector: [{ namespace: 'apps', labels: { tier: 'web' } }] },
    { actions: ['delete', 'create'], before: profile().after! },
  );

  it('warns when the profile is replaced', () => {
    const f = check(EKS_FARGATE_IMMUTABLE, [cluster, replaced]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'EKS_FARGATE_IMMUTABLE', severity: 'warning', address: 'aws_eks_fargate_profile.apps' });
    expect(f[0]!.message).toContain('deleted first');
    expect(f[0]!.message).toContain('Pending');
  });

  it('names the attribute that forces the replacement (replace_paths), end to end', async () => {
    const plan = buildPlan([cluster, replaced]) as { resource_changes: { address: string; change: Record<string, unknown> }[] };
    plan.resource_changes.find((c) => c.address === 'aws_eks_fargate_profile.apps')!.change.replace_paths = [['selector']];
    const { report } = await analyse([writePlan('fargate-replace.json', plan)], { asOf: '2026-11-22', failOn: 'never' });
    const f = report.plans[0]!.findings.filter((x) => x.rule === 'EKS_FARGATE_IMMUTABLE');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ path: 'selector', severity: 'warning' });
    expect(f[0]!.message).toContain('because selector changed');
  });

  it('describes create_before_destroy ordering', () => {
    const f = check(EKS_FARGATE_IMMUTABLE, [
      cluster,
      profile({ fargate_profile_name: 'apps-v2' }, { actions: ['create', 'delete'], before: profile().after! }),
    ]);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('created first');
  });

  it('says nothing for a create, an in-place tag update or no change', () => {
    expect(check(EKS_FARGATE_IMMUTABLE, [cluster, profile()])).toEqual([]);
    expect(
      check(EKS_FARGATE_IMMUTABLE, [cluster, profile({ tags: { team: 'a' } }, { actions: ['update'], before: profile().after! })]),
    ).toEqual([]);
    expect(check(EKS_FARGATE_IMMUTABLE, [cluster, profile({}, { actions: ['no-op'], before: profile().after! })])).toEqual([]);
  });
});
