// The desk's YAML format for Decap CMS (registered by formulir.js with CMS.registerCustomFormat, one per kind of
// file: the format's name says the kind, since Decap gives toFile no path). A file saved through the form stays the
// file the desk wrote:
//   - the first line names the schema (# yaml-language-server: $schema=../../../schemas/<kind>.schema.json), so an
//     editor goes on checking the file; a new file gets it too;
//   - region codes, times and phone numbers are written in double quotes, and no text is written plain that a YAML
//     1.1 reader (PyYAML, the desk's loader) or a YAML 1.2 one would read as something else (yes, no, on, 08, 1e3,
//     62.10, 13:30, 2024-07-23 outside a date field); dates in date fields are written plain, as the desk does;
//   - keys follow the order of the schema, in records inside lists too;
//   - comments stay: the file's parsed Document (yaml 2) is remembered, and the form's record is applied onto it, so
//     every node that is kept keeps its comments, and every text the form did not change keeps its own lines;
//   - a union (a field of two shapes) reaches the form in the one shape the form edits, and goes back in the file's
//     shape while that can still say it (toForm, fileShape below), so that every file opens and an unchanged save
//     gives the same data.
// What comes from the schemas (key order, quoted fields, date fields, unions, the schema line) is in format-desk.json,
// written by the build from the JSON Schemas (generator/render/webform.py, format_settings): nothing is repeated here.
import { Document, Scalar, Schema, isMap, isPair, isScalar, isSeq, parseDocument } from './yaml/index.js';

// The hidden key that ties a form's record to the Document it was read from (fromFile adds it, toFile takes it
// out). Decap keeps keys that no field shows, and gives toFile neither the path nor the file it read.
export const MARK = '_berkas_desk';
const WIDTH = 100;  // new or changed long text is folded (>-) at this width, as the desk's files are
const SCHEMA_COMMENT = ' yaml-language-server: $schema=';
const DATE_LIKE = /^\d{4}-\d\d?-\d\d?(?:[Tt ]|$)/;
// yaml 2's YAML 1.1 tags as the "compat" schema: a plain text that they would read as another type is quoted. Its
// timestamp is left out so that a date field stays plain; a date-like text in any other field is quoted below.
const COMPAT = new Schema({ schema: 'yaml-1.1' }).tags.filter(tag => tag.tag !== 'tag:yaml.org,2002:timestamp');
const OPTIONS = { version: '1.2', schema: 'core', compat: COMPAT, uniqueKeys: true };
const TO_STRING = { lineWidth: WIDTH, minContentWidth: 20, indentSeq: true };

const remembered = new Map();  // mark → { doc, source, kept: Map(node → its source text) }
let counter = 0;

const isRecord = value => value !== null && typeof value === 'object' && !Array.isArray(value);
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const isEmpty = value => value === undefined || value === null || value === '' ||
  (Array.isArray(value) && value.length === 0) || (isRecord(value) && Object.values(value).every(isEmpty));

function ruleOf(tree, key) {
  if (!tree) return null;
  if (tree.quoted.includes(key)) return 'quoted';
  if (tree.dates.includes(key)) return 'date';
  return null;
}

function style(node, rule) {
  // The quoting of a string scalar: quoted fields always in double quotes; a date-like text outside a date field
  // and "=" (a YAML 1.1 value key) too; long new text folded. Everything else as yaml 2 writes it with COMPAT.
  if (typeof node.value !== 'string') return node;
  const text = node.value;
  if (rule === 'quoted' || (rule !== 'date' && (DATE_LIKE.test(text) || text === '='))) {
    node.type = Scalar.QUOTE_DOUBLE;
  } else if (rule === 'date' && node.type !== Scalar.QUOTE_DOUBLE && node.type !== Scalar.QUOTE_SINGLE) {
    node.type = Scalar.PLAIN;
  } else if (!node.type && !text.includes('\n') && text.length > WIDTH - 20) {
    node.type = Scalar.BLOCK_FOLDED;
  }
  return node;
}

// Unions (a value of one of two shapes, e.g. an agenda item's one agency or its list): the form edits one shape
// (union.form), so fromFile gives it every value in that shape, and toFile writes the file's other shape
// (union.other) back where the file had it and the value is still expressible in it; an unchanged save is the same
// file. Which keys are unions, and how, comes from the schemas (format-desk.json, webform._union).
const THOUSANDS = /^(?:\d+|\d{1,3}(?:\.\d{3})+)$/;

function formShape(union, value) {
  if (union.other === 'text' && typeof value === 'string') {
    if (union.form === 'list') return [value];
    if (union.form === 'record') return { [union.main]: value };
    if (union.form === 'integer' && THOUSANDS.test(value)) return Number(value.replace(/\./g, ''));
  }
  if (union.other === 'boolean' && typeof value === 'boolean') return value ? [...union.all] : [];
  return value;
}

function otherShape(union, value, was) {
  // ``value`` (the form's) in the shape of ``was`` (the file's) where it was the other shape and can say it; else
  // undefined
  if (union.other === 'text' && typeof was === 'string') {
    if (union.form === 'list' && Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') return value[0];
    if (union.form === 'record' && isRecord(value) && typeof value[union.main] === 'string' &&
        Object.entries(value).every(([key, v]) => key === union.main || key === MARK || isEmpty(v))) return value[union.main];
    if (union.form === 'integer' && THOUSANDS.test(was) && Number(was.replace(/\./g, '')) === value) return was;
  }
  if (union.other === 'boolean' && typeof was === 'boolean' && Array.isArray(value)) {
    if (value.length === 0) return false;
    if (union.all.every(choice => value.includes(choice)) && value.every(v => union.all.includes(v))) return true;
  }
  return undefined;
}

function fileShape(union, value, node) {
  if (!union) return value;
  const other = otherShape(union, value, node?.toJSON?.() ?? node);
  return other === undefined ? value : other;
}

function toForm(value, tree) {
  // the file's data with every union in the form's shape
  if (Array.isArray(value)) return value.map(item => toForm(item, tree));
  if (!isRecord(value) || !tree) return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => {
    const union = tree.unions?.[key];
    const shaped = !union ? v : union.items ? (Array.isArray(v) ? v.map(item => formShape(union, item)) : v) : formShape(union, v);
    return [key, toForm(shaped, tree.fields?.[key])];
  }));
}

function fresh(doc, value, tree, rule) {
  if (Array.isArray(value) || isRecord(value)) return apply(doc, undefined, value, tree, rule);
  return style(doc.createNode(value), rule);
}

function order(keys, tree) {
  const known = tree ? tree.keys : [];
  const rank = key => (known.includes(key) ? known.indexOf(key) : known.length);
  return keys.map((key, i) => [rank(key), i, key]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(k => k[2]);
}

function apply(doc, node, value, tree, rule, items) {
  // The node that writes ``value``: ``node`` itself (changed in place, so its comments stay) where it is of the
  // same shape, a new node otherwise. ``items``: the union of a list's items, if they are one.
  if (Array.isArray(value)) {
    const seq = isSeq(node) ? node : doc.createNode([]);
    const old = [...seq.items];
    const used = new Set();
    const read = o => o?.toJSON?.() ?? o;
    const equal = (o, item) => same(read(o), item) || same(toForm(items ? formShape(items, read(o)) : read(o), tree), item);
    // each item's old node: first the old item of the same value (as the form shows it), then the one at its place
    const found = value.map(item => {
      const at = old.findIndex((o, j) => !used.has(j) && equal(o, item));
      if (at >= 0) used.add(at);
      return at;
    });
    seq.items = value.map((item, i) => {
      if (found[i] < 0 && i < old.length && !used.has(i)) { found[i] = i; used.add(i); }
      const was = found[i] >= 0 ? old[found[i]] : undefined;
      return apply(doc, was, fileShape(items, item, was), tree, rule);
    });
    return seq;
  }
  if (isRecord(value)) {
    const map = isMap(node) ? node : doc.createNode({});
    const pairs = new Map(map.items.map(pair => [isScalar(pair.key) ? pair.key.value : pair.key, pair]));
    const keys = order([...new Set([...pairs.keys(), ...Object.keys(value)])], tree);
    map.items = keys.flatMap(key => {
      const pair = pairs.get(key);
      const union = tree?.unions?.[key];
      const wanted = union && !union.items ? fileShape(union, value[key], pair?.value) : value[key];
      if (key === MARK || wanted === undefined) return [];
      // an empty value that the file did not have (a field the form shows but nobody filled) is not written
      if (isEmpty(wanted) && !(pair && same(pair.value?.toJSON?.() ?? pair.value, wanted))) return [];
      const made = pair ?? doc.createPair(key, null);
      made.value = apply(doc, pair?.value, wanted, tree?.fields[key], ruleOf(tree, key), union?.items ? union : undefined);
      return [made];
    });
    return map;
  }
  if (isScalar(node) && (node.value === value || (typeof node.value !== 'object' && typeof value !== 'object'))) {
    if (node.value !== value) {  // changed: the same node, so its comment stays; quoted as before or as it must be
      node.value = value;
      if (typeof value !== 'string') delete node.type;
      style(node, rule);
    }
    return node;
  }
  const made = style(doc.createNode(value), rule);
  if (node) Object.assign(made, { commentBefore: node.commentBefore, comment: node.comment, spaceBefore: node.spaceBefore });
  return made;
}

function schemaLine(doc, line) {
  // The file's own schema line (else the kind's), taken out of wherever yaml 2 put it (the first key's comment):
  // write() puts it first.
  let found = null;
  const first = isMap(doc.contents) ? doc.contents.items[0]?.key : undefined;
  for (const holder of [doc, doc.contents, first].filter(Boolean)) {
    const lines = (holder.commentBefore ?? '').split('\n');
    const at = lines.findIndex(l => l.startsWith(SCHEMA_COMMENT));
    if (at >= 0 && found === null) {
      found = lines.splice(at, 1)[0];
      holder.commentBefore = lines.join('\n') || null;
    }
  }
  return found ?? line;
}

function sourceOf(doc, source) {
  // The written text of every scalar and flow list of the parsed file, to put back where the form left them as
  // they were (yaml 2 would fold long text again at its own width).
  const kept = new Map();
  const visit = node => {
    if (isPair(node)) { visit(node.value); return; }
    if (!node || !node.range) return;
    if (isScalar(node) || node.flow) {
      if (!node.comment) kept.set(node, { value: JSON.stringify(node.toJSON()), text: source.slice(node.range[0], node.range[1]).replace(/\n+$/, '') });
      return;
    }
    for (const item of node.items ?? []) visit(item);
  };
  visit(doc.contents);
  return kept;
}

function write(doc, schema, kept) {
  // The Document as text, with the schema line first and the unchanged scalars and flow lists as they were written
  // (checked: the text with them must read as the text without them, else the latter is given).
  const head = `#${schema}\n`;
  const plain = head + doc.toString(TO_STRING);
  if (!kept || !kept.size) return plain;
  const nonce = Math.random().toString(36).slice(2, 10);
  const swaps = [];
  const visit = (node, put) => {
    if (isPair(node)) { visit(node.value, v => { node.value = v; }); return; }
    if (!node) return;
    const was = kept.get(node);
    if (was && was.value === JSON.stringify(node.toJSON())) {
      const stand = new Scalar(`DESKSRC${nonce}x${swaps.length}Z`);
      Object.assign(stand, { commentBefore: node.commentBefore, spaceBefore: node.spaceBefore, type: Scalar.PLAIN });
      swaps.push({ text: was.text, restore: () => put(node) });
      put(stand);
      return;
    }
    if (isMap(node) || isSeq(node)) node.items.forEach((item, i) => visit(item, v => { node.items[i] = v; }));
  };
  visit(doc.contents, v => { doc.contents = v; });
  let out;
  try {
    out = doc.toString(TO_STRING);
  } finally {
    for (const swap of swaps.reverse()) swap.restore();
  }
  const texts = swaps.map(s => s.text).reverse();
  out = head + out.replace(new RegExp(`DESKSRC${nonce}x(\\d+)Z`, 'g'), (_, i) => texts[Number(i)]);
  try {
    const back = parseDocument(out, OPTIONS);
    if (!back.errors.length && same(back.toJS(), doc.toJS())) return out;
  } catch (_) { /* the plain text below */ }
  return plain;
}

export function deskFormat(settings) {
  const { tree } = settings;
  const schema = settings.schema_line.replace(/^#/, '');
  return {
    fromFile(content) {
      const doc = parseDocument(content, OPTIONS);
      if (doc.errors.length) throw new Error(`YAML parsing error:\n${doc.errors.map(e => e.message).join('\n')}`);
      const data = doc.toJS() ?? {};
      if (!isRecord(data)) return data;
      const mark = `${settings.name}-${++counter}`;
      remembered.set(mark, { doc, kept: sourceOf(doc, content) });
      return { ...toForm(data, tree), [MARK]: mark };
    },
    toFile(data) {
      const known = remembered.get(data?.[MARK]);
      const doc = known ? known.doc.clone() : new Document(undefined, OPTIONS);
      const kept = known && new Map([...known.kept].map(([node, was]) => [node, was]));
      const clean = Object.fromEntries(Object.entries(data ?? {}).filter(([key]) => key !== MARK));
      if (known) {
        // clone() copies the nodes: map the kept texts onto the copies, in the same walk order
        const a = [], b = [];
        const list = (node, out) => {
          if (isPair(node)) { list(node.key, out); list(node.value, out); return; }
          if (!node) return;
          out.push(node);
          for (const item of node.items ?? []) list(item, out);
        };
        list(known.doc.contents, a);
        list(doc.contents, b);
        kept.clear();
        a.forEach((node, i) => { if (known.kept.has(node)) kept.set(b[i], known.kept.get(node)); });
      }
      const line = schemaLine(doc, schema);
      doc.contents = apply(doc, doc.contents, clean, tree, null);
      return write(doc, line, kept);
    },
  };
}

export function deskFormats(all) {
  return Object.fromEntries(Object.values(all).map(settings => [settings.name, deskFormat(settings)]));
}

export async function loadFormats(url = new URL('format-desk.json', import.meta.url)) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return deskFormats(await response.json());
}
