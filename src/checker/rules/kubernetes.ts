/**
 * Kubernetes' own name and value formats, as vCluster checks them
 * (k8s.io/apimachinery/pkg/util/validation and api/validation), and its
 * toleration shorthand (pkg/util/toleration/toleration.go, the same at every
 * release of the line). Pure functions, for the rules.
 */
import {code} from '../inlineCode';

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/u;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/u;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/u;

/** A label value: empty, or up to 63 letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit. */
export function isLabelValue(value: string): boolean {
  return value.length <= 63 && LABEL_VALUE.test(value);
}

/** A namespace name: a DNS label, lowercase, up to 63 characters. */
export function isNamespaceName(value: string): boolean {
  return value.length <= 63 && DNS_LABEL.test(value);
}

/** An object name: a DNS subdomain, lowercase, up to 253 characters. */
export function isDnsSubdomain(value: string): boolean {
  return value.length <= 253 && DNS_SUBDOMAIN.test(value);
}

/**
 * Why vCluster cannot read a toleration written as `key[=value][:effect]`
 * (or `*`), or undefined when it can: more than one `:`, more than one `=`
 * in a part, or a value that is no label value.
 */
export function tolerationProblem(spec: string): string | undefined {
  if (spec === '*') return undefined;
  const colons = spec.split(':');
  if (colons.length > 2) return 'it has more than one `:`';
  const keyValue = colons[0].split('=');
  if (keyValue.length > 2) return 'it has more than one `=`';
  const value = keyValue[1];
  if (value !== undefined && !isLabelValue(value)) return `its value ${code(value)} is not a label value (up to 63 letters, digits, \`-\`, \`_\` and \`.\`, starting and ending with a letter or digit)`;
  return undefined;
}
