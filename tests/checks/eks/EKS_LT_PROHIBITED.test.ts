import { describe, expect, it } from 'vitest';
import { EKS_LT_PROHIBITED } from '../../../src/checks/rules/eks/EKS_LT_PROHIBITED.js';
import { constant, ref, type ResSpec } from '../../helpers/plan.js';
import { check } from '../helpers.js';
import { launchTemplate, LT, NG, nodeGroup, runner, update, withTemplate } from './fixtures.js';

const run = runner(EKS_LT_PROHIBITED);

describe('EKS_LT_PROHIBITED', () => {
  it('reports disk_size and remote_access on a node group with a launch template', () => {
    const f = run([withTemplate({ disk_size: 50, remote_access: [{ ec2_ssh_key: 'ops' }] }), launchTemplate({ instance_type: null })]);
    expect(f.map((x) => [x.rule, x.severity, x.address, x.path])).toEqual([
      ['EKS_LT_PROHIBITED', 'error', NG, 'disk_size'],
      ['EKS_LT_PROHIBITED', 'error', NG, 'remote_access'],
    ]);
    expect(f[0]!.message).toBe(
      `disk_size 50 is set together with launch_template: EKS rejects it ("Disk size must be specified within the launch template"); set the root volume size in ${LT}'s block_device_mappings instead`,
    );
  });

  it('reports an instance type in both the node group and the template (linked by reference)', () => {
    const f = run([
      nodeGroup(
        { instance_types: ['t3.large'], launch_template: [{ version: '1' }] },
        {
          unknown: { launch_template: [{ id: true }] },
          expressions: {
            instance_types: { constant_value: ['t3.large'] },
            launch_template: [{ id: ref('aws_launch_template.nodes.id', 'aws_launch_template.nodes') }],
          },
        },
      ),
      launchTemplate({ id: null, instance_type: 't2.micro' }, { unknown: { id: true } }),
    ]);
    expect(f).toHaveLength(1);
    expect(f[0]!.path).toBe('instance_types');
    expect(f[0]!.message).toContain(`instance_types is set on the node group while ${LT} also sets instance_type "t2.micro"`);
  });

  it('reports template settings EKS manages and a custom AMI next to ami_type/version', () => {
    const f = run([
      withTemplate({ ami_type: 'AL2023_x86_64_STANDARD', version: '1.34' }),
      launchTemplate({
        image_id: 'ami-0123',
        iam_instance_profile: [{ name: 'nodes' }],
        network_interfaces: [{ subnet_id: 'subnet-1' }],
        instance_initiated_shutdown_behavior: 'terminate',
      }),
    ]);
    expect(f.map((x) => x.path)).toEqual(['launch_template[0]', 'launch_template[0]', 'launch_template[0]', 'ami_type', 'version']);
    expect(f[0]!.message).toContain(`${LT} sets iam_instance_profile, which EKS does not allow`);
    expect(f[1]!.message).toContain('network_interfaces[0].subnet_id "subnet-1"');
    expect(f[2]!.message).toContain('instance_initiated_shutdown_behavior "terminate"');
    expect(f[4]!.message).toContain(`version "1.34" is set while ${LT} sets image_id (a custom AMI)`);
  });

  it('passes CUSTOM ami_type and a version AWS read back into state but the configuration does not write', () => {
    const ng = withTemplate(
      { ami_type: 'CUSTOM', version: '1.34' },
      { expressions: { cluster_name: { constant_value: 'main' }, launch_template: [{ id: { constant_value: 'lt-0abc' } }] } },
    );
    expect(run([update(ng, {}), launchTemplate({ image_id: 'ami-0123', instance_type: null })])).toEqual([]);
  });

  it('passes a node group without a launch template, and one that keeps the settings in the template', () => {
    expect(run([nodeGroup({ disk_size: 50, remote_access: [{ ec2_ssh_key: 'ops' }] })])).toEqual([]);
    expect(
      run([withTemplate(), launchTemplate({ block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ volume_size: 50 }] }] })]),
    ).toEqual([]);
  });

  it('says nothing on unknown values', () => {
    expect(run([withTemplate({ disk_size: null }, { unknown: { disk_size: true } }), launchTemplate()])).toEqual([]);
    expect(
      run([withTemplate({ instance_types: ['m5.large'] }), launchTemplate({ instance_type: null }, { unknown: { instance_type: true } })]),
    ).toEqual([]);
    expect(
      run([
        withTemplate({ version: null }, { unknown: { version: true } }),
        launchTemplate({ image_id: null }, { unknown: { image_id: true } }),
      ]),
    ).toEqual([]);
  });

  describe('a node group written the way terraform-aws-modules/eks writes it', () => {
    const MOD = 'module.eks.module.eks_managed_node_group["default"]';
    const ngAddress = `${MOD}.aws_eks_node_group.this[0]`;
    // The module writes `disk_size = var.use_custom_launch_template ? null : var.disk_size` and links its own launch template.
    const expressions = {
      cluster_name: ref('var.cluster_name'),
      node_group_name: ref('var.name'),
      disk_size: ref('var.use_custom_launch_template', 'var.disk_size'),
      launch_template: [
        {
          id: ref('aws_launch_template.this[0].id', 'aws_launch_template.this[0]', 'aws_launch_template.this'),
          version: ref('var.launch_template_version', 'aws_launch_template.this[0].default_version'),
        },
      ],
      scaling_config: [{ desired_size: ref('var.desired_size'), min_size: ref('var.min_size'), max_size: ref('var.max_size') }],
    };
    const template: ResSpec = {
      address: `${MOD}.aws_launch_template.this[0]`,
      actions: ['update'],
      before: {
        id: 'lt-0abc',
        name: 'default-2024',
        default_version: 1,
        latest_version: 1,
        block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ volume_size: 100, volume_type: 'gp3' }] }],
      },
      after: {
        id: 'lt-0abc',
        name: 'default-2024',
        default_version: 2,
        block_device_mappings: [{ device_name: '/dev/xvda', ebs: [{ volume_size: 100, volume_type: 'gp3' }] }],
      },
      unknown: { latest_version: true },
      expressions: {
        name_prefix: ref('var.launch_template_name'),
        block_device_mappings: [
          { device_name: constant('/dev/xvda'), ebs: [{ volume_size: constant(100), volume_type: constant('gp3') }] },
        ],
      },
    };
    const nodeGroupIn = (before: Record<string, unknown>, after: Record<string, unknown>, actions: string[]): ResSpec => ({
      address: ngAddress,
      actions,
      before:
        actions[0] === 'create'
          ? null
          : {
              cluster_name: 'main',
              node_group_name: 'default-2024',
              ami_type: 'AL2023_x86_64_STANDARD',
              capacity_type: 'ON_DEMAND',
              instance_types: ['m6i.large'],
              scaling_config: [{ desired_size: 2, min_size: 1, max_size: 3 }],
              remote_access: [],
              ...before,
            },
      after: {
        cluster_name: 'main',
        node_group_name: 'default-2024',
        ami_type: 'AL2023_x86_64_STANDARD',
        capacity_type: 'ON_DEMAND',
        instance_types: ['m6i.large'],
        scaling_config: [{ desired_size: 2, min_size: 1, max_size: 3 }],
        remote_access: [],
        ...after,
      },
      expressions,
    });
    const spec = {
      moduleCalls: {
        'module.eks': { source: 'terraform-aws-modules/eks/aws' },
        'module.eks.module.eks_managed_node_group': {
          source: './modules/eks-managed-node-group',
          expressions: { use_custom_launch_template: constant(true), disk_size: ref('each.value.disk_size') },
        },
      },
    };

    it('an update with disk_size 0 from state beside the launch template is not an error', () => {
      const ng = nodeGroupIn(
        { disk_size: 0, launch_template: [{ id: 'lt-0abc', name: 'default-2024', version: '1' }] },
        { disk_size: 0, launch_template: [{ id: 'lt-0abc', name: 'default-2024', version: '2' }] },
        ['update'],
      );
      expect(check(EKS_LT_PROHIBITED, [ng, template], { spec })).toEqual([]);
    });

    it('a non-zero disk_size written beside the launch template is still an error', () => {
      const ng = nodeGroupIn({}, { disk_size: 50, launch_template: [{ id: 'lt-0abc', version: '2' }] }, ['create']);
      const f = check(EKS_LT_PROHIBITED, [{ ...ng, unknown: { launch_template: [{ name: true }], arn: true, id: true } }, template], {
        spec,
      });
      expect(f.map((x) => [x.address, x.path, x.severity])).toEqual([[ngAddress, 'disk_size', 'error']]);
      expect(f[0]!.message).toContain(`disk_size 50 is set together with launch_template`);
      expect(f[0]!.message).toContain(`${MOD}.aws_launch_template.this[0]'s block_device_mappings`);
    });
  });
});
