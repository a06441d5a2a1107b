// CSV import: read the header row in the browser, let the person map columns, then ask the API
// for a dry-run report before the real import. Cell values and reasons are shown as text only.
import { api, el } from './api.js';

const TARGETS = [['', 'Recognise by name'], ['firstName', 'First name'], ['lastName', 'Last name'], ['fullName', 'Full name'],
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
  status.textContent = headers.length ? `${headers.length} columns found. Check them, then preview.` : 'That file has no header row.';
});

function chosenMapping() {
  const chosen = {};
  mapping.querySelectorAll('select').forEach((select) => { if (select.value) chosen[select.dataset.header] = select.value; });
  return chosen;
}

async function send(dryRun) {
  const body = new FormData();
  body.append('file', file.files[0]);
  body.append('mapping', JSON.stringify(chosenMapping()));
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
  const verb = report.dryRun ? 'Would ' : '';
  summary.replaceChildren(
    el('dt', { text: 'Rows read' }), el('dd', { text: String(report.rows) }),
    el('dt', { text: `${verb}create` }), el('dd', { id: 'created', text: String(report.created) }),
    el('dt', { text: `${verb}update` }), el('dd', { text: String(report.updated) }),
    el('dt', { text: 'Skipped' }), el('dd', { text: String(report.skipped) }),
    el('dt', { text: 'New companies' }), el('dd', { text: String(report.companiesCreated) }),
    el('dt', { text: 'Rejected' }), el('dd', { id: 'rejected-count', text: String(report.rejected.length) }));
  document.getElementById('rejected').replaceChildren(...report.rejected.map((row) =>
    el('tr', {}, el('td', { text: String(row.row) }), el('td', { text: row.reason }))));
  document.getElementById('rejected-section').hidden = report.rejected.length === 0;
  document.getElementById('report-title').textContent = report.dryRun ? 'Preview (nothing saved yet)' : 'Imported';
  document.getElementById('report').hidden = false;
}

preview.addEventListener('click', () => send(true));
run.addEventListener('click', () => send(false));
