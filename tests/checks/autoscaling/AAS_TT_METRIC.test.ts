import { describe, expect, it } from 'vitest';
import { AAS_TT_METRIC } from '../../../src/checks/rules/autoscaling/AAS_TT_METRIC.js';
import { check } from '../helpers.js';
import { ecsCluster, policy, service, target } from './fixtures.js';

const SPEC = 'target_tracking_scaling_policy_configuration[0].predefined_metric_specification[0]';
const spec = (type: string, label = '') => ({ predefined_metric_specification: [{ predefined_metric_type: type, resource_label: label }] });
const run = (p: ReturnType<typeof policy>) => check(AAS_TT_METRIC, [ecsCluster, service(), target(), p]);

describe('AAS_TT_METRIC', () => {
  it('fails a metric that is not an ECS service metric', () => {
    const f = run(policy(spec('ASGAverageCPUUtilization')));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: 'AAS_TT_METRIC',
      severity: 'error',
      address: 'aws_appautoscaling_policy.cpu',
      path: `${SPEC}.predefined_metric_type`,
    });
    expect(f[0]!.message).toContain('"ASGAverageCPUUtilization" is not an ECS service metric');
    expect(f[0]!.message).toContain('"ECSServiceAverageMemoryUtilization"');
  });

  it('fails ALBRequestCountPerTarget without resource_label, and resource_label on another metric', () => {
    const f = run(policy(spec('ALBRequestCountPerTarget')));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', path: `${SPEC}.resource_label` });
    const g = run(policy(spec('ECSServiceAverageCPUUtilization', 'app/web/1/targetgroup/api/2')));
    expect(g).toHaveLength(1);
    expect(g[0]!.message).toContain('only with ALBRequestCountPerTarget');
  });

  it('accepts valid ECS metrics', () => {
    expect(run(policy())).toEqual([]);
    expect(run(policy(spec('ALBRequestCountPerTarget', 'app/web/50dc6c495c0c9188/targetgroup/api/943f017f100becff')))).toEqual([]);
    expect(run(policy({ target_value: 1000, ...spec('ALBRequestCountPerTarget', 'app/web/1/targetgroup/api/2') }))).toEqual([]);
  });

  it('warns on a percentage target above 100 and on a target not above 0', () => {
    const f = run(policy({ target_value: 150 }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'warning', path: 'target_tracking_scaling_policy_configuration[0].target_value' });
    expect(f[0]!.message).toContain('target_value 150 is above 100');
    expect(run(policy({ target_value: 0 }))[0]!.message).toContain('not above 0');
  });

  it('ignores step scaling, and says nothing about unknown values', () => {
    expect(run(policy(spec('Nonsense'), { policy_type: 'StepScaling' }))).toEqual([]);
    expect(
      run(
        policy(
          { target_value: null },
          {},
          {
            unknown: {
              target_tracking_scaling_policy_configuration: [
                { target_value: true, predefined_metric_specification: [{ predefined_metric_type: true }] },
              ],
            },
          },
        ),
      ),
    ).toEqual([]);
  });
});
