import { describe, expect, it } from 'vitest';
import { AAS_DESIRED_IN_RANGE } from '../../../src/checks/rules/autoscaling/AAS_DESIRED_IN_RANGE.js';
import { check } from '../helpers.js';
import { ecsCluster, service, target } from './fixtures.js';

describe('AAS_DESIRED_IN_RANGE', () => {
  it('warns on the service when desired_count is above max_capacity', () => {
    const f = check(AAS_DESIRED_IN_RANGE, [ecsCluster, service({ desired_count: 6 }), target()]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: 'AAS_DESIRED_IN_RANGE',
      severity: 'warning',
      address: 'aws_ecs_service.api',
      path: 'desired_count',
    });
    expect(f[0]!.message).toContain('desired_count 6 is outside the range 1–4 of aws_appautoscaling_target.api');
    expect(f[0]!.message).toContain('down into the range');
  });

  it('accepts a count within the range, at its edges', () => {
    expect(check(AAS_DESIRED_IN_RANGE, [ecsCluster, service({ desired_count: 1 }), target()])).toEqual([]);
    expect(check(AAS_DESIRED_IN_RANGE, [ecsCluster, service({ desired_count: 4 }), target()])).toEqual([]);
  });

  it('says nothing when the count or a bound is unknown, or the target scales no service in the plan', () => {
    expect(
      check(AAS_DESIRED_IN_RANGE, [ecsCluster, service({ desired_count: undefined }, { unknown: { desired_count: true } }), target()]),
    ).toEqual([]);
    expect(
      check(AAS_DESIRED_IN_RANGE, [
        ecsCluster,
        service({ desired_count: 9 }),
        target({ max_capacity: undefined }, { unknown: { max_capacity: true } }),
      ]),
    ).toEqual([]);
    expect(check(AAS_DESIRED_IN_RANGE, [target({ resource_id: 'service/main/other' }, { expressions: undefined })])).toEqual([]);
  });
});
