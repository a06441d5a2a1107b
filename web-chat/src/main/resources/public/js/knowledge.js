// Knowledge documents through /api/knowledge: list, upload (multipart field "file"), reindex, delete.
// While a document is being indexed the list refreshes itself, so its status turns to ready without a reload.
import { api, el } from './api.js';

const list = document.getElementById('documents');
const status = document.getElementById('knowledge-status');
const form = document.getElementById('upload-form');
const STATES = { pending: 'Indexing…', indexed: 'Ready', failed: 'Failed' };
let refresh = null;

function field(document, ...names) {
  for (const name of names) if (document[name] !== undefined && document[name] !== null) return document[name];
  return '';
}

function state(document) {
  const status = String(field(document, 'status', 'state'));
  const shown = STATES[status] ?? status;
  return document.error ? `${shown}: ${document.error}` : shown;
}

async function load() {
  clearTimeout(refresh);
  try {
    const answer = await api('GET', '/api/knowledge');
    const documents = Array.isArray(answer) ? answer : (answer?.items ?? []);
    if (documents.length === 0) {
      list.replaceChildren(el('p', { class: 'muted', text: 'No documents yet. Upload a price list or a playbook and ask the chat about it.' }));
      return;
    }
    const rows = documents.map((document) => {
      const name = String(field(document, 'title', 'name', 'filename', 'fileName'));
      const file = document.filename && document.filename !== name ? document.filename : '';
      return el('tr', {},
        el('td', {}, name, file ? el('span', { class: 'small muted', text: ` · ${file}` }) : null),
        el('td', { text: state(document) }),
        el('td', { class: 'num', text: document.status === 'pending' ? '' : String(field(document, 'chunks', 'chunkCount')) }),
        el('td', {},
          el('button', { type: 'button', 'data-reindex': document.id, 'aria-label': `Reindex ${name}`, text: 'Reindex' }), ' ',
          el('button', { type: 'button', class: 'danger', 'data-delete': document.id, 'aria-label': `Delete ${name}`, text: 'Delete' })));
    });
    list.replaceChildren(el('table', {},
      el('thead', {}, el('tr', {}, ...['Document', 'Status', 'Passages', 'Actions'].map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, ...rows)));
    if (documents.some((document) => document.status === 'pending')) refresh = setTimeout(load, 1500);
    else if (status.textContent.startsWith('Uploaded') || status.textContent.startsWith('Reindexing')) status.textContent = 'Indexing finished.';
  } catch (error) {
    list.replaceChildren(el('p', { class: 'alert error', text: error.status === 404
      ? 'Knowledge documents are not available on this server yet.' : `The documents could not be loaded: ${error.message}` }));
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = new FormData(form);
  status.textContent = 'Uploading…';
  try {
    await api('POST', '/api/knowledge', body);
    status.textContent = 'Uploaded. It is being indexed.';
    form.reset();
    load();
  } catch (error) {
    status.textContent = `Not uploaded: ${error.message}`;
  }
});

list.addEventListener('click', async (event) => {
  const button = event.target.closest('button');
  if (!button) return;
  try {
    if (button.dataset.delete) {
      await api('DELETE', `/api/knowledge/${button.dataset.delete}`);
      status.textContent = 'Deleted.';
    } else if (button.dataset.reindex) {
      await api('POST', `/api/knowledge/${button.dataset.reindex}/reindex`);
      status.textContent = 'Reindexing.';
    }
    load();
  } catch (error) {
    status.textContent = error.message;
  }
});

load();
