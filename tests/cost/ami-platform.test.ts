import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/plan/graph.js';
import { loadPlan, validatePlan } from '../../src/plan/load.js';
import { buildModel } from '../../src/plan/model.js';
import { TYPE_TABLES } from '../../src/engine/reads.js';
import { buildPlan, constant, ref, writePlan, type DataSpec, type PlanSpec, type ResSpec } from '../helpers/plan.js';
import { ASG_ON_LAUNCH_TEMPLATE, estimate, estimatePlan, resource } from './helpers.js';

/*
 * us-east-1 on-demand: m5.large Linux $0.096/h in the snapshot. The snapshot has no Windows
 * rows: a test price file gives m5.large Windows (licence included) $0.188/h. The group runs 2
 * instances (min 1, max 3); a month is 730 hours.
 */
const WIN_AMI = 'ami-0c2b8ca1dad447f8a';
const LINUX_AMI = 'ami-0fff1b9a61dec8a5f';

function windowsPriceFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'cpc-ami-')), 'prices.json');
  writeFileSync(
    file,
    JSON.stringify({
      sources: { 'ami-test': { description: 'test Windows rate', date: '2026-11-30' } },
      regions: { 'us-east-1': { 'ec2-windows/m5.large/hour': { usd: 0.188, src: 'ami-test' } } },
    }),
  );
  return file;
}

/** data.aws_ami as the provider reads it (most_recent, owners, filter), with its platform. */
function amiData(address: string, id: string, platform: string | null, details: string | undefined, name: string): DataSpec {
  return {
    address,
    values: {
      architecture: 'x86_64',
      id,
      image_id: id,
      name,
      most_recent: true,
      owners: ['amazon'],
      filter: [{ name: 'name', values: [`${name.split('-20')[0]}-*`] }],
      platform,
      ...(details !== undefined ? { platform_details: details } : {}),
      root_device_type: 'ebs',
      virtualization_type: 'hvm',
    },
    expressions: {
      most_recent: constant(true),
      owners: constant(['amazon']),
      filter: [{ name: constant('name'), values: constant([`${name.split('-20')[0]}-*`]) }],
    },
  };
}

const winAmi = amiData('data.aws_ami.win', WIN_AMI, 'windows', 'Windows', 'Windows_Server-2022-English-Full-Base-2026.11.12');
const linuxAmi = amiData('data.aws_ami.al2023', LINUX_AMI, null, 'Linux/UNIX', 'al2023-ami-2023.6.20261110.0-kernel-6.1-x86_64');

/** A launch template whose image_id reads `imageRef`, and the group that launches it. */
function ltAsg(imageId: string | null, imageExpr: unknown, extra: Partial<ResSpec> = {}): ResSpec[] {
  return [
    {
      address: 'aws_launch_template.app',
      after: { name: 'app', image_id: imageId, instance_type: 'm5.large', block_device_mappings: [], monitoring: [], placement: [] },
      unknown: { id: true, ...(imageId === null ? { image_id: true } : {}) },
      expressions: { name: constant('app'), image_id: imageExpr, instance_type: constant('m5.large') },
      ...extra,
    },
    ASG_ON_LAUNCH_TEMPLATE,
  ];
}

const rows = (r: ReturnType<typeof resource>) => r.components.map((k) => [k.name, k.quantity, k.unitPrice]);
const LINUX_NOTE = "priced as Linux: the AMI's platform is not in the plan";

function asg(resources: ResSpec[], spec: PlanSpec, priced = true) {
  return resource(
    estimate(resources, { spec, ...(priced ? { cost: { priceFile: windowsPriceFile() } } : {}) }),
    'aws_autoscaling_group.app',
  );
}

describe('the platform of a launch template AMI', () => {
  it('prices an Auto Scaling group at the Windows rate when its launch template reads a Windows data.aws_ami', () => {
    const r = asg(ltAsg(WIN_AMI, ref('data.aws_ami.win.id', 'data.aws_ami.win')), { dataSources: [winAmi] });
    expect(rows(r)).toEqual([['Instances m5.large Windows (on-demand)', 1460, 0.188]]);
    expect(r.components[0]!.note).toBe('Windows (AMI data.aws_ami.win: platform_details "Windows")');
    // 2 × 730 × 0.188 = 274.48; min 1, max 3
    expect(r.monthlyAfter).toBeCloseTo(274.48, 9);
    expect(r.min).toBeCloseTo(137.24, 9);
    expect(r.max).toBeCloseTo(411.72, 9);
    expect(r.notes).not.toContain(LINUX_NOTE);
  });

  it('leaves the Windows instances unpriced, never at the Linux rate or $0, until a Windows price is loaded', () => {
    const r = asg(ltAsg(WIN_AMI, ref('data.aws_ami.win.id', 'data.aws_ami.win')), { dataSources: [winAmi] }, false);
    expect(rows(r)).toEqual([['Instances m5.large Windows (on-demand)', 1460, null]]);
    expect(r.monthlyAfter).toBeNull();
    expect(r.unpriced.map((u) => u.reason)).toContain(
      'no price for ec2-windows/m5.large/hour in us-east-1 in the price snapshot of 2026-11-22',
    );
  });

  it('prices Windows from an AWS public Windows AMI parameter, without showing the sensitive parameter value', () => {
    const name = '/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-ECS_Optimized/image_id';
    const param: DataSpec = {
      address: 'data.aws_ssm_parameter.ecs_windows',
      values: {
        arn: `arn:aws:ssm:us-east-1::parameter${name}`,
        id: name,
        name,
        type: 'String',
        value: WIN_AMI,
        insecure_value: WIN_AMI,
        version: 94,
        with_decryption: true,
      },
      sensitive: { value: true },
      expressions: { name: constant(name) },
    };
    const resources = ltAsg(WIN_AMI, ref('data.aws_ssm_parameter.ecs_windows.value', 'data.aws_ssm_parameter.ecs_windows'), {
      sensitive: { image_id: true },
    });
    const c = estimate(resources, { spec: { dataSources: [param] }, cost: { priceFile: windowsPriceFile() } });
    const r = resource(c, 'aws_autoscaling_group.app');
    expect(rows(r)).toEqual([['Instances m5.large Windows (on-demand)', 1460, 0.188]]);
    expect(r.components[0]!.note).toBe(
      `Windows (AMI parameter data.aws_ssm_parameter.ecs_windows ("${name}"): a Windows public AMI parameter)`,
    );
    expect(JSON.stringify(c)).not.toContain(WIN_AMI);
  });

  it('prices Linux, with no note, when the AMI is known to be Linux/UNIX (a data.aws_ami or a Linux public parameter)', () => {
    const r = asg(ltAsg(LINUX_AMI, ref('data.aws_ami.al2023.id', 'data.aws_ami.al2023')), { dataSources: [linuxAmi] });
    expect(rows(r)).toEqual([['Instances m5.large (on-demand)', 1460, 0.096]]);
    expect(r.components[0]!.note).toBeUndefined();
    expect(r.notes).not.toContain(LINUX_NOTE);

    const name = '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id';
    const param: DataSpec = {
      address: 'data.aws_ssm_parameter.ecs',
      values: {
        arn: `arn:aws:ssm:us-east-1::parameter${name}`,
        id: name,
        name,
        type: 'String',
        value: LINUX_AMI,
        insecure_value: LINUX_AMI,
        version: 60,
        with_decryption: true,
      },
      sensitive: { value: true },
      expressions: { name: constant(name) },
    };
    const p = asg(
      ltAsg(LINUX_AMI, ref('data.aws_ssm_parameter.ecs.value', 'data.aws_ssm_parameter.ecs'), { sensitive: { image_id: true } }),
      {
        dataSources: [param],
      },
    );
    expect(rows(p)).toEqual([['Instances m5.large (on-demand)', 1460, 0.096]]);
    expect(p.notes).not.toContain(LINUX_NOTE);
  });

  it('keeps the note when the AMI data source is read only at apply (its platform unknown)', () => {
    const readAtApply: ResSpec = {
      address: 'data.aws_ami.win',
      actions: ['read'],
      after: { most_recent: true, owners: ['amazon'], filter: [{ name: 'name', values: ['Windows_Server-2022-English-Full-Base-*'] }] },
      unknown: { id: true, image_id: true, platform: true, platform_details: true, name: true, architecture: true },
      expressions: winAmi.expressions,
      actionReason: 'read_because_dependency_pending',
    };
    const r = asg([readAtApply, ...ltAsg(null, ref('data.aws_ami.win.id', 'data.aws_ami.win'))], {});
    expect(rows(r)).toEqual([['Instances m5.large (on-demand)', 1460, 0.096]]);
    expect(r.notes).toContain(LINUX_NOTE);
  });

  it('keeps the note when the AMI ID is a literal no data source in the plan matches', () => {
    const r = asg(ltAsg('ami-0123456789abcdef0', constant('ami-0123456789abcdef0')), { dataSources: [winAmi] });
    expect(rows(r)).toEqual([['Instances m5.large (on-demand)', 1460, 0.096]]);
    expect(r.notes).toContain(LINUX_NOTE);
  });

  it('links a literal AMI ID to the data source read with that ID (the second path)', () => {
    const r = asg(ltAsg(WIN_AMI, constant(WIN_AMI)), { dataSources: [winAmi] });
    expect(rows(r)).toEqual([['Instances m5.large Windows (on-demand)', 1460, 0.188]]);
  });

  it('follows a module variable to the AMI parameter of the root module (through the configuration: its value is not matched)', () => {
    const name = '/aws/service/ecs/optimized-ami/windows_server/2022/english/full/recommended/image_id';
    const param: DataSpec = {
      address: 'data.aws_ssm_parameter.win',
      values: { id: name, name, type: 'String', value: WIN_AMI, insecure_value: WIN_AMI, version: 7, with_decryption: true },
      sensitive: { value: true },
      expressions: { name: constant(name) },
    };
    const resources = ltAsg(WIN_AMI, ref('var.ami_id'), { sensitive: { image_id: true } }).map((x) => ({
      ...x,
      address: `module.fleet.${x.address}`,
    }));
    const c = estimate(resources, {
      spec: {
        dataSources: [param],
        moduleCalls: { 'module.fleet': { expressions: { ami_id: ref('data.aws_ssm_parameter.win.value', 'data.aws_ssm_parameter.win') } } },
      },
      cost: { priceFile: windowsPriceFile() },
    });
    const r = resource(c, 'module.fleet.aws_autoscaling_group.app');
    expect(r.components[0]!.name).toBe('Instances m5.large Windows (on-demand)');
  });

  it('does not price a Windows AMI with SQL Server as plain Windows: the instances are unpriced with the reason', () => {
    const sql = amiData(
      'data.aws_ami.win',
      WIN_AMI,
      'windows',
      'Windows with SQL Server Standard',
      'Windows_Server-2022-English-Full-SQL_2022_Standard-2026.11.12',
    );
    const r = asg(ltAsg(WIN_AMI, ref('data.aws_ami.win.id', 'data.aws_ami.win')), { dataSources: [sql] });
    expect(r.components).toEqual([]);
    expect(r.monthlyAfter).toBeNull();
    expect(r.unpriced).toEqual([
      {
        item: 'Instances (licensed software in the AMI)',
        reason:
          'aws_launch_template.app: AMI data.aws_ami.win has platform_details "Windows with SQL Server Standard": the software it carries is billed with each instance at a rate this tool does not price',
      },
    ]);

    const name = '/aws/service/ami-windows-latest/Windows_Server-2019-English-Full-SQL_2019_Standard';
    const param: DataSpec = {
      address: 'data.aws_ssm_parameter.sql',
      values: { id: name, name, type: 'String', value: WIN_AMI, insecure_value: WIN_AMI, version: 3, with_decryption: true },
      sensitive: { value: true },
      expressions: { name: constant(name) },
    };
    const p = asg(
      ltAsg(WIN_AMI, ref('data.aws_ssm_parameter.sql.value', 'data.aws_ssm_parameter.sql'), { sensitive: { image_id: true } }),
      {
        dataSources: [param],
      },
    );
    expect(p.monthlyAfter).toBeNull();
    expect(p.unpriced[0]!.item).toBe('Instances (licensed software in the AMI)');
  });

  it('reads a Windows public parameter written in image_id itself (resolve:ssm:)', () => {
    const image = 'resolve:ssm:/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base';
    const r = asg(ltAsg(image, constant(image)), {});
    expect(rows(r)).toEqual([['Instances m5.large Windows (on-demand)', 1460, 0.188]]);
    expect(r.notes).not.toContain(LINUX_NOTE);
  });

  it('reads an AMI the configuration manages (aws_ami_copy) once it exists; while it is created its platform is unknown', () => {
    const copy = (actions: string[]): ResSpec => ({
      address: 'aws_ami_copy.win',
      actions,
      after: {
        name: 'win-copy',
        source_ami_id: WIN_AMI,
        source_ami_region: 'us-west-2',
        ...(actions[0] === 'no-op' ? { id: 'ami-0d1e2f3a4b5c6d7e8', platform: 'windows', platform_details: 'Windows' } : {}),
      },
      unknown: actions[0] === 'no-op' ? {} : { id: true, platform: true, platform_details: true },
      expressions: { name: constant('win-copy'), source_ami_id: constant(WIN_AMI), source_ami_region: constant('us-west-2') },
    });
    const lt = (known: boolean) => ltAsg(known ? 'ami-0d1e2f3a4b5c6d7e8' : null, ref('aws_ami_copy.win.id', 'aws_ami_copy.win'));
    expect(rows(asg([copy(['no-op']), ...lt(true)], {}))).toEqual([['Instances m5.large Windows (on-demand)', 1460, 0.188]]);
    const creating = asg([copy(['create']), ...lt(false)], {});
    expect(rows(creating)).toEqual([['Instances m5.large (on-demand)', 1460, 0.096]]);
    expect(creating.notes).toContain(LINUX_NOTE);
  });

  it('does not tell the platform from a parameter name the plan marks sensitive', () => {
    const name = '/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base';
    const param: DataSpec = {
      address: 'data.aws_ssm_parameter.secret',
      values: { id: name, name, type: 'String', value: WIN_AMI, insecure_value: WIN_AMI, version: 1, with_decryption: true },
      sensitive: { id: true, name: true, value: true },
      expressions: { name: ref('var.ami_parameter') },
    };
    const c = estimate(
      ltAsg(WIN_AMI, ref('data.aws_ssm_parameter.secret.value', 'data.aws_ssm_parameter.secret'), { sensitive: { image_id: true } }),
      {
        spec: { dataSources: [param] },
      },
    );
    const r = resource(c, 'aws_autoscaling_group.app');
    expect(rows(r)).toEqual([['Instances m5.large (on-demand)', 1460, 0.096]]);
    expect(r.notes).toContain(LINUX_NOTE);
    expect(JSON.stringify(c)).not.toContain('Windows_Server-2022');
  });

  it('prices an EKS node group with a custom Windows AMI in its launch template at the Windows rate', () => {
    const name = '/aws/service/ami-windows-latest/Windows_Server-2022-English-Core-EKS_Optimized-1.31/image_id';
    const param: DataSpec = {
      address: 'data.aws_ssm_parameter.eks_windows',
      values: { id: name, name, type: 'String', value: WIN_AMI, insecure_value: WIN_AMI, version: 12, with_decryption: true },
      sensitive: { value: true },
      expressions: { name: constant(name) },
    };
    const [lt] = ltAsg(WIN_AMI, ref('data.aws_ssm_parameter.eks_windows.insecure_value', 'data.aws_ssm_parameter.eks_windows'));
    const ng: ResSpec = {
      address: 'aws_eks_node_group.win',
      after: {
        cluster_name: 'prod',
        node_group_name: 'win',
        ami_type: 'CUSTOM',
        capacity_type: 'ON_DEMAND',
        instance_types: ['m5.large'],
        scaling_config: [{ desired_size: 2, min_size: 1, max_size: 3 }],
        launch_template: [{ version: '$Latest' }],
      },
      unknown: { launch_template: [{ id: true, name: true }] },
      expressions: {
        cluster_name: constant('prod'),
        node_group_name: constant('win'),
        ami_type: constant('CUSTOM'),
        capacity_type: constant('ON_DEMAND'),
        instance_types: constant(['m5.large']),
        scaling_config: [{ desired_size: constant(2), min_size: constant(1), max_size: constant(3) }],
        launch_template: [{ id: ref('aws_launch_template.app.id', 'aws_launch_template.app'), version: constant('$Latest') }],
      },
    };
    const c = estimate([lt!, ng], { spec: { dataSources: [param] }, cost: { priceFile: windowsPriceFile() } });
    const r = resource(c, 'aws_eks_node_group.win');
    expect(rows(r)).toEqual([['Instances m5.large Windows (on-demand)', 1460, 0.188]]);
    expect(r.components[0]!.note).toContain('a Windows public AMI parameter');

    // A custom AMI the plan does not tell the platform of: Linux, with the note; no image_id (EKS picks the AMI): no note.
    const [custom] = ltAsg('ami-0123456789abcdef0', constant('ami-0123456789abcdef0'));
    const unknown = resource(estimate([custom!, ng]), 'aws_eks_node_group.win');
    expect(rows(unknown)).toEqual([['Instances m5.large (on-demand)', 1460, 0.096]]);
    expect(unknown.notes).toContain(LINUX_NOTE);
    const plain: ResSpec = {
      ...custom!,
      after: { ...custom!.after, image_id: null },
      expressions: { name: constant('app'), instance_type: constant('m5.large') },
    };
    const managed = { ...ng, after: { ...ng.after, ami_type: 'AL2023_x86_64_STANDARD' } };
    const eksAmi = resource(
      estimate([plain, { ...managed, expressions: { ...ng.expressions, ami_type: constant('AL2023_x86_64_STANDARD') } }]),
      'aws_eks_node_group.win',
    );
    expect(eksAmi.notes).not.toContain(LINUX_NOTE);
  });
});

describe('data sources read while planning', () => {
  const plan = (spec: PlanSpec, resources: ResSpec[]) =>
    buildModel(validatePlan('t.json', JSON.parse(JSON.stringify(buildPlan(resources, spec)))), { types: TYPE_TABLES });
  const caller: DataSpec = {
    address: 'data.aws_caller_identity.current',
    values: { account_id: '123456789012', arn: 'arn:aws:iam::123456789012:user/ci', id: '123456789012', user_id: 'AIDAEXAMPLE' },
    expressions: {},
  };

  it('are modelled from prior_state (child modules too) when a reader declares their type, as data, not as changes', () => {
    const inModule: DataSpec = { ...winAmi, address: 'module.images.data.aws_ami.win' };
    const m = plan({ dataSources: [winAmi, inModule, caller] }, ltAsg(WIN_AMI, ref('data.aws_ami.win.id', 'data.aws_ami.win')));
    const amis = m.byType.get('aws_ami') ?? [];
    expect(amis.map((r) => [r.address, r.mode, r.action, r.moduleAddress])).toEqual([
      ['data.aws_ami.win', 'data', 'no-op', ''],
      ['module.images.data.aws_ami.win', 'data', 'no-op', 'module.images'],
    ]);
    expect(amis[0]!.current.str('platform_details')).toMatchObject({ state: 'known', value: 'Windows' });
    expect(m.byType.get('aws_caller_identity')).toBeUndefined();
    const g = buildGraph(m);
    expect(g.out(m.byAddress.get('aws_launch_template.app')!, 'ami').map((r) => r.address)).toEqual(['data.aws_ami.win']);
  });

  it('are not kept when no reader of them is in the plan', () => {
    const m = plan({ dataSources: [winAmi] }, [{ address: 'aws_ecs_cluster.c', after: { name: 'c' } }]);
    expect(m.byType.get('aws_ami')).toBeUndefined();
  });

  it('a data source read again at apply is that read change, not its prior value', () => {
    const readAtApply: ResSpec = {
      address: 'data.aws_ami.win',
      actions: ['read'],
      after: { most_recent: true, owners: ['amazon'] },
      unknown: { id: true, platform: true, platform_details: true },
      expressions: winAmi.expressions,
    };
    const m = plan({ dataSources: [winAmi] }, [readAtApply, ...ltAsg(null, ref('data.aws_ami.win.id', 'data.aws_ami.win'))]);
    const amis = m.byType.get('aws_ami') ?? [];
    expect(amis.map((r) => r.action)).toEqual(['read']);
    expect(amis[0]!.current.str('platform_details').state).toBe('unknown');
  });

  it('a streamed plan (at least streamThresholdBytes) keeps the same data sources from prior_state: the same platform and price as read whole', async () => {
    const resources = ltAsg(WIN_AMI, ref('data.aws_ami.win.id', 'data.aws_ami.win'));
    const inModule: DataSpec = { ...winAmi, address: 'module.images.data.aws_ami.win' };
    const file = writePlan('ami-stream.json', buildPlan(resources, { dataSources: [winAmi, inModule, linuxAmi, caller] }));
    const whole = await loadPlan(file, { streamThresholdBytes: Infinity });
    for (const opts of [{ streamThresholdBytes: 0 }, { streamThresholdBytes: 0, twoPassThresholdBytes: 0 }]) {
      const streamed = await loadPlan(file, opts);
      expect(streamed.prior_data_sources?.map((r) => r.address)).toEqual([
        'data.aws_ami.win',
        'data.aws_ami.al2023',
        'module.images.data.aws_ami.win',
      ]);
      expect(streamed.prior_data_sources).toEqual(whole.prior_data_sources);
      const m = buildModel(streamed, { types: TYPE_TABLES });
      const ami = buildGraph(m).out(m.byAddress.get('aws_launch_template.app')!, 'ami');
      expect(ami.map((r) => r.address)).toEqual(['data.aws_ami.win']);
      expect(ami[0]!.current.str('platform_details')).toMatchObject({ state: 'known', value: 'Windows' });
      const cost = { cost: { priceFile: windowsPriceFile() } };
      const [a, b] = [whole, streamed].map((p) => resource(estimatePlan(p, cost), 'aws_autoscaling_group.app'));
      expect(rows(b!)).toEqual([['Instances m5.large Windows (on-demand)', 1460, 0.188]]);
      expect(b!.components).toEqual(a!.components);
      expect(b!.monthlyAfter).toBe(a!.monthlyAfter);
    }
  });
});
