import { describe, expect, it } from 'vitest';
import { AAS_ECS_IDS } from '../../../src/checks/rules/autoscaling/AAS_ECS_IDS.js';
import { check } from '../helpers.js';
import { ecsCluster, service, target } from './fixtures.js';

describe('AAS_ECS_IDS', () => {
  it('accepts service/<cluster-name>/<service-name> with the ECS namespace and dimension', () => {
    expect(check(AAS_ECS_IDS, [ecsCluster, service(), target()])).toEqual([]);
  });

  it('warns when resource_id holds the cluster ARN (accepted, but scales nothing)', () => {
    const f = check(AAS_ECS_IDS, [
      ecsCluster,
      service(),
      target({ resource_id: 'service/arn:aws:ecs:us-east-1:111122223333:cluster/main/api' }),
    ]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'AAS_ECS_IDS', severity: 'warning', address: 'aws_appautoscaling_target.api', path: 'resource_id' });
    expect(f[0]!.message).toContain('holds an ARN; use the cluster name');
  });

  it('fails a wrong dimension and a resource_id of another resource type', () => {
    const f = check(AAS_ECS_IDS, [ecsCluster, service(), target({ scalable_dimension: 'ecs:service:TaskCount', resource_id: 'main/api' })]);
    expect(f.map((x) => [x.path, x.severity])).toEqual([
      ['scalable_dimension', 'error'],
      ['resource_id', 'error'],
    ]);
    expect(f[0]!.message).toContain('"ecs:service:DesiredCount"');
  });

  it('fails an ECS dimension under another namespace', () => {
    const f = check(AAS_ECS_IDS, [target({ service_namespace: 'ec2' }, { expressions: undefined })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', path: 'service_namespace' });
  });

  it('warns when resource_id does not name the service the target refers to', () => {
    const f = check(AAS_ECS_IDS, [ecsCluster, service(), target({ resource_id: 'service/main/api-old' })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', path: 'resource_id' });
    expect(f[0]!.message).toContain('does not name aws_ecs_service.api');
    expect(f[0]!.message).toContain('"service/main/api"');
  });

  it('leaves other namespaces alone and says nothing about unknown IDs', () => {
    expect(
      check(AAS_ECS_IDS, [
        {
          address: 'aws_appautoscaling_target.table',
          after: {
            service_namespace: 'dynamodb',
            resource_id: 'table/t',
            scalable_dimension: 'dynamodb:table:ReadCapacityUnits',
            min_capacity: 1,
            max_capacity: 2,
          },
        },
      ]),
    ).toEqual([]);
    expect(check(AAS_ECS_IDS, [ecsCluster, service(), target({ resource_id: undefined }, { unknown: { resource_id: true } })])).toEqual([]);
  });
});
