import { describe, expect, it } from 'vitest';
import { scanTf } from '../../src/sources/scan.js';

describe('.tf line scanner', () => {
  it('finds top-level resource, data and module blocks with their lines', () => {
    const blocks = scanTf(
      [
        'terraform {',
        '  required_version = ">= 1.5"',
        '}',
        '',
        'resource "aws_ecs_service" "api" {',
        '  name = "api"',
        '}',
        'data "aws_iam_role" "exec" {}',
        'module "svc" {',
        '  source = "./modules/svc"',
        '  name   = "x"',
        '}',
        'resource aws_ecs_cluster main {',
        '}',
      ].join('\n'),
    );
    expect(blocks.map((b) => [b.kind, b.key, b.line])).toEqual([
      ['resource', 'aws_ecs_service.api', 5],
      ['data', 'data.aws_iam_role.exec', 8],
      ['module', 'svc', 9],
      ['resource', 'aws_ecs_cluster.main', 13],
    ]);
    expect(blocks[2]!.source).toBe('./modules/svc');
  });

  it('ignores block-like text inside heredocs, strings, templates and comments, and nested blocks', () => {
    const blocks = scanTf(
      [
        'resource "aws_launch_template" "lt" {',
        '  user_data = <<-EOT',
        'resource "aws_ecs_service" "in_heredoc" {',
        '  EOT',
        '  description = "resource \\"aws_ecs_service\\" \\"in_string\\" {"',
        '  name = "${var.a}-${jsonencode({ a = "}" })}"',
        '  dynamic "tag" {',
        '    for_each = {}',
        '    content {}',
        '  }',
        '}',
        '/*',
        'resource "aws_ecs_service" "in_comment" {',
        '*/',
        '# resource "aws_ecs_service" "commented" {',
        'resource "aws_ecs_service" "real" {',
        '  module "not_top_level" {',
        '  }',
        '}',
      ].join('\n'),
    );
    expect(blocks.map((b) => `${b.key}@${b.line}`)).toEqual(['aws_launch_template.lt@1', 'aws_ecs_service.real@16']);
  });

  it('a module source is read from its own block only, not from a nested one', () => {
    const [m] = scanTf(['module "a" {', '  settings = {', '    source = "./wrong"', '  }', '  source = "../shared/a"', '}'].join('\n'));
    expect(m!.source).toBe('../shared/a');
  });

  it('reads ignore comments (# and //) in the run of comment lines right above a block', () => {
    const blocks = scanTf(
      [
        '# container-plan-check:ignore FARGATE_CPU_MEMORY sized by the platform team',
        '// some other note',
        '//container-plan-check:ignore ECS_HCGP_NO_LB   grace period kept for the sidecar',
        'resource "aws_ecs_service" "a" {',
        '}',
        '# container-plan-check:ignore FARGATE_VOLUMES not directly above',
        '',
        'resource "aws_ecs_service" "b" {',
        '}',
        '# container-plan-check:ignore ECS_HCGP_NO_LB',
        'resource "aws_ecs_service" "c" {',
        '}',
      ].join('\n'),
    );
    expect(blocks[0]!.ignores).toEqual([
      { rule: 'FARGATE_CPU_MEMORY', reason: 'sized by the platform team', line: 1 },
      { rule: 'ECS_HCGP_NO_LB', reason: 'grace period kept for the sidecar', line: 3 },
    ]);
    expect(blocks[1]!.ignores).toEqual([]);
    expect(blocks[2]!.ignores).toEqual([{ rule: 'ECS_HCGP_NO_LB', reason: '', line: 10 }]);
  });

  it('handles CRLF line endings', () => {
    expect(scanTf('# x\r\nresource "aws_ecs_service" "a" {\r\n}\r\n').map((b) => b.line)).toEqual([2]);
  });
});

describe('.tf line scanner: lifecycle blocks', () => {
  it("gives the lines of a resource's own lifecycle block, one-line or spread, not a nested one", () => {
    const blocks = scanTf(
      [
        'resource "aws_ecs_service" "a" {',
        '  dynamic "x" {',
        '    content { lifecycle {} }',
        '  }',
        '  lifecycle {',
        '    ignore_changes = [',
        '      desired_count, # "}"',
        '    ]',
        '  }',
        '  name = "a"',
        '}',
        'resource "aws_ecs_service" "b" {',
        '  lifecycle { ignore_changes = all }',
        '}',
        'resource "aws_ecs_service" "c" {}',
      ].join('\n'),
    );
    expect(blocks.map((b) => b.lifecycle)).toEqual([{ start: 5, end: 9 }, { start: 13, end: 13 }, undefined]);
  });
});
