/**
 * A small YAML writer for JSON data, so that the mock portal serves `/openapi.yaml` without a YAML
 * dependency or a file read (the MSW entry runs in browsers). Strings that could be misread are
 * written as JSON strings, which YAML reads as double-quoted scalars; multi-line strings as literal
 * blocks.
 */

const PLAIN = /^[A-Za-z_/][A-Za-z0-9_ ./()-]*$/;
const RESERVED = /^(true|false|null|yes|no|on|off|~|y|n)$/i;

function scalar(value: string): string {
  if (PLAIN.test(value) && !RESERVED.test(value) && !value.endsWith(' ') && !value.includes(': '))
    return value;
  return JSON.stringify(value);
}

function key(name: string): string {
  return PLAIN.test(name) && !RESERVED.test(name) ? name : JSON.stringify(name);
}

function write(value: unknown, indent: string, lines: string[], prefix: string): void {
  if (Array.isArray(value)) {
    if (value.length === 0) {
      lines.push(`${prefix}[]`);
      return;
    }
    if (prefix.trim() !== '' || prefix.endsWith(':')) lines.push(prefix.trimEnd());
    for (const item of value) {
      if (item !== null && typeof item === 'object' && !Array.isArray(item) && Object.keys(item).length > 0) {
        const entries = Object.entries(item as Record<string, unknown>);
        entries.forEach(([name, child], index) => {
          write(child, `${indent}    `, lines, `${indent}${index === 0 ? '- ' : '  '}${key(name)}: `);
        });
      } else {
        write(item, `${indent}  `, lines, `${indent}- `);
      }
    }
    return;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) {
      lines.push(`${prefix}{}`);
      return;
    }
    if (prefix !== '') lines.push(prefix.trimEnd());
    for (const [name, child] of entries) write(child, `${indent}  `, lines, `${indent}${key(name)}: `);
    return;
  }
  if (typeof value === 'string') {
    if (value.includes('\n') && !/[\r\t]/.test(value) && !/^\s/.test(value)) {
      const chomp = value.endsWith('\n') ? (value.endsWith('\n\n') ? '+' : '') : '-';
      lines.push(`${prefix}|${chomp}`);
      const body = value.endsWith('\n') ? value.slice(0, -1) : value;
      for (const line of body.split('\n')) lines.push(line === '' ? '' : `${indent}${line}`);
      return;
    }
    lines.push(`${prefix}${scalar(value)}`);
    return;
  }
  lines.push(`${prefix}${value === undefined ? 'null' : JSON.stringify(value)}`);
}

/**
 * YAML text of JSON data (objects, arrays, strings, numbers, booleans, null).
 *
 * @example
 * toYaml({ openapi: '3.1.0', tags: [{ name: 'Session' }] });
 * // "openapi: 3.1.0\ntags:\n  - name: Session\n"
 */
export function toYaml(value: unknown): string {
  const lines: string[] = [];
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [name, child] of Object.entries(value as Record<string, unknown>))
      write(child, '  ', lines, `${key(name)}: `);
  } else {
    write(value, '', lines, '');
  }
  return `${lines.join('\n')}\n`;
}
