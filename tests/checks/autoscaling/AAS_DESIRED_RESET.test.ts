import { describe, expect, it } from 'vitest';
import { AAS_DESIRED_RESET } from '../../../src/checks/rules/autoscaling/AAS_DESIRED_RESET.js';
import { check } from '../helpers.js';
import { ecsCluster, service, target } from './fixtures.js';

/** The service after auto scaling moved it to 4 tasks while the configuration still says 2. */
const drifted = () => service({ desired_count: 2 }, { actions: ['update'], before: { ...service().after, desired_count: 4 } });

describe('AAS_DESIRED_RESET', () => {
  it('warns when an update resets an auto-scaled desired_count', () => {
    const f = check(AAS_DESIRED_RESET, [ecsCluster, drifted(), target({}, { actions: ['no-op'] })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'AAS_DESIRED_RESET', severity: 'warning', address: 'aws_ecs_service.api', path: 'desired_count' });
    expect(f[0]!.message).toContain('desired_count changes from 4 to 2 while aws_appautoscaling_target.api scales this service');
    expect(f[0]!.message).toContain('ignore_changes');
  });

  it('says nothing when ignore_changes lists desired_count or all', () => {
    expect(
      check(AAS_DESIRED_RESET, [ecsCluster, drifted(), target()], { ignoreChanges: { 'aws_ecs_service.api': ['desired_count'] } }),
    ).toEqual([]);
    expect(check(AAS_DESIRED_RESET, [ecsCluster, drifted(), target()], { ignoreChanges: { 'aws_ecs_service.api': 'all' } })).toEqual([]);
  });

  it('warns from the sources even without a change when ignore_changes lacks desired_count', () => {
    const f = check(AAS_DESIRED_RESET, [ecsCluster, service(), target()], {
      ignoreChanges: { 'aws_ecs_service.api': ['task_definition'] },
    });
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('lifecycle.ignore_changes does not list desired_count');
  });

  it('says nothing without a scalable target, without a change, or with an unknown count', () => {
    expect(check(AAS_DESIRED_RESET, [ecsCluster, drifted()])).toEqual([]);
    expect(check(AAS_DESIRED_RESET, [ecsCluster, service({}, { actions: ['update'], before: service().after }), target()])).toEqual([]);
    expect(
      check(AAS_DESIRED_RESET, [
        ecsCluster,
        service(
          { desired_count: undefined },
          { actions: ['update'], before: { ...service().after, desired_count: 4 }, unknown: { desired_count: true } },
        ),
        target(),
      ]),
    ).toEqual([]);
  });
});
