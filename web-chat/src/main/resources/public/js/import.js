// CSV import: read the header row in the browser, let the person map columns, then ask the API
// for a dry-run report before the real import. Cell values and reasons are shown as text only.
import { api, el } from './api.js';

const TARGETS = [['', 'Automatic'], ['firstName', 'First name'], ['lastName', 'Last name'], ['fullName', 'Full name'],
  ['email', 'Email'], ['phone', 'Phone'], ['title', 'Title'], ['companyName', 'Company'], ['lifecycleStage', 'Stage'],
  ['source', 'Source'], ['country', 'Country'], ['ownerEmail', 'Owner (email)'], ['ignore', 'Ignore this column']];
const file = document.getElementById('file');
const mapping = document.getElementById('mapping');
const section = document.getElementById('mapping-section');
const preview = document.getElementById('preview');
const run = document.getElementById('run');
const status = document.getElementById('import-status');
let headers = [];

// The first two records of a CSV (quotes and doubled quotes understood), enough to map columns.
function firstRows(text) {
  const rows = [[]];
  let cell = '', quoted = false;
  for (let i = 0; i < text.length && rows.length <= 2; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === ';') { rows[rows.length - 1].push(cell); cell = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      rows[rows.length - 1].push(cell); cell = ''; rows.push([]);
    } else cell += c;
  }
  if (cell) rows[rows.length - 1].push(cell);
  return rows;
}

file.addEventListener('change', async () => {
  run.disabled = true;
  document.getElementById('report').hidden = true;
  const chosen = file.files[0];
  if (!chosen) return;
  const rows = firstRows((await chosen.slice(0, 65536).text()).replace(/^\uFEFF/, ''));
  headers = rows[0] ?? [];
  mapping.replaceChildren(...headers.map((header, index) => {
    const select = el('select', { id: `map-${index}`, 'data-header': header });
    TARGETS.forEach(([value, label]) => select.append(el('option', { value, text: label })));
    select.append(el('option', { value: `custom.${header}`, text: `Custom field “${header}”` }));
    return el('tr', {}, el('td', {}, el('label', { for: `map-${index}`, text: header })),
      el('td', { text: (rows[1] ?? [])[index] ?? '' }), el('td', {}, select));
  }));
  section.hidden = headers.length === 0;
  if (!headers.length) { status.textContent = 'That file has no header row.'; return; }
  status.textContent = `${headers.length} columns found. Recognising them…`;
  await detect();
});

// Shows what each column was recognised as (the server's own reading, from a dry run with no mapping),
// so "Goes to" starts at the real target and the person only changes what is wrong.
async function detect() {
  try {
    const report = await api('POST', '/api/contacts/import?dryRun=true', formWith({}));
    mapping.querySelectorAll('select').forEach((select) => {
      const target = report.mapping?.[select.dataset.header];
      if (target && [...select.options].some((option) => option.value === target)) select.value = target;
    });
    status.textContent = `${headers.length} columns found and recognised. Check where each goes, then preview.`;
  } catch (error) {
    status.textContent = `${headers.length} columns found. Check where each goes, then preview.`;
  }
}

function formWith(chosen) {
  const body = new FormData();
  body.append('file', file.files[0]);
  body.append('mapping', JSON.stringify(chosen));
  return body;
}

// Reasons name fields as the API does ("lifecycleStage: …"); people read the column names they chose.
const LABELS = Object.fromEntries(TARGETS.filter(([value]) => value));
const readable = (reason) => String(reason).split('; ')
  .map((part) => part.replace(/^([A-Za-z]+(?:\.[^:]+)?):/, (match, field) => `${LABELS[field] ?? field.replace(/^custom\./, '')}:`))
  .join('; ');

function chosenMapping() {
  const chosen = {};
  mapping.querySelectorAll('select').forEach((select) => { if (select.value) chosen[select.dataset.header] = select.value; });
  return chosen;
}

async function send(dryRun) {
  const body = formWith(chosenMapping());
  const duplicates = document.getElementById('duplicates').value;
  status.textContent = dryRun ? 'Checking the file…' : 'Importing…';
  try {
    const report = await api('POST', `/api/contacts/import?dryRun=${dryRun}&onDuplicate=${duplicates}`, body);
    show(report);
    status.textContent = dryRun ? 'Preview ready: nothing was saved yet.' : 'Import finished.';
    run.disabled = !dryRun;
  } catch (error) {
    status.textContent = `The file could not be imported: ${error.message}`;
  }
}

function show(report) {
  const summary = document.getElementById('summary');
  summary.replaceChildren(
    el('dt', { text: 'Rows read' }), el('dd', { text: String(report.rows) }),
    el('dt', { text: report.dryRun ? 'Would be created' : 'Created' }), el('dd', { id: 'created', text: String(report.created) }),
    el('dt', { text: report.dryRun ? 'Would be updated' : 'Updated' }), el('dd', { text: String(report.updated) }),
    el('dt', { text: 'Skipped' }), el('dd', { text: String(report.skipped) }),
    el('dt', { text: 'New companies' }), el('dd', { text: String(report.companiesCreated) }),
    el('dt', { text: 'Rejected' }), el('dd', { id: 'rejected-count', text: String(report.rejected.length) }));
  document.getElementById('rejected').replaceChildren(...report.rejected.map((row) =>
    el('tr', {}, el('td', { text: String(row.row) }), el('td', { text: readable(row.reason) }))));
  document.getElementById('rejected-section').hidden = report.rejected.length === 0;
  document.getElementById('report-title').textContent = report.dryRun ? 'Preview (nothing saved yet)' : 'Imported';
  document.getElementById('report').hidden = false;
}

preview.addEventListener('click', () => send(true));
run.addEventListener('click', () => send(false));
