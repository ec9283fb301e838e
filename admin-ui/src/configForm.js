// A plugin's declared configuration (GET /api/admin/plugins → config) → form fields and YAML.

/** The input type for a declared property type. */
export function inputType(prop) {
  const type = String(prop.type || '').toLowerCase();
  if (type.includes('bool')) return 'checkbox';
  if (type.includes('int') || type.includes('double') || type.includes('float') || type.includes('number')) return 'number';
  if (prop.secret) return 'password';
  return 'text';
}

/**
 * A number as people write it: a float default read as a double (0.00004999999873689376) shows as
 * 0.00005; integers and short decimals stay as they are.
 */
export function cleanNumber(value) {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n) || (typeof value === 'string' && value.trim() === '')) return String(value);
  return String(Number(n.toPrecision(7)));
}

/** The initial form values: each property's default. */
export function initialValues(config) {
  const out = {};
  for (const prop of config || []) {
    const d = prop.default_value ?? prop.defaultValue ?? prop.default;
    const kind = inputType(prop);
    out[prop.name] = kind === 'checkbox' ? d === true || d === 'true' : d === undefined || d === null ? '' : kind === 'number' ? cleanNumber(d) : String(d);
  }
  return out;
}

function yamlScalar(value) {
  if (typeof value === 'boolean') return String(value);
  if (value === '' || value === null || value === undefined) return '""';
  if (/^-?\d+(\.\d+)?$/.test(value)) return value;
  return JSON.stringify(value);
}

/** The config.yml pipeline entry for the plugin with these values (secret values left out). */
export function toYaml(id, config, values) {
  const lines = [`- name: ${id}`];
  for (const prop of config || []) {
    if (prop.secret) continue;
    lines.push(`  ${prop.name}: ${yamlScalar(values[prop.name])}`);
  }
  return lines.join('\n');
}

/** Why a number is outside its declared bounds ({ key, min | max } for the message), or null. */
export function boundsProblem(prop, value) {
  if (value === '' || value === null || value === undefined) return null;
  const n = Number(value);
  if (!Number.isFinite(n)) return { key: 'notANumber' };
  if (prop.min != null && n < prop.min) return { key: 'belowMin', min: prop.min };
  if (prop.max != null && n > prop.max) return { key: 'aboveMax', max: prop.max };
  return null;
}
