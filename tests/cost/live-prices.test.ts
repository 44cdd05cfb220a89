import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineOptions } from '../../src/engine/context.js';
import { estimateCostsLive } from '../../src/cost/index.js';
import { credentialsConfigured, LivePrices } from '../../src/cost/live.js';
import { keyOf, onDemandUsd, productQuery } from '../../src/cost/price-list.js';
import { embeddedSnapshot } from '../../src/cost/prices.js';
import { analyse } from '../../src/engine/analyse.js';
import { buildGraph } from '../../src/plan/graph.js';
import { validatePlan } from '../../src/plan/load.js';
import { buildModel } from '../../src/plan/model.js';
import { render } from '../../src/report/render.js';
import type { PlanCost } from '../../src/report/schema.js';
import { buildPlan, writePlan, type ResSpec } from '../helpers/plan.js';
import { resource } from './helpers.js';
import { startEmulator, type Emulator, type EmulatorProduct } from './pricing-emulator.js';

const ec2 = (region: string, prefix: string, type: string, usd: string, over: Record<string, string> = {}): EmulatorProduct => ({
  serviceCode: 'AmazonEC2',
  sku: `SKU${region}${type}${JSON.stringify(over)}`.replace(/[^A-Za-z0-9]/g, '').toUpperCase(),
  attributes: {
    regionCode: region,
    instanceType: type,
    usagetype: `${prefix}-BoxUsage:${type}`,
    operatingSystem: 'Linux',
    tenancy: 'Shared',
    preInstalledSw: 'NA',
    capacitystatus: 'Used',
    licenseModel: 'No License required',
    operation: 'RunInstances',
    ...over,
  },
  usd,
});
const byUsage = (
  serviceCode: string,
  region: string,
  usagetype: string,
  usd: string,
  productFamily: string,
  unit: string,
): EmulatorProduct => ({
  serviceCode,
  sku: `SKU${usagetype}`.replace(/[^A-Za-z0-9]/g, '').toUpperCase(),
  productFamily,
  attributes: { regionCode: region, usagetype },
  usd,
  unit,
});

const PRODUCTS: EmulatorProduct[] = [
  ec2('eu-central-1', 'EUC1', 't3.small', '0.0240000000'),
  ec2('us-east-2', 'USE2', 'm6i.large', '0.0960000000'),
  // Same type, other products: the filters leave them out.
  ec2('us-east-2', 'USE2', 'm6i.large', '0.1880000000', {
    operatingSystem: 'Windows',
    licenseModel: 'License Included',
    operation: 'RunInstances:0002',
  }),
  ec2('us-east-2', 'USE2', 'm6i.large', '0.0960000000', { capacitystatus: 'UnusedCapacityReservation' }),
  byUsage('AmazonEC2', 'eu-central-1', 'EUC1-EBS:VolumeUsage.gp2', '0.1190000000', 'Storage', 'GB-Mo'),
  byUsage('AmazonEC2', 'us-east-2', 'USE2-EBS:VolumeUsage.gp2', '0.1000000000', 'Storage', 'GB-Mo'),
  byUsage('AmazonEKS', 'eu-central-1', 'EUC1-AmazonEKS-Hours:perCluster', '0.1000000000', 'Compute', 'Hours'),
];

const nodeGroup = (name: string, type: string, provider: string): ResSpec => ({
  address: `aws_eks_node_group.${name}`,
  providerConfigKey: provider,
  after: {
    cluster_name: 'prod',
    node_group_name: name,
    capacity_type: 'ON_DEMAND',
    instance_types: [type],
    disk_size: 20,
    launch_template: [],
    scaling_config: [{ desired_size: 2, min_size: 1, max_size: 3 }],
  },
});

const PROVIDERS = {
  'aws.frankfurt': {
    name: 'aws',
    full_name: 'registry.terraform.io/hashicorp/aws',
    alias: 'frankfurt',
    expressions: { region: { constant_value: 'eu-central-1' } },
  },
  'aws.ohio': {
    name: 'aws',
    full_name: 'registry.terraform.io/hashicorp/aws',
    alias: 'ohio',
    expressions: { region: { constant_value: 'us-east-2' } },
  },
};

/** Node groups in eu-central-1 (t3.small) and us-east-2 (m6i.large), and an EKS cluster in eu-central-1. */
const twoRegions = () =>
  buildPlan(
    [
      nodeGroup('frankfurt', 't3.small', 'aws.frankfurt'),
      nodeGroup('ohio', 'm6i.large', 'aws.ohio'),
      { address: 'aws_eks_cluster.prod', providerConfigKey: 'aws.frankfurt', after: { name: 'prod', version: '1.35' } },
    ],
    { providers: PROVIDERS },
  );

const OPTIONS: EngineOptions = { asOf: '2026-11-22', failOn: 'never' };

/** The plan's cost with the given live prices (the engine's pre-pass, on one plan). */
async function costWith(live: LivePrices, plan = twoRegions()): Promise<PlanCost> {
  const model = buildModel(validatePlan('test.json', JSON.parse(JSON.stringify(plan))));
  const c = await estimateCostsLive(
    { model, graph: buildGraph(model), options: OPTIONS, settings: {}, locate: () => undefined, ignoreChanges: () => undefined },
    live,
  );
  if (!c) throw new Error('no cost');
  return c;
}

let emulator: Emulator | undefined;
const serve = async (options: Omit<Parameters<typeof startEmulator>[0], 'products'> = {}) => {
  emulator = await startEmulator({ products: PRODUCTS, ...options });
  vi.stubEnv('AWS_ENDPOINT_URL_PRICING', emulator.url);
  return emulator;
};

beforeEach(() => {
  // Fake keys: the emulator checks the request is signed, not by whom.
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'x');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'y');
  vi.stubEnv('AWS_SESSION_TOKEN', '');
  vi.stubEnv('AWS_PROFILE', '');
  vi.stubEnv('AWS_ENDPOINT_URL', '');
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await emulator?.close();
  emulator = undefined;
});

describe('live prices from the AWS Price List Query API', () => {
  it('prices node groups in eu-central-1 and us-east-2 from the API, asking only for the prices the plan needs', async () => {
    const em = await serve();
    const c = await costWith(new LivePrices({ mode: 'auto', today: '2026-11-30' }));
    expect(em.rejected).toEqual([]);
    // 2 × 730 h × 0.024 + 2 × 20 GB × 0.119 = 35.04 + 4.76
    const fra = resource(c, 'aws_eks_node_group.frankfurt');
    expect(fra.monthlyAfter).toBeCloseTo(35.04 + 4.76, 9);
    expect(fra.unpriced).toEqual([]);
    expect(fra.components.map((k) => k.priceSource)).toEqual(['AWS Price List API, 2026-11-01', 'AWS Price List API, 2026-11-01']);
    // 2 × 730 h × 0.096 + 2 × 20 GB × 0.10 = 140.16 + 4
    expect(resource(c, 'aws_eks_node_group.ohio').monthlyAfter).toBeCloseTo(140.16 + 4, 9);
    expect(resource(c, 'aws_eks_cluster.prod').monthlyAfter).toBeCloseTo(73, 9);
    expect(c.priceOrigins).toEqual(['AWS Price List API, 2026-11-01']);
    const asked = em.requests.map((r) => `${r.serviceCode} ${r.filters.regionCode} ${r.filters.usagetype}`).sort();
    expect(asked).toEqual([
      'AmazonEC2 eu-central-1 EUC1-BoxUsage:t3.small',
      'AmazonEC2 eu-central-1 EUC1-EBS:VolumeUsage.gp2',
      'AmazonEC2 us-east-2 USE2-BoxUsage:m6i.large',
      'AmazonEC2 us-east-2 USE2-EBS:VolumeUsage.gp2',
      'AmazonEKS eu-central-1 EUC1-AmazonEKS-Hours:perCluster',
    ]);
    // The instance queries pin the operating system, tenancy, software and capacity status.
    expect(em.requests.find((r) => r.filters.instanceType === 'm6i.large')?.filters).toMatchObject({
      operatingSystem: 'Linux',
      tenancy: 'Shared',
      preInstalledSw: 'NA',
      capacitystatus: 'Used',
    });
  });

  it('follows NextToken to the page holding the product', async () => {
    const em = await serve({ emptyFirstPage: true });
    const c = await costWith(new LivePrices({ mode: 'live', today: '2026-11-30' }));
    expect(resource(c, 'aws_eks_node_group.frankfurt').components[0]!.unitPrice).toBe(0.024);
    expect(em.requests.filter((r) => r.nextToken === 'page-1')).toHaveLength(5);
  });

  it('retries a ThrottlingException', async () => {
    const em = await serve({ throttle: 2 });
    const live = new LivePrices({ mode: 'auto', today: '2026-11-30', concurrency: 1 });
    const c = await costWith(live);
    expect(resource(c, 'aws_eks_node_group.ohio').components[0]!.unitPrice).toBe(0.096);
    expect(em.requests).toHaveLength(5 + 2);
    expect(live.report(embeddedSnapshot.snapshotDate)).toEqual({ warnings: [], notes: [] });
  });

  it('AccessDeniedException: the snapshot, and one warning naming pricing:GetProducts', async () => {
    const em = await serve({ deny: true });
    const live = new LivePrices({ mode: 'auto', today: '2026-11-30', concurrency: 1 });
    const c = await costWith(live);
    // Denied once: no request after the first.
    expect(em.requests).toHaveLength(1);
    const ohio = resource(c, 'aws_eks_node_group.ohio');
    expect(ohio.monthlyAfter).toBeNull();
    expect(ohio.unpriced.map((u) => u.reason)).toEqual([
      `no price for ec2/m6i.large/hour in us-east-2 in the price snapshot of ${embeddedSnapshot.snapshotDate}`,
    ]);
    expect(ohio.unpriced[0]!.fix).toMatch(
      /^give the run AWS credentials allowed pricing:GetProducts for live prices, run `container-plan-check pricing update`/,
    );
    expect(resource(c, 'aws_eks_cluster.prod').components[0]!.priceSource).toMatch(/^snapshot \d{4}-\d{2}-\d{2}: Amazon EKS pricing/);
    const { warnings, notes } = live.report(embeddedSnapshot.snapshotDate);
    expect(notes).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^the AWS Price List API could not be used \(AccessDeniedException: .*\): prices from the snapshot of \d{4}-\d{2}-\d{2}; allow pricing:GetProducts to the job's AWS credentials/,
    );
  });

  it('a server that never answers: the snapshot and a warning, within the time limits', async () => {
    await serve({ hang: true });
    // Each request gives up after 200 ms (3 attempts); the run's overall limit is not reached.
    const live = new LivePrices({ mode: 'live', today: '2026-11-30', requestTimeoutMs: 200, totalTimeoutMs: 20_000 });
    const started = Date.now();
    const c = await costWith(live);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(resource(c, 'aws_eks_node_group.frankfurt').monthlyAfter).toBeNull();
    expect(resource(c, 'aws_eks_cluster.prod').monthlyAfter).toBeCloseTo(73, 9);
    const { warnings } = live.report('2026-11-22');
    expect(warnings).toEqual([
      'live prices were asked for but the AWS Price List API could not be used (no answer in time): prices from the snapshot of 2026-11-22',
    ]);
  });

  it('no connection: the snapshot and a warning saying so', async () => {
    const em = await serve();
    await em.close();
    emulator = undefined;
    const live = new LivePrices({ mode: 'auto', today: '2026-11-30' });
    expect(resource(await costWith(live), 'aws_eks_node_group.ohio').monthlyAfter).toBeNull();
    expect(live.report('2026-11-22').warnings).toEqual([
      'the AWS Price List API could not be used (no connection (ECONNREFUSED)): prices from the snapshot of 2026-11-22',
    ]);
  });

  it('the overall limit ends requests still waiting', async () => {
    await serve({ hang: true });
    const live = new LivePrices({ mode: 'live', today: '2026-11-30', requestTimeoutMs: 60_000, totalTimeoutMs: 800 });
    const started = Date.now();
    expect(resource(await costWith(live), 'aws_eks_node_group.ohio').monthlyAfter).toBeNull();
    expect(Date.now() - started).toBeLessThan(4000);
    expect(live.report('2026-11-22').warnings[0]).toContain('(no answer in time)');
  });

  it('a region whose EKS control plane AWS does not list stays unpriced, saying both were asked', async () => {
    await serve();
    const plan = buildPlan([{ address: 'aws_eks_cluster.jakarta', after: { name: 'jakarta', version: '1.35' } }], {
      region: 'ap-southeast-3',
    });
    const c = await costWith(new LivePrices({ mode: 'auto', today: '2026-11-30' }), plan);
    const r = resource(c, 'aws_eks_cluster.jakarta');
    expect(r.monthlyAfter).toBeNull();
    expect(r.unpriced.map((u) => u.reason)).toEqual([
      `no price for eks/cluster-hour in ap-southeast-3 from the AWS Price List API or in the price snapshot of ${embeddedSnapshot.snapshotDate}`,
    ]);
  });

  it('the price cache: a second run asks AWS nothing, even without credentials', async () => {
    const em = await serve();
    const cacheFile = join(mkdtempSync(join(tmpdir(), 'cpc-cache-')), 'prices.json');
    const first = new LivePrices({ mode: 'auto', today: '2026-11-30', cacheFile });
    await costWith(first);
    expect(await first.save()).toBeUndefined();
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8'));
    expect(cached.prices['eu-central-1 ec2/t3.small/hour']).toEqual({ usd: 0.024, date: '2026-11-01', fetched: '2026-11-30' });
    expect(em.requests).toHaveLength(5);

    vi.stubEnv('AWS_ACCESS_KEY_ID', '');
    const env = { HOME: mkdtempSync(join(tmpdir(), 'cpc-home-')) };
    const second = new LivePrices({ mode: 'auto', today: '2026-12-05', cacheFile, env });
    const c = await costWith(second);
    expect(em.requests).toHaveLength(5);
    expect(resource(c, 'aws_eks_node_group.ohio').components[0]!.priceSource).toBe('AWS Price List API, 2026-11-01');
    // Older than a month: asked again (here: cannot be, without credentials).
    const later = new LivePrices({ mode: 'auto', today: '2027-01-15', cacheFile, env });
    expect(resource(await costWith(later), 'aws_eks_node_group.ohio').monthlyAfter).toBeNull();
  });

  it('a cache file that is not a price cache is a warning, and the prices are fetched', async () => {
    const em = await serve();
    const cacheFile = join(mkdtempSync(join(tmpdir(), 'cpc-cache-')), 'prices.json');
    writeFileSync(cacheFile, '{"prices": 3');
    const live = new LivePrices({ mode: 'auto', today: '2026-11-30', cacheFile });
    expect(resource(await costWith(live), 'aws_eks_node_group.ohio').components[0]!.unitPrice).toBe(0.096);
    expect(em.requests).toHaveLength(5);
    expect(live.report('2026-11-22').warnings).toEqual([`${cacheFile}: not valid JSON; the price cache was not used`]);
  });

  it('prices: snapshot asks nothing', async () => {
    const em = await serve();
    const live = new LivePrices({ mode: 'snapshot' });
    expect(resource(await costWith(live), 'aws_eks_node_group.ohio').monthlyAfter).toBeNull();
    expect(em.requests).toEqual([]);
    expect(live.report('2026-11-22')).toEqual({ warnings: [], notes: [] });
  });
});

describe('Windows and dedicated tenancy through the same path', () => {
  it('prices a Windows node group (ami_type WINDOWS_*) at the Windows rate read live, leaving out the Linux and BYOL rows', async () => {
    const winRow = { operatingSystem: 'Windows', operation: 'RunInstances:0002' };
    const em = await startEmulator({
      products: [
        ...PRODUCTS,
        ec2('eu-central-1', 'EUC1', 'm5.large', '0.1150000000'),
        ec2('eu-central-1', 'EUC1', 'm5.large', '0.2070000000', winRow),
        ec2('eu-central-1', 'EUC1', 'm5.large', '0.1150000000', {
          ...winRow,
          licenseModel: 'Bring your own license',
          operation: 'RunInstances:0800',
        }),
      ],
    });
    emulator = em;
    vi.stubEnv('AWS_ENDPOINT_URL_PRICING', em.url);
    const win = nodeGroup('win', 'm5.large', 'aws.frankfurt');
    (win.after as Record<string, unknown>).ami_type = 'WINDOWS_CORE_2022_x86_64';
    const c = await costWith(new LivePrices({ mode: 'live', today: '2026-11-30' }), buildPlan([win], { providers: PROVIDERS }));
    expect(em.rejected).toEqual([]);
    const r = resource(c, 'aws_eks_node_group.win');
    expect(r.components[0]).toMatchObject({ name: 'Instances m5.large Windows (on-demand)', unitPrice: 0.207 });
    expect(r.components[0]!.priceSource).toBe('AWS Price List API, 2026-11-01');
    // 2 × 730 h × 0.207 + 2 × 20 GB × 0.119
    expect(r.monthlyAfter).toBeCloseTo(302.22 + 4.76, 9);
    const asked = em.requests.find((q) => q.filters.instanceType === 'm5.large');
    expect(asked?.filters).toMatchObject({
      usagetype: 'EUC1-BoxUsage:m5.large',
      operatingSystem: 'Windows',
      operation: 'RunInstances:0002',
    });
  });
});

describe('the engine with live prices', () => {
  it('auto with credentials: live prices, and the report says where they came from', async () => {
    await serve();
    const path = writePlan('two-regions.json', twoRegions());
    const { report } = await analyse([path], { ...OPTIONS, prices: 'auto' });
    expect(report.cost?.priceOrigins).toEqual(['AWS Price List API, 2026-11-01']);
    expect(report.warnings).toBeUndefined();
    // The footer names the snapshot's date too, though no price came from it.
    expect(render(report, 'markdown')).toContain(
      `Prices: AWS public prices, AWS Price List API, 2026-11-01 · price snapshot ${embeddedSnapshot.snapshotDate} · evaluated as of`,
    );
  });

  it('access denied on two plans: one warning for the run, shown in the text report', async () => {
    await serve({ deny: true });
    const path = writePlan('two-regions.json', twoRegions());
    const { report } = await analyse([path, path], { ...OPTIONS, prices: 'live' });
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings![0]).toContain('allow pricing:GetProducts');
    expect(render(report, 'text')).toContain(`warning: ${report.warnings![0]}`);
    expect(report.cost?.priceOrigins).toEqual([`snapshot ${embeddedSnapshot.snapshotDate}`]);
  });

  it('auto without credentials: the snapshot and one note, no request', async () => {
    const em = await serve();
    vi.stubEnv('AWS_ACCESS_KEY_ID', '');
    vi.stubEnv('HOME', mkdtempSync(join(tmpdir(), 'cpc-home-')));
    vi.stubEnv('AWS_CONFIG_FILE', '');
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', '');
    const path = writePlan('two-regions.json', twoRegions());
    const { report } = await analyse([path, path], { ...OPTIONS, prices: 'auto' });
    expect(em.requests).toEqual([]);
    expect(report.cost?.priceOrigins).toEqual([`snapshot ${embeddedSnapshot.snapshotDate}`]);
    expect(report.cost?.priceNotes).toEqual([
      `prices from the snapshot of ${embeddedSnapshot.snapshotDate}: no AWS credentials were found for live prices from the AWS Price List API (they need pricing:GetProducts; prices: snapshot silences this note)`,
    ]);
    expect(report.warnings).toBeUndefined();
    expect(render(report, 'markdown')).toMatch(
      /<sub>Prices: AWS public prices, snapshot [^<]* · prices from the snapshot of [^<]*no AWS credentials were found[^<]*<\/sub>/,
    );
  });
});

describe('queries and credentials', () => {
  it('maps price keys to exact Price List filters', () => {
    expect(productQuery('us-east-1', 'ec2/m5.large/hour')).toEqual({
      serviceCode: 'AmazonEC2',
      attributes: {
        regionCode: 'us-east-1',
        instanceType: 'm5.large',
        usagetype: 'BoxUsage:m5.large',
        operatingSystem: 'Linux',
        tenancy: 'Shared',
        preInstalledSw: 'NA',
        capacitystatus: 'Used',
        licenseModel: 'No License required',
        operation: 'RunInstances',
      },
    });
    expect(productQuery('eu-west-1', 'fargate/arm/vcpu-hour')).toEqual({
      serviceCode: 'AmazonECS',
      attributes: { regionCode: 'eu-west-1', usagetype: 'EU-Fargate-ARM-vCPU-Hours:perCPU' },
    });
    expect(productQuery('us-east-1', 'eks/cluster-hour')).toEqual({
      serviceCode: 'AmazonEKS',
      attributes: { regionCode: 'us-east-1', usagetype: 'USE1-AmazonEKS-Hours:perCluster' },
    });
    // CloudWatch metrics (detailed monitoring): no prefix in us-east-1, the region's prefix elsewhere.
    expect(productQuery('us-east-1', 'cloudwatch/metric-month')).toEqual({
      serviceCode: 'AmazonCloudWatch',
      attributes: { regionCode: 'us-east-1', usagetype: 'CW:MetricMonitorUsage' },
    });
    expect(productQuery('eu-west-1', 'cloudwatch/metric-month')).toEqual({
      serviceCode: 'AmazonCloudWatch',
      attributes: { regionCode: 'eu-west-1', usagetype: 'EU-CW:MetricMonitorUsage' },
    });
    // A region whose usage-type prefix is not known, and a key no product gives.
    expect(productQuery('mx-central-1', 'eks/cluster-hour')).toBeUndefined();
    // Windows (licence included) and dedicated tenancy: the same rows with their operating system, tenancy and operation.
    const row = { preInstalledSw: 'NA', capacitystatus: 'Used', licenseModel: 'No License required' };
    expect(productQuery('us-east-1', 'ec2-windows/m5.large/hour')).toEqual({
      serviceCode: 'AmazonEC2',
      attributes: {
        regionCode: 'us-east-1',
        instanceType: 'm5.large',
        usagetype: 'BoxUsage:m5.large',
        operatingSystem: 'Windows',
        tenancy: 'Shared',
        operation: 'RunInstances:0002',
        preInstalledSw: 'NA',
        capacitystatus: 'Used',
      },
    });
    expect(productQuery('eu-central-1', 'ec2-dedicated/m5.large/hour')).toEqual({
      serviceCode: 'AmazonEC2',
      attributes: {
        regionCode: 'eu-central-1',
        instanceType: 'm5.large',
        usagetype: 'EUC1-DedicatedUsage:m5.large',
        operatingSystem: 'Linux',
        tenancy: 'Dedicated',
        operation: 'RunInstances',
        ...row,
      },
    });
    expect(productQuery('eu-central-1', 'ec2-dedicated-windows/m5.large/hour')?.attributes).toMatchObject({
      usagetype: 'EUC1-DedicatedUsage:m5.large',
      operatingSystem: 'Windows',
      tenancy: 'Dedicated',
      operation: 'RunInstances:0002',
    });
    expect(productQuery('us-east-1', 'ec2-host/m5.large/hour')).toBeUndefined();
  });

  it('reads a tiered CloudWatch metric product as its first tier, and no other CloudWatch product', () => {
    const metric = { productFamily: 'Metric', attributes: { regionCode: 'us-east-2', usagetype: 'USE2-CW:MetricMonitorUsage' } };
    expect(keyOf('AmazonCloudWatch', 'us-east-2', metric)).toBe('cloudwatch/metric-month');
    const alarm = { productFamily: 'Alarm', attributes: { regionCode: 'us-east-2', usagetype: 'USE2-CW:AlarmMonitorUsage' } };
    expect(keyOf('AmazonCloudWatch', 'us-east-2', alarm)).toBeUndefined();
    const dim = (begin: string, usd: string) => ({ unit: 'Metrics', beginRange: begin, pricePerUnit: { USD: usd } });
    const terms = {
      'X.JRTCKXETXF': {
        offerTermCode: 'JRTCKXETXF',
        priceDimensions: { a: dim('10000', '0.1000000000'), b: dim('250000', '0.0500000000'), c: dim('0', '0.3000000000') },
      },
    };
    expect(onDemandUsd(terms)).toBe(0.3);
  });

  it('finds credentials where the SDK chain looks without a network call', () => {
    const home = mkdtempSync(join(tmpdir(), 'cpc-home-'));
    expect(credentialsConfigured({ HOME: home })).toBe(false);
    expect(credentialsConfigured({ HOME: home, AWS_ACCESS_KEY_ID: 'a' })).toBe(false);
    expect(credentialsConfigured({ HOME: home, AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' })).toBe(true);
    expect(credentialsConfigured({ HOME: home, AWS_WEB_IDENTITY_TOKEN_FILE: '/tmp/token', AWS_ROLE_ARN: 'arn:aws:iam::1:role/ci' })).toBe(
      true,
    );
    expect(credentialsConfigured({ HOME: home, AWS_PROFILE: 'ci' })).toBe(true);
    writeFileSync(join(home, 'creds'), '[default]\n');
    expect(credentialsConfigured({ HOME: home, AWS_SHARED_CREDENTIALS_FILE: join(home, 'creds') })).toBe(true);
  });
});
