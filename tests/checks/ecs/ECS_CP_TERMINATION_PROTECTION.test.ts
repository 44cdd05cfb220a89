import { describe, expect, it } from 'vitest';
import { ECS_CP_TERMINATION_PROTECTION } from '../../../src/checks/rules/ecs/ECS_CP_TERMINATION_PROTECTION.js';
import { check } from '../helpers.js';
import { asg, capacityProvider, cluster, launchTemplate, miProvider } from './fixtures.js';

const enabled = { managed_termination_protection: 'ENABLED' };

describe('ECS_CP_TERMINATION_PROTECTION', () => {
  it('warns when the group does not protect instances from scale-in', () => {
    const fs = check(ECS_CP_TERMINATION_PROTECTION, [
      capacityProvider('ec2', 'ecs', enabled),
      asg('ecs', { protect_from_scale_in: false }),
      launchTemplate(),
    ]);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({
      rule: 'ECS_CP_TERMINATION_PROTECTION',
      severity: 'warning',
      address: 'aws_ecs_capacity_provider.ec2',
      path: 'auto_scaling_group_provider[0].managed_termination_protection',
    });
    expect(fs[0]!.message).toContain(
      'managed_termination_protection is "ENABLED", but Auto Scaling group aws_autoscaling_group.ecs has protect_from_scale_in = false',
    );
  });

  it('reads an unset protect_from_scale_in as false', () => {
    const fs = check(ECS_CP_TERMINATION_PROTECTION, [capacityProvider('ec2', 'ecs', enabled), asg('ecs', { protect_from_scale_in: null })]);
    expect(fs).toHaveLength(1);
    expect(fs[0]!.message).toContain('protect_from_scale_in not set (false)');
  });

  it('accepts a protected group, and a provider without managed termination protection', () => {
    expect(
      check(ECS_CP_TERMINATION_PROTECTION, [capacityProvider('ec2', 'ecs', enabled), asg('ecs', { protect_from_scale_in: true })]),
    ).toEqual([]);
    expect(check(ECS_CP_TERMINATION_PROTECTION, [capacityProvider('ec2', 'ecs'), asg('ecs', { protect_from_scale_in: false })])).toEqual(
      [],
    );
  });

  it('says nothing when protect_from_scale_in is unknown', () => {
    expect(
      check(ECS_CP_TERMINATION_PROTECTION, [
        capacityProvider('ec2', 'ecs', enabled),
        asg('ecs', { protect_from_scale_in: null }, { unknown: { protect_from_scale_in: true } }),
      ]),
    ).toEqual([]);
  });
});

describe('ECS_CP_TERMINATION_PROTECTION on ECS Managed Instances providers', () => {
  it('says nothing: a Managed Instances provider has no Auto Scaling group, ECS manages its instances', () => {
    expect(check(ECS_CP_TERMINATION_PROTECTION, [cluster(), miProvider('mi')])).toEqual([]);
  });
});
