import { describe, expect, it } from 'vitest';
import { FARGATE_NETWORK_MODE } from '../../../src/checks/rules/fargate/FARGATE_NETWORK_MODE.js';
import { ref } from '../../helpers/plan.js';
import { EC2_ONLY, runner, service, TD, taskDef } from './specs.js';

const run = runner(FARGATE_NETWORK_MODE);

describe('FARGATE_NETWORK_MODE', () => {
  it('reports a Fargate task definition that is not awsvpc', () => {
    const f = run([taskDef({ network_mode: 'bridge' })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'FARGATE_NETWORK_MODE', severity: 'error', address: TD, path: 'network_mode' });
    expect(f[0]!.message).toBe('network_mode is "bridge"; Fargate supports only "awsvpc"');
  });

  it('reports it when a Fargate service runs a bridge task definition', () => {
    expect(run([taskDef({ network_mode: 'bridge', requires_compatibilities: null }), service()])).toHaveLength(1);
  });

  it('passes awsvpc, and bridge off Fargate', () => {
    expect(run([taskDef()])).toEqual([]);
    expect(run([taskDef(EC2_ONLY)])).toEqual([]);
  });

  it('says nothing when network_mode is an expression known only after apply', () => {
    const td = taskDef({ network_mode: null }, undefined, { unknown: { network_mode: true } });
    td.expressions = {
      family: { constant_value: 'app' },
      requires_compatibilities: { constant_value: ['FARGATE'] },
      network_mode: ref('var.network_mode'),
    };
    expect(run([td])).toEqual([]);
  });

  it('reports a Fargate task definition that leaves network_mode unset (unknown at create): ECS uses bridge', () => {
    // As Terraform writes a create: network_mode is Optional+Computed, so it is unknown and has no expression.
    const td = taskDef({ network_mode: null }, undefined, { unknown: { network_mode: true } });
    const f = run([td]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: 'FARGATE_NETWORK_MODE', severity: 'error', path: 'network_mode' });
    expect(f[0]!.message).toContain('"bridge"');
  });
});
