// A plugin's declared configuration (GET /api/admin/plugins → config) → form fields and YAML.

/** The input type for a declared property type. */
export function inputType(prop) {
  const type = String(prop.type || '').toLowerCase();
  if (type.includes('bool')) return 'checkbox';
  if (type.includes('int') || type.includes('double') || type.includes('float') || type.includes('number')) return 'number';
  if (prop.secret) return 'password';
  return 'text';
}

/** The initial form values: each property's default. */
export function initialValues(config) {
  const out = {};
  for (const prop of config || []) {
    const d = prop.default_value ?? prop.defaultValue ?? prop.default;
    out[prop.name] = inputType(prop) === 'checkbox' ? d === true || d === 'true' : d === undefined || d === null ? '' : String(d);
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
