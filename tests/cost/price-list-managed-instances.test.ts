import { describe, expect, it } from 'vitest';
import { keyOf, KEY_ATTRIBUTES, productQuery } from '../../src/cost/price-list.js';

describe('the ECS Managed Instances fee in the price-list mapping', () => {
  it('maps an AmazonECS product of an instance type whose usage type names Managed Instances to its key', () => {
    const product = { attributes: { regionCode: 'us-east-1', usagetype: 'USE1-ManagedInstances:m6i.large', instanceType: 'm6i.large' } };
    expect(keyOf('AmazonECS', 'us-east-1', product)).toBe('ecs-managed-instances/m6i.large/hour');
    expect(KEY_ATTRIBUTES).toContain('instanceType');
  });

  it('leaves Fargate rows, other services and other regions alone', () => {
    expect(keyOf('AmazonECS', 'us-east-1', { attributes: { regionCode: 'us-east-1', usagetype: 'USE1-Fargate-GB-Hours' } })).toBe(
      'fargate/x86/gb-hour',
    );
    expect(
      keyOf('AmazonEC2', 'us-east-1', {
        attributes: { regionCode: 'us-east-1', usagetype: 'ManagedInstances:m6i.large', instanceType: 'm6i.large' },
      }),
    ).toBeUndefined();
    expect(
      keyOf('AmazonECS', 'us-east-1', {
        attributes: { regionCode: 'us-east-2', usagetype: 'USE2-ManagedInstances:m6i.large', instanceType: 'm6i.large' },
      }),
    ).toBeUndefined();
  });

  it('asks the live Price List for the AmazonECS products of the instance type', () => {
    expect(productQuery('eu-west-1', 'ecs-managed-instances/c6a.2xlarge/hour')).toEqual({
      serviceCode: 'AmazonECS',
      attributes: { regionCode: 'eu-west-1', instanceType: 'c6a.2xlarge' },
    });
  });
});
