// Inline editing on a contact's page: each field saves itself when it changes (PATCH through the
// API with the CSRF token). A refused value is explained once, beside its field, and what was typed
// stays. Without JavaScript the form posts to the page instead.
import { api } from './api.js';

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
    const shown = Object.entries(error.fields ?? {}).filter(([field, message]) => {
      const span = document.getElementById(`e-${field}`);
      if (!span) return false;
      span.textContent = message;
      form.elements[field]?.setAttribute('aria-invalid', 'true');
      return true;
    });
    status.textContent = shown.length ? 'Not saved: see the field marked below.' : `Not saved: ${error.message}`;
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
