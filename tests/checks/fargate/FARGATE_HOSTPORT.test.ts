import { describe, expect, it } from 'vitest';
import { FARGATE_HOSTPORT } from '../../../src/checks/rules/fargate/FARGATE_HOSTPORT.js';
import { container, EC2_ONLY, runner, TD, taskDef } from './specs.js';

const run = runner(FARGATE_HOSTPORT);
const ports = (...portMappings: unknown[]) => [container({ portMappings })];

describe('FARGATE_HOSTPORT', () => {
  it('reports a hostPort that differs from containerPort with awsvpc', () => {
    const f = run([taskDef({}, ports({ containerPort: 80, hostPort: 80 }, { containerPort: 8080, hostPort: 80 }))]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: 'FARGATE_HOSTPORT',
      severity: 'error',
      address: TD,
      path: 'container_definitions[0].portMappings[1].hostPort',
    });
    expect(f[0]!.message).toBe(
      'container "web" maps hostPort 80 to containerPort 8080; with network_mode "awsvpc" hostPort must be left out or equal containerPort',
    );
  });

  it('applies to host networking on EC2 too', () => {
    const f = run([taskDef({ ...EC2_ONLY, network_mode: 'host' }, ports({ containerPort: 8080, hostPort: 9090 }))]);
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('network_mode "host"');
  });

  it('passes absent, zero and equal host ports, and bridge mode mappings', () => {
    expect(
      run([taskDef({}, ports({ containerPort: 80 }, { containerPort: 443, hostPort: 0 }, { containerPort: 9000, hostPort: 9000 }))]),
    ).toEqual([]);
    expect(run([taskDef(EC2_ONLY, ports({ containerPort: 8080, hostPort: 80 }))])).toEqual([]);
  });

  it('says nothing when network_mode or container_definitions is unknown', () => {
    expect(
      run([taskDef({ network_mode: null }, ports({ containerPort: 8080, hostPort: 80 }), { unknown: { network_mode: true } })]),
    ).toEqual([]);
    expect(run([taskDef({ container_definitions: null }, undefined, { unknown: { container_definitions: true } })])).toEqual([]);
  });
});
