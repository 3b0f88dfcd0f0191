// The API reference page (api.html): the server's own OpenAPI description, /api/openapi.json,
// laid out for people — each route with its parameters, request body, answers and error codes,
// then the answer objects. Read from the server, so the page never disagrees with it.

import { h, replace } from './dom.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** `text` with `code` and **bold** as elements: the description's only markup, never as HTML. */
function inline(text) {
  return String(text).split(/(`[^`]*`|\*\*[^*]+\*\*)/).map((part) => {
    if (part.startsWith('`') && part.endsWith('`') && part.length > 1) return h('code', {}, part.slice(1, -1));
    if (part.startsWith('**') && part.endsWith('**')) return h('strong', {}, part.slice(2, -2));
    return part;
  });
}

function paragraphs(text) {
  return text ? String(text).split(/\n\n+/).map(block) : [];
}

/** A paragraph, or a Markdown table (a head row, a rule, rows: every line starting with "|"). */
function block(p) {
  const lines = p.split('\n');
  if (lines.length < 3 || !lines.every((l) => l.startsWith('|'))) return h('p', {}, inline(p));
  const cells = (l) => l.replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
  return h('table', { class: 'described' },
    h('thead', {}, h('tr', {}, cells(lines[0]).map((c) => h('th', { scope: 'col' }, inline(c))))),
    h('tbody', {}, lines.slice(2).map((l) => h('tr', {}, cells(l).map((c) => h('td', {}, inline(c)))))));
}

function follow(spec, node) {
  for (let i = 0; node && node.$ref && i < 20; i++) {
    node = node.$ref.slice(2).split('/').reduce((n, key) => n[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  }
  return node;
}

function schemaName(ref) {
  return ref.startsWith('#/components/schemas/') ? ref.slice('#/components/schemas/'.length) : null;
}

/** A schema in a few words: a link to a named schema, or its type, values and range. */
function describe(spec, schema) {
  if (schema === undefined || schema === true) return ['any'];
  if (schema.$ref) {
    const name = schemaName(schema.$ref);
    return name ? [h('a', { href: `#schema-${name}` }, name)] : describe(spec, follow(spec, schema));
  }
  const out = [];
  const join = (list, sep) => list.forEach((s, i) => out.push(...(i ? [sep] : []), ...describe(spec, s)));
  if (schema.oneOf) join(schema.oneOf, ' or ');
  if (schema.anyOf) join(schema.anyOf, ' or ');
  if (schema.allOf) join(schema.allOf, ' and ');
  const types = [].concat(schema.type || []);
  if (types.includes('array')) out.push('array of ', ...describe(spec, schema.items));
  else if (types.length) out.push(types.join(' or '));
  if (schema.enum) out.push(`: ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  if ('const' in schema) out.push(` = ${JSON.stringify(schema.const)}`);
  if ('minimum' in schema || 'maximum' in schema) out.push(` ${schema.minimum ?? ''}–${schema.maximum ?? ''}`);
  if (schema['x-maxBytes']) out.push(`, at most ${schema['x-maxBytes']} bytes`);
  if (schema.pattern) out.push(' matching ', h('code', {}, schema.pattern));
  if ('default' in schema) out.push(` (default ${JSON.stringify(schema.default)})`);
  return out.length ? out : ['object'];
}

function table(head, rows) {
  return h('table', {}, h('thead', {}, h('tr', {}, head.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c) => h('td', {}, c))))));
}

function parametersOf(spec, path, op) {
  const params = [...(spec.paths[path].parameters || []), ...(op.parameters || [])].map((p) => follow(spec, p));
  if (!params.length) return [h('p', { class: 'none' }, op.requestBody ? 'No query parameters.' : 'No parameters: any is a 400.')];
  return [h('h4', {}, 'Parameters'), table(['name', 'in', 'type', 'required', 'meaning'], params.map((p) => [
    h('code', {}, p.name), p.in, describe(spec, p.schema), p.required ? 'yes' : '',
    [inline(p.description || ''), p.example !== undefined ? [' e.g. ', h('code', {}, JSON.stringify(p.example))] : ''],
  ]))];
}

function bodyOf(spec, op) {
  const body = follow(spec, op.requestBody);
  if (!body) return [];
  return [h('h4', {}, 'Request body'), table(['type', 'schema'], Object.entries(body.content).map(([media, m]) => [
    h('code', {}, media), describe(spec, m.schema)]))];
}

function responsesOf(spec, op) {
  return [h('h4', {}, 'Answers'), table(['status', 'meaning', 'body', 'headers'],
    Object.entries(op.responses).map(([status, r]) => {
      r = follow(spec, r);
      const bodies = Object.entries(r.content || {}).map(([media, m]) => h('div', {}, h('code', {}, media), ' ',
        m.schema ? describe(spec, m.schema) : ''));
      const headers = Object.keys(r.headers || {}).map((name) => h('div', {}, h('code', {}, name)));
      return [h('strong', {}, status), inline(r.description || ''), bodies.length ? bodies : 'none', headers];
    }))];
}

function operation(spec, path, method, op) {
  return h('section', { class: 'operation', id: op.operationId, 'aria-labelledby': `${op.operationId}-title` },
    h('h3', { id: `${op.operationId}-title` }, h('span', { class: `method ${method}` }, method.toUpperCase()), ' ',
      h('code', {}, path)),
    h('p', { class: 'summary' }, op.summary || ''), paragraphs(op.description),
    parametersOf(spec, path, op), bodyOf(spec, op), responsesOf(spec, op));
}

function schemaSection(spec, name, schema) {
  const own = Object.entries(schema.properties || {});
  const required = new Set(schema.required || []);
  return h('section', { class: 'schema', id: `schema-${name}` }, h('h3', {}, name), paragraphs(schema.description),
    own.length ? table(['field', 'type', 'meaning'], own.map(([field, s]) => [
      [h('code', {}, field), required.has(field) ? '' : ' (optional)'], describe(spec, s), inline(s.description || '')]))
      : h('p', {}, describe(spec, { ...schema, description: undefined })),
    schema.allOf ? h('p', {}, 'With the fields of ', describe(spec, { allOf: schema.allOf }), '.') : '',
    schema.additionalProperties === false || schema.unevaluatedProperties === false
      ? h('p', { class: 'closed' }, 'No other fields.') : '');
}

function render(spec) {
  const ops = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const m of METHODS) if (item[m]) ops.push([path, m, item[m]]);
  }
  document.title = `${spec.info.title} ${spec.info.version}`;
  return [
    h('h1', {}, `${spec.info.title}, version ${spec.info.version}`),
    h('p', { class: 'summary' }, spec.info.summary || ''), paragraphs(spec.info.description),
    h('nav', { 'aria-label': 'Routes' }, h('h2', {}, 'Routes'), h('ul', { class: 'routes' }, ops.map(([path, m, op]) =>
      h('li', {}, h('a', { href: `#${op.operationId}` }, h('span', { class: `method ${m}` }, m.toUpperCase()), ' ',
        h('code', {}, path)), ' — ', op.summary || '')))),
    h('h2', {}, 'Routes in detail'), ops.map(([path, m, op]) => operation(spec, path, m, op)),
    h('h2', {}, 'Answer objects'),
    Object.entries(spec.components.schemas).map(([name, s]) => schemaSection(spec, name, s)),
  ];
}

async function main() {
  const root = document.getElementById('api-doc');
  try {
    const res = await fetch('api/openapi.json');
    if (!res.ok) throw new Error(`the server answered ${res.status}`);
    replace(root, render(await res.json()));
    if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  } catch (e) {
    replace(root, h('p', { class: 'message', role: 'alert' }, `The API description could not be read: ${e.message}`));
  }
  root.removeAttribute('aria-busy');
}

main();
