import { describe, expect, it } from 'vitest';
import { EKS_SCALING } from '../../../src/checks/rules/eks/EKS_SCALING.js';
import { NG, nodeGroup, runner, update } from './fixtures.js';

const run = runner(EKS_SCALING);
const sizes = (desired_size: unknown, min_size: unknown, max_size: unknown) => ({ scaling_config: [{ desired_size, min_size, max_size }] });

describe('EKS_SCALING', () => {
  it('reports sizes out of order and max_size below 1', () => {
    const f = run([nodeGroup(sizes(0, 1, 0))]);
    expect(f.map((x) => [x.rule, x.severity, x.address, x.path])).toEqual([
      ['EKS_SCALING', 'error', NG, 'scaling_config[0].max_size'],
      ['EKS_SCALING', 'error', NG, 'scaling_config[0].min_size'],
      ['EKS_SCALING', 'error', NG, 'scaling_config[0].min_size'],
    ]);
    expect(f[1]!.message).toBe('min_size 1 is greater than max_size 0: EKS requires min_size <= desired_size <= max_size');
    expect(run([nodeGroup(sizes(5, 1, 3))])[0]!.message).toBe(
      'desired_size 5 is greater than max_size 3: EKS requires min_size <= desired_size <= max_size',
    );
  });

  it('reports the hidden trap: min_size raised above the kept desired_size', () => {
    const spec = update(nodeGroup(sizes(2, 4, 6)), sizes(2, 1, 6));
    const f = run([spec], { ignoreChanges: { [NG]: ['scaling_config[0].desired_size'] } });
    expect(f).toHaveLength(1);
    expect(f[0]!.path).toBe('scaling_config[0].min_size');
    expect(f[0]!.message).toBe(
      "min_size is raised from 1 to 4, above the node group's current desired_size 2: desired_size is in lifecycle.ignore_changes, so the plan keeps its current value, and EKS rejects the update (min_size <= desired_size <= max_size); raise desired_size first (aws eks update-nodegroup-config, or temporarily drop it from ignore_changes) or lower min_size",
    );
    // Without the .tf sources the plan still shows desired_size unchanged.
    expect(run([spec])[0]!.message).toContain('desired_size is left at its current value (typically lifecycle.ignore_changes');
  });

  it('reports max_unavailable above max_size', () => {
    const f = run([nodeGroup({ update_config: [{ max_unavailable: 4 }] })]);
    expect(f).toHaveLength(1);
    expect(f[0]!.path).toBe('update_config[0].max_unavailable');
    expect(f[0]!.message).toContain('update_config.max_unavailable 4 is greater than max_size 3');
  });

  it('passes consistent sizes, including raising min_size together with desired_size', () => {
    expect(run([nodeGroup({ ...sizes(1, 1, 1), update_config: [{ max_unavailable: 1 }] })])).toEqual([]);
    expect(run([update(nodeGroup(sizes(4, 4, 6)), sizes(2, 1, 6))])).toEqual([]);
  });

  it('says nothing about a desired_size that is unknown', () => {
    expect(run([nodeGroup(sizes(null, 4, 6), { unknown: { scaling_config: [{ desired_size: true }] } })])).toEqual([]);
    expect(run([nodeGroup(sizes(2, null, 6), { unknown: { scaling_config: [{ min_size: true }] } })])).toEqual([]);
  });
});
