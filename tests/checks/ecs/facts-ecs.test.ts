import { describe, expect, it } from 'vitest';
import { instanceType } from '../../../src/aws/facts.js';
import { awsvpcTasksPerInstance, ecsEniTrunking } from '../../../src/aws/facts-ecs.js';

describe('awsvpc tasks per container instance', () => {
  it('uses the limits ECS publishes, without and with ENI trunking', () => {
    expect(awsvpcTasksPerInstance('m5.large', false)).toEqual({ tasks: 2, basis: 'without ENI trunking, as ECS publishes it' });
    expect(awsvpcTasksPerInstance('m5.large', true)?.tasks).toBe(10);
    expect(awsvpcTasksPerInstance('p4d.24xlarge', false)?.tasks).toBe(59);
  });

  it('falls back to the EC2 ENI limit minus the primary ENI for types ECS does not list', () => {
    expect(awsvpcTasksPerInstance('m7i.large', false)).toEqual({ tasks: 2, basis: '3 ENIs minus the primary' });
    // t3 does not support trunking, so enabling it changes nothing.
    expect(awsvpcTasksPerInstance('t3.micro', true)).toEqual({
      tasks: 1,
      basis: '2 ENIs minus the primary; ENI trunking is not supported on this type',
    });
  });

  it('does not guess a trunking limit ECS does not publish', () => {
    expect(awsvpcTasksPerInstance('m7i.large', true)).toBeUndefined();
    expect(awsvpcTasksPerInstance('i4i.large', true)).toBeUndefined();
    expect(awsvpcTasksPerInstance('no.such-type', false)).toBeUndefined();
  });

  it('agrees with the EC2 instance facts for every listed type', () => {
    let compared = 0;
    for (const [type, row] of Object.entries(ecsEniTrunking.types)) {
      const it = instanceType(type);
      if (it?.maxEnis !== undefined) {
        expect(row.withoutTrunking, type).toBeLessThanOrEqual(it.maxEnis - 1);
        compared++;
      }
      if (row.withTrunking !== undefined && it?.branchEnis !== undefined)
        expect(row.withTrunking, type).toBeGreaterThanOrEqual(it.branchEnis);
    }
    expect(compared).toBeGreaterThan(400);
  });
});
