/**
 * Links to rule pages. Findings carry a repository-relative docs path (`docs/rules/ID.md`);
 * where the action knows which repository and ref it runs from, the path becomes an absolute
 * URL so that it works in a PR comment, a job summary or a SARIF upload.
 */
export function ruleDocsUrl(docs: string | undefined, base: string | undefined): string | undefined {
  if (!docs) return undefined;
  if (isAbsoluteUrl(docs) || !base) return docs;
  return new URL(docs.replace(/^\.?\//, ''), base.endsWith('/') ? base : `${base}/`).href;
}

export function isAbsoluteUrl(s: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(s);
}
