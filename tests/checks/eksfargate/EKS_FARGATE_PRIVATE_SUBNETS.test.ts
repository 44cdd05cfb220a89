import { describe, expect, it } from 'vitest';
import { EKS_FARGATE_PRIVATE_SUBNETS } from '../../../src/checks/rules/eksfargate/EKS_FARGATE_PRIVATE_SUBNETS.js';
import { ref, type ResSpec } from '../../helpers/plan.js';
import { check } from '../helpers.js';
import { cluster, profile } from './fixtures.js';

/** A VPC written the usual way: subnets, route tables and the internet gateway all created in this plan. */
function network(publicDefault: 'igw' | 'nat'): ResSpec[] {
  const subnet = (i: number): ResSpec => ({
    address: `aws_subnet.private[${i}]`,
    after: { cidr_block: `10.0.${i}.0/24`, map_public_ip_on_launch: false },
    unknown: { id: true, arn: true, vpc_id: true },
    expressions: { vpc_id: ref('aws_vpc.main.id', 'aws_vpc.main'), cidr_block: ref('count.index') },
  });
  const assoc = (i: number): ResSpec => ({
    address: `aws_route_table_association.private[${i}]`,
    after: { gateway_id: null },
    unknown: { id: true, subnet_id: true, route_table_id: true },
    expressions: {
      subnet_id: ref('aws_subnet.private[count.index].id', 'aws_subnet.private', 'count.index'),
      route_table_id: ref('aws_route_table.private.id', 'aws_route_table.private'),
    },
  });
  const gw = publicDefault === 'igw' ? 'aws_internet_gateway.main' : 'aws_nat_gateway.main';
  return [
    // The gateway the default route goes to is in the plan too (created here, or unchanged).
    {
      address: gw,
      after: {},
      unknown: { id: true, arn: true, vpc_id: true },
      expressions: { vpc_id: ref('aws_vpc.main.id', 'aws_vpc.main') },
    },
    subnet(0),
    subnet(1),
    assoc(0),
    assoc(1),
    {
      address: 'aws_route_table.private',
      after: { route: [{ cidr_block: '0.0.0.0/0', ipv6_cidr_block: '' }] },
      unknown: { id: true, arn: true, vpc_id: true, route: [{ [publicDefault === 'igw' ? 'gateway_id' : 'nat_gateway_id']: true }] },
      expressions: {
        vpc_id: ref('aws_vpc.main.id', 'aws_vpc.main'),
        route: [
          { cidr_block: { constant_value: '0.0.0.0/0' }, [publicDefault === 'igw' ? 'gateway_id' : 'nat_gateway_id']: ref(`${gw}.id`, gw) },
        ],
      },
    },
  ];
}

const fp = () =>
  profile(
    { subnet_ids: undefined },
    {
      unknown: { arn: true, id: true, status: true, subnet_ids: true },
      expressions: { subnet_ids: ref('aws_subnet.private', 'aws_subnet.private[*].id') },
    },
  );

describe('EKS_FARGATE_PRIVATE_SUBNETS', () => {
  it('fails subnets whose route table sends 0.0.0.0/0 to an internet gateway', () => {
    const f = check(EKS_FARGATE_PRIVATE_SUBNETS, [cluster, ...network('igw'), fp()]);
    expect(f).toHaveLength(2);
    expect(f[0]).toMatchObject({
      rule: 'EKS_FARGATE_PRIVATE_SUBNETS',
      severity: 'error',
      address: 'aws_eks_fargate_profile.apps',
      path: 'subnet_ids',
    });
    expect(f.map((x) => x.message.split(' is public')[0])).toEqual(['subnet aws_subnet.private[0]', 'subnet aws_subnet.private[1]']);
    expect(f[0]!.message).toContain('aws_route_table.private');
    expect(f[0]!.message).toContain('aws_internet_gateway.main');
  });

  it('accepts subnets routed through a NAT gateway', () => {
    expect(check(EKS_FARGATE_PRIVATE_SUBNETS, [cluster, ...network('nat'), fp()])).toEqual([]);
  });

  it('reads known subnet IDs, route table IDs and a separate aws_route', () => {
    const resources: ResSpec[] = [
      cluster,
      {
        address: 'aws_route_table_association.a',
        actions: ['no-op'],
        after: { subnet_id: 'subnet-0aaa', route_table_id: 'rtb-01', gateway_id: null },
      },
      {
        address: 'aws_route_table_association.b',
        actions: ['no-op'],
        after: { subnet_id: 'subnet-0bbb', route_table_id: 'rtb-02', gateway_id: null },
      },
      { address: 'aws_route_table.a', actions: ['no-op'], after: { id: 'rtb-01', route: [] } },
      { address: 'aws_route_table.b', actions: ['no-op'], after: { id: 'rtb-02', route: [] } },
      {
        address: 'aws_route.b_default',
        after: { route_table_id: 'rtb-02', destination_cidr_block: '0.0.0.0/0', gateway_id: 'igw-0123' },
        unknown: { id: true },
      },
      profile(),
    ];
    const f = check(EKS_FARGATE_PRIVATE_SUBNETS, resources);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'error', path: 'subnet_ids[1]' });
    expect(f[0]!.message).toContain('"subnet-0bbb"');
    expect(f[0]!.message).toContain('"igw-0123"');
    expect(f[0]!.message).toContain('aws_route.b_default');
  });

  it('reports info, not an error, when the routes cannot be seen', () => {
    const f = check(EKS_FARGATE_PRIVATE_SUBNETS, [cluster, profile()]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'info', path: 'subnet_ids' });
    expect(f[0]!.message).toContain('"subnet-0aaa", "subnet-0bbb" are private');
  });

  it('reports info when the gateway of the default route is unknown and not an internet gateway reference', () => {
    const net = network('igw').map((r) =>
      r.address === 'aws_route_table.private'
        ? { ...r, expressions: { route: [{ cidr_block: { constant_value: '0.0.0.0/0' }, gateway_id: ref('var.gateway_id') }] } }
        : r,
    );
    const f = check(EKS_FARGATE_PRIVATE_SUBNETS, [cluster, ...net, fp()]);
    expect(f.map((x) => x.severity)).toEqual(['info']);
  });

  it('does not re-check a profile that already exists', () => {
    expect(check(EKS_FARGATE_PRIVATE_SUBNETS, [cluster, ...network('igw'), { ...fp(), actions: ['no-op'] }])).toEqual([]);
  });
});
