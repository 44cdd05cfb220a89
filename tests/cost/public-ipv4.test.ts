import { describe, expect, it } from 'vitest';
import { estimate, resource } from './helpers.js';

/*
 * A public IPv4 address in use costs $0.005 per hour (AmazonVPC PublicIPv4:InUseAddress, since
 * 2024-02-01): 730 hours a month is $3.65 per address. m5.large us-east-1 $0.096/h (70.08 a month).
 */
const launchTemplate = (networkInterfaces: unknown[]) => ({
  address: 'aws_launch_template.web',
  after: {
    name: 'web',
    instance_type: 'm5.large',
    block_device_mappings: [],
    network_interfaces: networkInterfaces,
  },
});

const asg = {
  address: 'aws_autoscaling_group.web',
  after: {
    name: 'web',
    min_size: 2,
    max_size: 6,
    desired_capacity: 3,
    launch_template: [{ id: 'lt-0web', name: null, version: '$Latest' }],
    mixed_instances_policy: [],
    vpc_zone_identifier: ['subnet-0a1b2c3d'],
  },
  expressions: {
    launch_template: [
      { id: { references: ['aws_launch_template.web.id', 'aws_launch_template.web'] }, version: { constant_value: '$Latest' } },
    ],
    min_size: { constant_value: 2 },
    max_size: { constant_value: 6 },
    desired_capacity: { constant_value: 3 },
    name: { constant_value: 'web' },
  },
  unknown: { launch_template: [{ id: true }] },
};

describe('public IPv4 addresses of Auto Scaling group instances', () => {
  it('prices one address per instance when the launch template associates one', () => {
    const r = resource(
      estimate([launchTemplate([{ device_index: 0, associate_public_ip_address: 'true' }]), asg]),
      'aws_autoscaling_group.web',
    );
    const ip = r.components.find((c) => c.name === 'Public IPv4 addresses')!;
    expect([ip.unit, ip.quantity, ip.unitPrice]).toEqual(['address-hours', 3 * 730, 0.005]);
    expect(ip.monthly).toBeCloseTo(10.95, 9);
    // 3 × (70.08 + 3.65) = 221.19; 2 × 73.73 = 147.46; 6 × 73.73 = 442.38
    expect(r.monthlyAfter).toBeCloseTo(221.19, 9);
    expect(r.min).toBeCloseTo(147.46, 9);
    expect(r.max).toBeCloseTo(442.38, 9);
    expect(r.notes).toContain('aws_launch_template.web associates a public IPv4 address with each instance');
  });

  it('prices no address when the launch template turns it off', () => {
    const r = resource(
      estimate([launchTemplate([{ device_index: 0, associate_public_ip_address: 'false' }]), asg]),
      'aws_autoscaling_group.web',
    );
    expect(r.components.map((c) => c.name)).toEqual(['Instances m5.large (on-demand)']);
    expect(r.monthlyAfter).toBeCloseTo(3 * 70.08, 9);
  });

  it('says the subnet decides when the launch template does not set it', () => {
    const r = resource(estimate([launchTemplate([]), asg]), 'aws_autoscaling_group.web');
    expect(r.components.map((c) => c.name)).toEqual(['Instances m5.large (on-demand)']);
    expect(r.notes?.join('\n')).toContain(
      "aws_launch_template.web does not say whether the instances get a public IPv4 address: their subnet's map_public_ip_on_launch decides",
    );
  });

  it('leaves the monthly figure unknown when the association is known only after apply', () => {
    const lt = launchTemplate([{ device_index: 0 }]);
    const r = resource(
      estimate([
        {
          ...lt,
          expressions: {
            name: { constant_value: 'web' },
            instance_type: { constant_value: 'm5.large' },
            network_interfaces: [{ device_index: { constant_value: 0 }, associate_public_ip_address: { references: ['var.public'] } }],
          },
          unknown: { network_interfaces: [{ associate_public_ip_address: true }] },
        },
        asg,
      ]),
      'aws_autoscaling_group.web',
    );
    const ip = r.components.find((c) => c.name === 'Public IPv4 addresses')!;
    expect([ip.quantity, ip.monthly, ip.unitPrice]).toEqual([null, null, 0.005]);
    expect(r.monthlyAfter).toBeNull();
  });
});
