import { describe, expect, it } from 'vitest';
import { AAS_POLICY_TARGET_MATCH } from '../../../src/checks/rules/autoscaling/AAS_POLICY_TARGET_MATCH.js';
import { analyse } from '../../../src/engine/analyse.js';
import { buildPlan, writePlan } from '../../helpers/plan.js';
import { check } from '../helpers.js';
import { ecsCluster, policy, service, target } from './fixtures.js';

const hardcoded = (over: Record<string, unknown> = {}) => policy({}, over, { expressions: undefined });

describe('AAS_POLICY_TARGET_MATCH', () => {
  it('accepts a policy that refers to its target', () => {
    expect(check(AAS_POLICY_TARGET_MATCH, [ecsCluster, service(), target(), policy()])).toEqual([]);
  });

  it('fails a policy whose dimension differs from the target registered for that resource', () => {
    const f = check(AAS_POLICY_TARGET_MATCH, [ecsCluster, service(), target(), hardcoded({ scalable_dimension: 'ecs:service:TaskCount' })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: 'AAS_POLICY_TARGET_MATCH',
      severity: 'error',
      address: 'aws_appautoscaling_policy.cpu',
      path: 'scalable_dimension',
    });
    expect(f[0]!.message).toContain(
      'aws_appautoscaling_target.api registers that resource as "ecs" "service/main/api" "ecs:service:DesiredCount"',
    );
    expect(f[0]!.message).toContain('ObjectNotFoundException');
  });

  it('fails a policy that refers to a target but hard-codes another resource_id', () => {
    const p = policy({}, { resource_id: 'service/main/web' });
    p.expressions = { ...p.expressions, resource_id: { constant_value: 'service/main/web' } };
    const f = check(AAS_POLICY_TARGET_MATCH, [ecsCluster, service(), target(), p]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', path: 'resource_id' });
    expect(f[0]!.message).toContain('refers to aws_appautoscaling_target.api but its resource_id differs');
  });

  it('warns when a policy does not depend on the target this plan creates', () => {
    const f = check(AAS_POLICY_TARGET_MATCH, [ecsCluster, service(), target(), hardcoded()]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', path: 'resource_id' });
    expect(f[0]!.message).toContain('resource_id = aws_appautoscaling_target.api.resource_id');
  });

  it('accepts a hard-coded policy whose target already exists', () => {
    expect(check(AAS_POLICY_TARGET_MATCH, [ecsCluster, service(), target({}, { actions: ['no-op'] }), hardcoded()])).toEqual([]);
  });

  it('accepts a hard-coded policy with depends_on on the target, end to end', async () => {
    const plan = buildPlan([ecsCluster, service(), target(), hardcoded()]) as {
      configuration: { root_module: { resources: Record<string, unknown>[] } };
    };
    const run = async (name: string) => {
      const { report } = await analyse([writePlan(name, plan)], { asOf: '2026-11-22', failOn: 'never' });
      return report.plans[0]!.findings.filter((x) => x.rule === 'AAS_POLICY_TARGET_MATCH');
    };
    expect(await run('aas-no-dep.json')).toHaveLength(1);
    plan.configuration.root_module.resources.find((r) => r.address === 'aws_appautoscaling_policy.cpu')!.depends_on = [
      'aws_appautoscaling_target.api',
    ];
    expect(await run('aas-dep.json')).toEqual([]);
  });

  it('warns when no target in the plan registers the policy key', () => {
    const f = check(AAS_POLICY_TARGET_MATCH, [hardcoded({ resource_id: 'service/other/worker' })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', path: 'resource_id' });
    expect(f[0]!.message).toContain('"service/other/worker"');
  });

  it('says nothing when the key or a candidate target is known only after apply, or when the policy is unchanged', () => {
    expect(
      check(
        AAS_POLICY_TARGET_MATCH,
        [hardcoded({ resource_id: undefined })].map((p) => ({ ...p, unknown: { resource_id: true } })),
      ),
    ).toEqual([]);
    expect(
      check(AAS_POLICY_TARGET_MATCH, [
        target({ resource_id: undefined }, { unknown: { resource_id: true }, expressions: undefined }),
        hardcoded({ resource_id: 'service/x/y' }),
      ]),
    ).toEqual([]);
    expect(check(AAS_POLICY_TARGET_MATCH, [{ ...hardcoded({ resource_id: 'service/other/worker' }), actions: ['no-op'] }])).toEqual([]);
  });
});
