// Inline editing on a contact's page: each field saves itself when it changes (PATCH through the
// API with the CSRF token); a refused value shows the server's message beside the field and keeps
// what was typed. Without JavaScript the form posts to the page instead.
import { api, ApiError } from './api.js';

const form = document.getElementById('contact-form');
const status = document.getElementById('save-status');
const id = form.dataset.contact;

async function save(fields) {
  status.textContent = 'Saving…';
  form.querySelectorAll('.field-error').forEach((span) => { span.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((input) => input.removeAttribute('aria-invalid'));
  try {
    await api('PATCH', `/api/contacts/${id}`, fields);
    status.textContent = 'Saved';
  } catch (error) {
    status.textContent = error instanceof ApiError ? `Not saved: ${error.message}` : 'Not saved';
    for (const [field, message] of Object.entries(error.fields ?? {})) {
      const input = form.elements[field];
      input?.setAttribute('aria-invalid', 'true');
      const span = document.getElementById(`e-${field}`);
      if (span) span.textContent = message;
    }
  }
}

function value(input) {
  const text = input.value.trim();
  return text === '' && input.name !== 'lifecycleStage' ? null : text;
}

form.addEventListener('change', (event) => {
  const input = event.target;
  if (!input.name || input.name === '_csrf') return;
  save({ [input.name]: value(input) });
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const fields = {};
  for (const input of form.querySelectorAll('input[name]:not([type=hidden]), select[name]')) fields[input.name] = value(input);
  save(fields);
});
