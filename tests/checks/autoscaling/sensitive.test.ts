import { describe, expect, it } from 'vitest';
import { autoscalingRules } from '../../../src/checks/rules/autoscaling/index.js';
import { check } from '../helpers.js';
import { ecsCluster, policy, service, target } from './fixtures.js';

describe('autoscaling rules and sensitive values', () => {
  it('never print a value the plan marks sensitive', () => {
    const secretId = 'service/arn:aws:ecs:us-east-1:111122223333:cluster/secret-cluster-name/api';
    const secretMetric = 'SecretMetricTypeName';
    const f = check(autoscalingRules, [
      ecsCluster,
      service({ desired_count: 7 }, { sensitive: { desired_count: true } }),
      target({ resource_id: secretId, min_capacity: 9, max_capacity: 3 }, { sensitive: { resource_id: true, min_capacity: true } }),
      policy(
        { predefined_metric_specification: [{ predefined_metric_type: secretMetric, resource_label: '' }] },
        {},
        {
          sensitive: {
            target_tracking_scaling_policy_configuration: [{ predefined_metric_specification: [{ predefined_metric_type: true }] }],
          },
        },
      ),
    ]);
    expect(new Set(f.map((x) => x.rule))).toEqual(new Set(['AAS_MIN_MAX', 'AAS_ECS_IDS', 'AAS_TT_METRIC', 'AAS_POLICY_TARGET_MATCH']));
    for (const x of f) {
      expect(x.message).not.toContain('secret-cluster-name');
      expect(x.message).not.toContain(secretMetric);
      expect(x.message).not.toMatch(/\b9\b/);
    }
    expect(f.find((x) => x.rule === 'AAS_MIN_MAX')!.message).toContain('min_capacity (sensitive)');
  });
});
