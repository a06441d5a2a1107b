// Approves or rejects the proposal shown on this page, through /api/proposals, quoting the hash shown.
import { api } from './api.js';

const card = document.getElementById('proposal');
const result = document.getElementById('proposal-result');

async function decide(approve) {
  try {
    const decided = await api('POST', `/api/proposals/${card.dataset.proposal}/${approve ? 'approve' : 'reject'}`,
      approve ? { argumentsHash: card.dataset.hash } : {});
    document.getElementById('proposal-status').textContent = decided.status;
    result.textContent = decided.status === 'executed' ? 'Done.' : decided.status === 'rejected' ? 'Rejected: nothing was done.'
      : `Not done: ${decided.outcome?.error ?? decided.status}`;
    document.querySelectorAll('#approve, #reject').forEach((button) => { button.disabled = true; });
  } catch (error) { result.textContent = error.message; }
}

document.getElementById('approve')?.addEventListener('click', () => decide(true));
document.getElementById('reject')?.addEventListener('click', () => decide(false));
