import { describe, expect, it } from 'vitest';
import { KEY_ATTRIBUTES, keyOf, productQuery } from '../../src/cost/price-list.js';

/** AmazonEKS products priced by attributes: the Auto Mode fee per instance type and the Provisioned Control Plane tiers. */
const autoMode = (instancetype: string, regionCode = 'us-east-1') => ({
  productFamily: 'Compute',
  attributes: {
    regionCode,
    usagetype: `USE1-AutoMode-${instancetype}`,
    operation: 'EKSAutoUsage',
    eksproducttype: 'AutoMode',
    instancetype,
  },
});

describe('price list products found by attributes', () => {
  it('maps an EKS Auto Mode product to its per-instance-type fee key', () => {
    expect(keyOf('AmazonEKS', 'us-east-1', autoMode('m5.large'))).toBe('eks-auto/m5.large/hour');
    expect(keyOf('AmazonEKS', 'eu-west-1', autoMode('m5.large'))).toBeUndefined();
    expect(keyOf('AmazonECS', 'us-east-1', autoMode('m5.large'))).toBeUndefined();
    expect(keyOf('AmazonEKS', 'us-east-1', autoMode('../etc'))).toBeUndefined();
  });

  it('maps Provisioned Control Plane tiers and leaves other AmazonEKS products to their usage types', () => {
    const tier = (tiertype: string) => ({
      attributes: {
        regionCode: 'us-east-1',
        usagetype: 'USE1-AmazonEKS-Hours:provisioned',
        operation: 'ProvisionedControlPlaneUsage',
        tiertype,
      },
    });
    expect(keyOf('AmazonEKS', 'us-east-1', tier('HAProvisionedXL'))).toBe('eks/provisioned-control-plane/tier-xl/hour');
    expect(keyOf('AmazonEKS', 'us-east-1', tier('HAProvisioned4XL'))).toBe('eks/provisioned-control-plane/tier-4xl/hour');
    expect(keyOf('AmazonEKS', 'us-east-1', tier('HAProvisioned16XL'))).toBeUndefined();
    const cluster = { attributes: { regionCode: 'us-east-1', usagetype: 'USE1-AmazonEKS-Hours:perCluster', operation: 'CreateOperation' } };
    expect(keyOf('AmazonEKS', 'us-east-1', cluster)).toBe('eks/cluster-hour');
  });

  it('asks the Price List Query API for the same products, and the bulk scan keeps their attributes', () => {
    expect(productQuery('us-east-2', 'eks-auto/c6i.xlarge/hour')).toEqual({
      serviceCode: 'AmazonEKS',
      attributes: { regionCode: 'us-east-2', operation: 'EKSAutoUsage', instancetype: 'c6i.xlarge' },
    });
    expect(productQuery('us-east-1', 'eks/provisioned-control-plane/tier-2xl/hour')).toEqual({
      serviceCode: 'AmazonEKS',
      attributes: { regionCode: 'us-east-1', operation: 'ProvisionedControlPlaneUsage', tiertype: 'HAProvisioned2XL' },
    });
    expect(productQuery('us-east-1', 'eks-auto/not a type/hour')).toBeUndefined();
    expect(KEY_ATTRIBUTES).toEqual(expect.arrayContaining(['operation', 'tiertype', 'instancetype']));
  });
});
