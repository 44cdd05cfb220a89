import { describe, expect, it } from 'vitest';
import { FARGATE_LOG_DRIVER } from '../../../src/checks/rules/fargate/FARGATE_LOG_DRIVER.js';
import { container, EC2_ONLY, runner, TD, taskDef } from './specs.js';

const run = runner(FARGATE_LOG_DRIVER);
const logs = (logConfiguration: unknown) => [container({ logConfiguration })];

describe('FARGATE_LOG_DRIVER', () => {
  it('reports a log driver Fargate does not support', () => {
    const f = run([taskDef({}, logs({ logDriver: 'json-file' }))]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: 'FARGATE_LOG_DRIVER',
      severity: 'error',
      address: TD,
      path: 'container_definitions[0].logConfiguration.logDriver',
    });
    expect(f[0]!.message).toBe('container "web" uses the log driver "json-file"; Fargate supports "awslogs", "splunk" or "awsfirelens"');
  });

  it('reports awslogs without its group and region options', () => {
    const f = run([taskDef({}, logs({ logDriver: 'awslogs', options: { 'awslogs-stream-prefix': 'app' } }))]);
    expect(f).toHaveLength(1);
    expect(f[0]!.path).toBe('container_definitions[0].logConfiguration.options');
    expect(f[0]!.message).toContain('uses awslogs without the options "awslogs-group" and "awslogs-region"');
  });

  it('passes supported drivers with their options, no logging, and json-file off Fargate', () => {
    expect(
      run([taskDef({}, logs({ logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/app', 'awslogs-region': 'eu-west-1' } }))]),
    ).toEqual([]);
    expect(run([taskDef({}, logs({ logDriver: 'awsfirelens', options: { Name: 'cloudwatch' } }))])).toEqual([]);
    expect(run([taskDef()])).toEqual([]);
    expect(run([taskDef(EC2_ONLY, logs({ logDriver: 'json-file' }))])).toEqual([]);
  });

  it('says nothing when container_definitions is unknown', () => {
    expect(run([taskDef({ container_definitions: null }, undefined, { unknown: { container_definitions: true } })])).toEqual([]);
  });
});
