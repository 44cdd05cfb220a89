/**
 * Writes fixtures/eks-auto-mode.json: a create plan with two EKS clusters and what runs on them.
 * - `aws_eks_cluster.auto`: a complete EKS Auto Mode cluster (built-in node pools, its node role
 *   created in the same plan, access entries), with a managed Argo CD capability;
 * - `aws_eks_cluster.training`: a Provisioned Control Plane (tier-xl) that turns on Auto Mode
 *   compute without block storage and load balancing, leaves bootstrap_self_managed_addons at
 *   its default, reaches on-premises nodes (Hybrid Nodes), and runs a GPU node group in a
 *   Capacity Block.
 * Run: npx tsx tests/checks/eks/make-auto-mode-fixture.ts
 */
import { writeFileSync } from 'node:fs';
import { buildPlan, constant, ref, type ResSpec } from '../../helpers/plan.js';

const ACCOUNT = '111122223333';
const vpc = (subnets: string[]) => [
  { subnet_ids: subnets, security_group_ids: [], endpoint_private_access: true, endpoint_public_access: false },
];
const vpcExpr = (subnets: string[]) => [
  { subnet_ids: constant(subnets), endpoint_private_access: constant(true), endpoint_public_access: constant(false) },
];
const clusterComputed = {
  arn: true,
  id: true,
  cluster_id: true,
  certificate_authority: true,
  created_at: true,
  endpoint: true,
  identity: true,
  platform_version: true,
  status: true,
  tags_all: true,
  vpc_config: [{ cluster_security_group_id: true, public_access_cidrs: true, vpc_id: true }],
};

const resources: ResSpec[] = [
  {
    address: 'aws_iam_role.auto_node',
    after: { name: 'eks-auto-node', assume_role_policy: '{"Version":"2012-10-17","Statement":[]}' },
    unknown: { arn: true, id: true, unique_id: true, create_date: true, tags_all: true },
    expressions: { name: constant('eks-auto-node'), assume_role_policy: ref('data.aws_iam_policy_document.node.json') },
  },
  {
    address: 'aws_eks_cluster.auto',
    after: {
      name: 'auto',
      version: '1.34',
      role_arn: `arn:aws:iam::${ACCOUNT}:role/eks-auto-cluster`,
      bootstrap_self_managed_addons: false,
      access_config: [{ authentication_mode: 'API', bootstrap_cluster_creator_admin_permissions: true }],
      compute_config: [{ enabled: true, node_pools: ['general-purpose', 'system'] }],
      kubernetes_network_config: [{ elastic_load_balancing: [{ enabled: true }] }],
      storage_config: [{ block_storage: [{ enabled: true }] }],
      upgrade_policy: [{ support_type: 'STANDARD' }],
      vpc_config: vpc(['subnet-0a1', 'subnet-0b1', 'subnet-0c1']),
      enabled_cluster_log_types: ['api', 'audit'],
      encryption_config: [],
      remote_network_config: [],
      zonal_shift_config: [],
      outpost_config: [],
      force_update_version: null,
      tags: { team: 'platform' },
    },
    unknown: { ...clusterComputed, compute_config: [{ node_role_arn: true }] },
    expressions: {
      name: constant('auto'),
      version: constant('1.34'),
      role_arn: constant(`arn:aws:iam::${ACCOUNT}:role/eks-auto-cluster`),
      bootstrap_self_managed_addons: constant(false),
      access_config: [{ authentication_mode: constant('API'), bootstrap_cluster_creator_admin_permissions: constant(true) }],
      compute_config: [
        {
          enabled: constant(true),
          node_pools: constant(['general-purpose', 'system']),
          node_role_arn: ref('aws_iam_role.auto_node.arn', 'aws_iam_role.auto_node'),
        },
      ],
      kubernetes_network_config: [{ elastic_load_balancing: [{ enabled: constant(true) }] }],
      storage_config: [{ block_storage: [{ enabled: constant(true) }] }],
      upgrade_policy: [{ support_type: constant('STANDARD') }],
      vpc_config: vpcExpr(['subnet-0a1', 'subnet-0b1', 'subnet-0c1']),
      enabled_cluster_log_types: constant(['api', 'audit']),
      tags: constant({ team: 'platform' }),
    },
  },
  {
    address: 'aws_eks_capability.argocd',
    after: {
      cluster_name: 'auto',
      capability_name: 'argocd',
      type: 'ARGOCD',
      role_arn: `arn:aws:iam::${ACCOUNT}:role/eks-argocd`,
      delete_propagation_policy: 'RETAIN',
      configuration: [],
      tags: null,
    },
    unknown: { arn: true, id: true, created_at: true, modified_at: true, status: true, version: true, tags_all: true },
    expressions: {
      cluster_name: ref('aws_eks_cluster.auto.name', 'aws_eks_cluster.auto'),
      capability_name: constant('argocd'),
      type: constant('ARGOCD'),
      role_arn: constant(`arn:aws:iam::${ACCOUNT}:role/eks-argocd`),
      delete_propagation_policy: constant('RETAIN'),
    },
  },
  {
    address: 'aws_eks_cluster.training',
    after: {
      name: 'training',
      version: '1.35',
      role_arn: `arn:aws:iam::${ACCOUNT}:role/eks-training-cluster`,
      bootstrap_self_managed_addons: true,
      access_config: [{ authentication_mode: 'API_AND_CONFIG_MAP', bootstrap_cluster_creator_admin_permissions: true }],
      compute_config: [{ enabled: true, node_pools: null, node_role_arn: null }],
      control_plane_scaling_config: [{ tier: 'tier-xl' }],
      remote_network_config: [
        { remote_node_networks: [{ cidrs: ['10.200.0.0/16'] }], remote_pod_networks: [{ cidrs: ['10.201.0.0/16'] }] },
      ],
      vpc_config: vpc(['subnet-0a2', 'subnet-0b2']),
      enabled_cluster_log_types: [],
      encryption_config: [],
      zonal_shift_config: [],
      outpost_config: [],
      force_update_version: null,
      tags: null,
    },
    unknown: clusterComputed,
    expressions: {
      name: constant('training'),
      version: constant('1.35'),
      role_arn: constant(`arn:aws:iam::${ACCOUNT}:role/eks-training-cluster`),
      access_config: [{ authentication_mode: constant('API_AND_CONFIG_MAP'), bootstrap_cluster_creator_admin_permissions: constant(true) }],
      compute_config: [{ enabled: constant(true) }],
      control_plane_scaling_config: [{ tier: constant('tier-xl') }],
      remote_network_config: [
        { remote_node_networks: [{ cidrs: constant(['10.200.0.0/16']) }], remote_pod_networks: [{ cidrs: constant(['10.201.0.0/16']) }] },
      ],
      vpc_config: vpcExpr(['subnet-0a2', 'subnet-0b2']),
    },
  },
  {
    address: 'aws_launch_template.gpu',
    after: {
      name: 'training-gpu',
      instance_type: 'p5.48xlarge',
      instance_market_options: [{ market_type: 'capacity-block', spot_options: [] }],
      capacity_reservation_specification: [
        {
          capacity_reservation_preference: null,
          capacity_reservation_target: [{ capacity_reservation_id: 'cr-0123456789abcdef0', capacity_reservation_resource_group_arn: null }],
        },
      ],
      block_device_mappings: [],
      tags: null,
    },
    unknown: { arn: true, id: true, latest_version: true, default_version: true, tags_all: true },
    expressions: {
      name: constant('training-gpu'),
      instance_type: constant('p5.48xlarge'),
      instance_market_options: [{ market_type: constant('capacity-block') }],
      capacity_reservation_specification: [
        { capacity_reservation_target: [{ capacity_reservation_id: constant('cr-0123456789abcdef0') }] },
      ],
    },
  },
  {
    address: 'aws_eks_node_group.gpu',
    after: {
      cluster_name: 'training',
      node_group_name: 'gpu',
      node_role_arn: `arn:aws:iam::${ACCOUNT}:role/eks-training-node`,
      subnet_ids: ['subnet-0a2'],
      capacity_type: 'CAPACITY_BLOCK',
      ami_type: 'AL2023_x86_64_NVIDIA',
      instance_types: null,
      scaling_config: [{ desired_size: 2, min_size: 0, max_size: 2 }],
      launch_template: [{ name: null, version: '$Latest' }],
      labels: { workload: 'training' },
      taint: [],
      remote_access: [],
      tags: null,
    },
    unknown: {
      arn: true,
      id: true,
      status: true,
      resources: true,
      disk_size: true,
      release_version: true,
      version: true,
      node_group_name_prefix: true,
      update_config: true,
      tags_all: true,
      launch_template: [{ id: true, name: true }],
    },
    expressions: {
      cluster_name: ref('aws_eks_cluster.training.name', 'aws_eks_cluster.training'),
      node_group_name: constant('gpu'),
      node_role_arn: constant(`arn:aws:iam::${ACCOUNT}:role/eks-training-node`),
      subnet_ids: constant(['subnet-0a2']),
      capacity_type: constant('CAPACITY_BLOCK'),
      ami_type: constant('AL2023_x86_64_NVIDIA'),
      scaling_config: [{ desired_size: constant(2), min_size: constant(0), max_size: constant(2) }],
      launch_template: [{ id: ref('aws_launch_template.gpu.id', 'aws_launch_template.gpu'), version: constant('$Latest') }],
      labels: constant({ workload: 'training' }),
    },
  },
];

const plan = buildPlan(resources, { region: 'us-east-1', terraformVersion: '1.13.4' });
writeFileSync(new URL('../../../fixtures/eks-auto-mode.json', import.meta.url), `${JSON.stringify(plan, null, 1)}\n`);
