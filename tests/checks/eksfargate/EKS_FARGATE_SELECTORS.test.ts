import { describe, expect, it } from 'vitest';
import { EKS_FARGATE_SELECTORS } from '../../../src/checks/rules/eksfargate/EKS_FARGATE_SELECTORS.js';
import { check } from '../helpers.js';
import { cluster, profile } from './fixtures.js';

const sel = (n: number) => Array.from({ length: n }, (_, i) => ({ namespace: `ns${i}`, labels: null }));

describe('EKS_FARGATE_SELECTORS', () => {
  it('fails a profile with more than five selectors', () => {
    const f = check(EKS_FARGATE_SELECTORS, [cluster, profile({ selector: sel(6) })]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: 'EKS_FARGATE_SELECTORS',
      severity: 'error',
      address: 'aws_eks_fargate_profile.apps',
      path: 'selector[5]',
    });
    expect(f[0]!.message).toContain('6 selectors');
    expect(f[0]!.message).toContain('at most 5');
  });

  it('accepts exactly five selectors with namespaces, wildcards included', () => {
    expect(
      check(EKS_FARGATE_SELECTORS, [cluster, profile({ selector: [...sel(4), { namespace: 'prod-*', labels: { 'app?': 'x*' } }] })]),
    ).toEqual([]);
  });

  it('fails a profile without selectors and a selector without namespace', () => {
    const none = check(EKS_FARGATE_SELECTORS, [cluster, profile({ selector: [] })]);
    expect(none).toHaveLength(1);
    expect(none[0]).toMatchObject({ severity: 'error', path: 'selector' });
    const noNs = check(EKS_FARGATE_SELECTORS, [
      cluster,
      profile({ selector: [{ namespace: 'apps' }, { namespace: '', labels: { a: 'b' } }] }),
    ]);
    expect(noNs).toHaveLength(1);
    expect(noNs[0]).toMatchObject({ severity: 'error', path: 'selector[1].namespace' });
    expect(noNs[0]!.message).toContain('must name a namespace');
  });

  it('says nothing when the selectors or a namespace are known only after apply', () => {
    expect(check(EKS_FARGATE_SELECTORS, [cluster, profile({ selector: undefined }, { unknown: { selector: true } })])).toEqual([]);
    expect(
      check(EKS_FARGATE_SELECTORS, [cluster, profile({ selector: [{ labels: null }] }, { unknown: { selector: [{ namespace: true }] } })]),
    ).toEqual([]);
  });
});
