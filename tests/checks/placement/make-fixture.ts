/**
 * Writes fixtures/placement.json: an ECS-on-EC2 stack on c6i.xlarge capacity and an EKS stack
 * (m7g and m6g node groups, one Fargate profile), with workloads that fit and workloads that
 * never will. Run: npx tsx tests/checks/placement/make-fixture.ts
 */
import { writeFileSync } from 'node:fs';
import { buildPlan, type ResSpec } from '../../helpers/plan.js';
import {
  asg,
  capacityProvider,
  cluster as ecsCluster,
  clusterProviders,
  container,
  launchTemplate,
  service,
  strategy,
  taskDef,
} from '../ecs/fixtures.js';
import { cluster as eksCluster, deployment, profile } from '../eksfargate/fixtures.js';

const ec2 = { requires_compatibilities: ['EC2'], network_mode: 'bridge' };
const onCp = { launch_type: null, network_configuration: [], capacity_provider_strategy: strategy(['ec2', 1, 0]) };

function nodeGroup(name: string, types: string[], ami: string): ResSpec {
  return {
    address: `aws_eks_node_group.${name}`,
    after: {
      cluster_name: 'main',
      node_group_name: name,
      node_role_arn: 'arn:aws:iam::111122223333:role/nodes',
      subnet_ids: ['subnet-0aaa', 'subnet-0bbb'],
      instance_types: types,
      ami_type: ami,
      scaling_config: [{ desired_size: 2, min_size: 1, max_size: 6 }],
      labels: null,
      taint: [],
      launch_template: [],
      remote_access: [],
    },
    unknown: {
      arn: true,
      id: true,
      status: true,
      resources: true,
      capacity_type: true,
      disk_size: true,
      release_version: true,
      version: true,
      node_group_name_prefix: true,
      update_config: true,
    },
  };
}

const resources: ResSpec[] = [
  ecsCluster(),
  clusterProviders(['ec2']),
  capacityProvider('ec2', 'ecs'),
  asg('ecs'),
  launchTemplate('ecs', 'c6i.xlarge'),
  taskDef('report', { ...ec2, cpu: '2048', memory: '16384' }),
  service('report', onCp, {}, 'report'),
  taskDef('arm', {
    ...ec2,
    cpu: '512',
    memory: '1024',
    runtime_platform: [{ cpu_architecture: 'ARM64', operating_system_family: 'LINUX' }],
  }),
  service('arm', onCp, {}, 'arm'),
  taskDef('gpu', { ...ec2, cpu: '1024', memory: '4096' }, {}, [container({ resourceRequirements: [{ type: 'GPU', value: '1' }] })]),
  service('gpu', onCp, {}, 'gpu'),
  taskDef('web', { ...ec2, cpu: '1024', memory: '2048' }),
  service('web', onCp, {}, 'web'),
  eksCluster,
  nodeGroup('graviton', ['m7g.large'], 'AL2023_ARM_64_STANDARD'),
  nodeGroup('general', ['m6g.large'], 'AL2023_ARM_64_STANDARD'),
  profile({ selector: [{ namespace: 'batch', labels: null }] }),
  deployment([['8', '64Gi']], { namespace: 'ml', address: 'kubernetes_deployment_v1.train' }),
  deployment([['500m', '1Gi']], { namespace: 'apps', address: 'kubernetes_deployment_v1.web' }),
];

writeFileSync(new URL('../../../fixtures/placement.json', import.meta.url), `${JSON.stringify(buildPlan(resources), null, 1)}\n`);
