import { describe, expect, it } from 'vitest';
import { AAS_MIN_MAX } from '../../../src/checks/rules/autoscaling/AAS_MIN_MAX.js';
import { check } from '../helpers.js';
import { ecsCluster, service, target } from './fixtures.js';

describe('AAS_MIN_MAX', () => {
  it('fails min_capacity above max_capacity', () => {
    const f = check(AAS_MIN_MAX, [ecsCluster, service(), target({ min_capacity: 5, max_capacity: 2 })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'AAS_MIN_MAX', severity: 'error', address: 'aws_appautoscaling_target.api', path: 'min_capacity' });
    expect(f[0]!.message).toContain('min_capacity 5 is greater than max_capacity 2');
  });

  it('accepts equal bounds and any namespace', () => {
    expect(check(AAS_MIN_MAX, [ecsCluster, service(), target({ min_capacity: 3, max_capacity: 3 })])).toEqual([]);
    expect(
      check(AAS_MIN_MAX, [
        {
          address: 'aws_appautoscaling_target.table',
          after: {
            service_namespace: 'dynamodb',
            resource_id: 'table/t',
            scalable_dimension: 'dynamodb:table:ReadCapacityUnits',
            min_capacity: 5,
            max_capacity: 100,
          },
        },
      ]),
    ).toEqual([]);
  });

  it('says nothing when a bound is known only after apply', () => {
    expect(
      check(AAS_MIN_MAX, [
        ecsCluster,
        service(),
        target({ min_capacity: 5, max_capacity: undefined }, { unknown: { max_capacity: true } }),
      ]),
    ).toEqual([]);
  });
});
