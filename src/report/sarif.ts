import { createHash } from 'node:crypto';
import { plain } from './escape.js';
import { isAbsoluteUrl, ruleDocsUrl } from './links.js';
import type { Finding, PlanReport, Report, Severity } from './schema.js';
import { sortFindings } from './sections.js';

/**
 * SARIF 2.1.0 for code scanning upload (`sarif-file`, `--format sarif`): one run, the rules
 * that produced findings (with their help URIs), one result per finding. A finding located in
 * the .tf sources points at its file and line; one that was not located points at the plan,
 * with the resource address as its logical location. Suppressed findings carry a suppression.
 */
export const SARIF_VERSION = '2.1.0';
export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  /** Base URL that rule docs paths resolve against (absolute help URIs). */
  linkBase?: string;
}

export function renderSarif(report: Report, opts: SarifOptions = {}): string {
  return `${JSON.stringify(sarifLog(report, opts), null, 2)}\n`;
}

/** The SARIF log as an object (render.ts writes it in pieces). */
export function sarifLog(report: Report, opts: SarifOptions = {}) {
  const findings = report.plans.flatMap((p) => sortFindings(p.findings).map((f) => ({ p, f })));
  const ruleIds = [...new Set(findings.map(({ f }) => f.rule))].sort();
  const rules = ruleIds.map((id) => {
    const f = findings.find((x) => x.f.rule === id)!.f;
    const help = ruleDocsUrl(f.docs, opts.linkBase);
    return {
      id,
      ...(f.title ? { shortDescription: { text: plain(f.title) } } : {}),
      // A help URI must be absolute; a relative docs path stays readable in the help text.
      ...(help && isAbsoluteUrl(help) ? { helpUri: help } : {}),
      ...(help ? { help: { text: `See ${help}`, markdown: `See [${id}](${encodeURI(help)}).` } } : {}),
    };
  });
  const unreadable = report.plans.filter((p) => p.error);
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: 'container-plan-check',
            ...(report.tool ? { version: report.tool.version, semanticVersion: report.tool.version } : {}),
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: unreadable.length === 0,
            toolExecutionNotifications: [
              ...unreadable.map((p) => ({ level: 'error', message: { text: plain(p.error!) } })),
              // A plan that reports it cannot be applied (errored, not applyable): read, and failing the gate.
              ...report.plans.flatMap((p) =>
                (p.planErrors ?? []).map((e) => ({ level: 'error', message: { text: `${plain(p.path)}: ${plain(e)}` } })),
              ),
            ],
          },
        ],
        results: findings.map(({ p, f }) => result(p, f, ruleIds.indexOf(f.rule))),
        properties: { asOf: report.asOf, gate: report.gate.passed ? 'passed' : 'failed' },
      },
    ],
  };
  return log;
}

function result(p: PlanReport, f: Finding, ruleIndex: number) {
  const artifact = f.file ? { uri: toUri(f.file) } : { uri: toUri(p.path) };
  return {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: plain(f.message, 2000) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact,
          ...(f.file && f.line && f.line > 0 ? { region: { startLine: f.line } } : {}),
        },
        logicalLocations: [{ fullyQualifiedName: f.address, kind: 'resource' }],
      },
    ],
    partialFingerprints: { 'containerPlanCheck/v1': fingerprint(f) },
    ...(f.suppressed
      ? { suppressions: [{ kind: 'inSource', ...(f.suppressionReason ? { justification: plain(f.suppressionReason) } : {}) }] }
      : {}),
    properties: { address: f.address, ...(f.path ? { attribute: f.path } : {}), unchangedResource: f.existing },
  };
}

/** A relative path as a URI reference (forward slashes, percent-encoded); absolute as file://. */
function toUri(path: string): string {
  const p = path.replace(/\\/g, '/');
  if (p.startsWith('/')) return new URL(`file://${p}`).href;
  return p.replace(/^\.\//, '').split('/').map(encodeURIComponent).join('/');
}

function fingerprint(f: Finding): string {
  return createHash('sha256')
    .update(`${f.rule}\u0000${f.address}\u0000${f.path ?? ''}`)
    .digest('hex')
    .slice(0, 32);
}
