import { Ajv, type Options } from 'ajv';

/**
 * An Ajv instance for the schemas the tests validate against (GitHub's OpenAPI description,
 * SARIF 2.1.0). `date-time` and `uri` are checked for real; the other formats those documents
 * name (int64, uri-template, email …) are annotations there and accepted as is.
 */
const LOOSE_FORMATS = [
  'int32',
  'int64',
  'email',
  'uri-template',
  'binary',
  'date',
  'time',
  'uuid',
  'hostname',
  'ipv4',
  'ipv6',
  'regex',
  'duration',
  'json-pointer',
  'repo',
  'idn-email',
  'iri',
  'iri-reference',
  'idn-hostname',
  'relative-json-pointer',
];

export function makeAjv(opts: Options = {}): Ajv {
  const formats: NonNullable<Options['formats']> = {
    'date-time': (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)),
    uri: (s: string) => /^[a-z][a-z0-9+.-]*:[^\s]*$/i.test(s),
    'uri-reference': (s: string) => !/\s/.test(s),
  };
  for (const f of LOOSE_FORMATS) formats[f] = true;
  return new Ajv({ strict: false, allErrors: true, formats, ...opts });
}
