import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/plan/model.js';
import { validatePlan } from '../../src/plan/load.js';
import { buildPlan, constant, ref, type ResSpec } from '../helpers/plan.js';

/** The one reading of values (src/plan/read.ts), on resources written as Terraform writes a plan. */
function resource(spec: ResSpec, plan: Parameters<typeof buildPlan>[1] = {}) {
  const m = buildModel(validatePlan('test.json', buildPlan([spec], plan)));
  return m.resources[0]!;
}

describe('reading an attribute', () => {
  it('a value the configuration writes is known from the configuration', () => {
    const td = resource({ address: 'aws_ecs_task_definition.a', after: { network_mode: 'awsvpc' } });
    expect(td.current.str('network_mode')).toEqual({ state: 'known', value: 'awsvpc', sensitive: false, origin: 'config' });
  });

  it("a value's origin is the one of the path read, even when the caller changes its steps afterwards", () => {
    const td = resource({ address: 'aws_ecs_task_definition.a', after: { network_mode: 'awsvpc' } });
    const steps = ['network_mode'];
    const l = td.current.get(steps);
    steps[0] = 'not_written';
    expect(l).toEqual({ state: 'known', value: 'awsvpc', sensitive: false, origin: 'config' });
    expect(JSON.parse(JSON.stringify(l))).toEqual({ state: 'known', value: 'awsvpc', sensitive: false, origin: 'config' });
  });

  it('an Optional+Computed attribute left unset is unknown at create; AWS then applies its documented default', () => {
    const td = resource({ address: 'aws_ecs_task_definition.a', after: { family: 'a' }, unknown: { network_mode: true, arn: true } });
    const l = td.current.str('network_mode');
    expect(l).toMatchObject({ state: 'known', value: 'bridge', origin: 'aws-default' });
    expect(l.state === 'known' && l.fact?.source).toContain('networkMode');
  });

  it('the default can depend on another attribute: Windows tasks default to the default network mode', () => {
    const td = resource({
      address: 'aws_ecs_task_definition.a',
      after: { family: 'a', runtime_platform: [{ operating_system_family: 'WINDOWS_SERVER_2022_CORE', cpu_architecture: 'X86_64' }] },
      unknown: { network_mode: true },
    });
    expect(td.current.str('network_mode')).toMatchObject({ state: 'known', value: 'default', origin: 'aws-default' });
  });

  it('a default that depends on an unknown value stays unknown', () => {
    const td = resource({
      address: 'aws_ecs_task_definition.a',
      after: { family: 'a', runtime_platform: [{ cpu_architecture: 'X86_64' }] },
      unknown: { network_mode: true, runtime_platform: [{ operating_system_family: true }] },
      expressions: {
        family: constant('a'),
        runtime_platform: [{ cpu_architecture: constant('X86_64'), operating_system_family: ref('var.os') }],
      },
    });
    expect(td.current.str('network_mode')).toMatchObject({ state: 'unknown', reason: 'computed' });
  });

  it('an expression the configuration writes that is known only after apply stays unknown', () => {
    const td = resource({
      address: 'aws_ecs_task_definition.a',
      after: { family: 'a' },
      unknown: { network_mode: true },
      expressions: { family: constant('a'), network_mode: ref('var.mode') },
    });
    expect(td.current.str('network_mode')).toEqual({ state: 'unknown', sensitive: false, reason: 'expression' });
  });

  it('an expression that resolves to null through a module variable leaves the attribute unset', () => {
    const spec: ResSpec = {
      address: 'module.svc.aws_ecs_task_definition.a',
      after: { family: 'a' },
      unknown: { network_mode: true },
      expressions: { family: constant('a'), network_mode: ref('var.mode') },
    };
    const td = resource(spec, { moduleCalls: { 'module.svc': { expressions: { mode: constant(null) } } } });
    expect(td.current.str('network_mode')).toMatchObject({ state: 'known', value: 'bridge', origin: 'aws-default' });
  });

  it('an attribute the provider computes with no recorded default stays unknown', () => {
    const td = resource({ address: 'aws_ecs_task_definition.a', after: { family: 'a' }, unknown: { arn: true } });
    expect(td.current.str('arn')).toEqual({ state: 'unknown', sensitive: false, reason: 'computed' });
  });

  it('without a configuration for the resource, an unknown is unclear and a known value cannot be told written', () => {
    const plan = buildPlan([{ address: 'aws_ecs_task_definition.a', after: { family: 'a', cpu: '256' }, unknown: { network_mode: true } }]);
    (plan.configuration as { root_module: { resources: unknown[] } }).root_module.resources = [];
    const td = buildModel(validatePlan('test.json', plan)).resources[0]!;
    expect(td.current.str('network_mode')).toEqual({ state: 'unknown', sensitive: false, reason: 'unclear' });
    expect(td.current.str('cpu')).toMatchObject({ state: 'known', value: '256', origin: 'unclear' });
  });

  it('a zero the provider does not send reads as not set: a node group disk_size 0 beside a launch template', () => {
    const ng = resource({
      address: 'aws_eks_node_group.a',
      actions: ['update'],
      before: { disk_size: 0, launch_template: [{ id: 'lt-1', version: '1' }] },
      after: { disk_size: 0, launch_template: [{ id: 'lt-1', version: '2' }] },
      expressions: { disk_size: ref('var.disk_size'), launch_template: [{ id: constant('lt-1'), version: constant('2') }] },
    });
    expect(ng.current.num('disk_size')).toMatchObject({ state: 'absent' });
    const plain = resource({ address: 'aws_eks_node_group.b', after: { disk_size: 0, launch_template: [] } });
    expect(plain.current.num('disk_size')).toMatchObject({ state: 'known', value: 20, origin: 'aws-default' });
  });

  it('a default may be another attribute: an Auto Scaling group starts at min_size', () => {
    const asg = resource({ address: 'aws_autoscaling_group.a', after: { min_size: 2, max_size: 6 }, unknown: { desired_capacity: true } });
    expect(asg.current.num('desired_capacity')).toMatchObject({ state: 'known', value: 2, origin: 'aws-default' });
  });

  it('a block that is not sent takes everything below it along, and hasUnknown sees no unknown there', () => {
    const asg = resource({
      address: 'aws_autoscaling_group.a',
      after: { min_size: 1, max_size: 2 },
      unknown: { mixed_instances_policy: true, desired_capacity: true },
    });
    expect(asg.current.list('mixed_instances_policy[0].launch_template[0].override')).toMatchObject({ state: 'absent' });
    expect(asg.current.hasUnknown('mixed_instances_policy')).toBe(false);
    // What the provider computes with no recorded default (the group's name, its ARN) stays unknown.
    expect(asg.current.hasUnknown('desired_capacity')).toBe(false);
    expect(asg.current.hasUnknown('name')).toBe(true);
  });

  it('nested defaults follow their block: gp3 IOPS and throughput, gp2 when no type is given', () => {
    const lt = resource({
      address: 'aws_launch_template.a',
      after: {
        block_device_mappings: [
          { device_name: '/dev/xvda', ebs: [{ volume_size: 50 }] },
          { device_name: '/dev/xvdb', ebs: [{ volume_size: 10, volume_type: 'gp3' }] },
        ],
      },
      unknown: {
        block_device_mappings: [
          { ebs: [{ volume_type: true, iops: true, throughput: true }] },
          { ebs: [{ iops: true, throughput: true }] },
        ],
      },
    });
    expect(lt.current.str('block_device_mappings[0].ebs[0].volume_type')).toMatchObject({ value: 'gp2', origin: 'aws-default' });
    expect(lt.current.num('block_device_mappings[0].ebs[0].iops').state).toBe('absent');
    expect(lt.current.num('block_device_mappings[1].ebs[0].iops')).toMatchObject({ value: 3000, origin: 'aws-default' });
    expect(lt.current.num('block_device_mappings[1].ebs[0].throughput')).toMatchObject({ value: 125, origin: 'aws-default' });
    expect(lt.current.at('block_device_mappings[1].ebs[0]').num('iops')).toMatchObject({ value: 3000 });
    expect(lt.current.hasUnknown('block_device_mappings')).toBe(false);
  });

  it('a block the plan holds that the configuration does not write (a dynamic block) cannot be told', () => {
    const lt = resource({
      address: 'aws_launch_template.a',
      after: { name: 'a', block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ volume_size: 50 }] }] },
      unknown: { block_device_mappings: [{ ebs: [{ volume_type: true }] }] },
      expressions: { name: constant('a') },
    });
    expect(lt.current.str('block_device_mappings[0].ebs[0].volume_type')).toMatchObject({ state: 'unknown', reason: 'unclear' });
  });

  it('EKS applies EXTENDED support when a cluster has no upgrade_policy', () => {
    const c = resource({ address: 'aws_eks_cluster.a', after: { name: 'a', version: '1.33' }, unknown: { upgrade_policy: true } });
    expect(c.current.str('upgrade_policy[0].support_type')).toMatchObject({ state: 'known', value: 'EXTENDED', origin: 'aws-default' });
  });

  it('a sensitive unknown stays sensitive whatever it reads as', () => {
    const td = resource({
      address: 'aws_ecs_task_definition.a',
      after: { family: 'a' },
      unknown: { network_mode: true },
      sensitive: { network_mode: true },
    });
    expect(td.current.str('network_mode')).toMatchObject({ sensitive: true });
  });
});

describe('checks and estimators read values only through the one reading', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
    });
  for (const dir of ['src/checks', 'src/cost']) {
    it(`${dir} looks at no unknown mask, configuration expression or raw side values`, () => {
      const reads = (text: string) =>
        /unknownMask|after_unknown|sensitiveMask|expressionAt|\.expressions\b|\.resourceConfig\b|\.configuration\b|\.config\b|\.values\.(get|raw|at)\b/.test(
          text,
        );
      const offenders = files(dir).filter((f) => reads(readFileSync(f, 'utf8')));
      expect(offenders).toEqual([]);
    });
  }
});
