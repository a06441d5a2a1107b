// Drives the CRM's MCP server with the official TypeScript client, as an outside assistant would.
// Usage: node mcp/check.mjs <config.json>   (written by the Java test McpClientTest)
//   mode "tools":   tools per role, read tools, resources, prompts, a proposal, refusals, and the stdio bridge
//   mode "approve": approveProposal with the code the user read on the proposal's page
import { readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function connect(key) {
  const client = new Client({ name: 'crm-test-client', version: '1.0.0' });
  const headers = key ? { Authorization: `Bearer ${key}` } : {};
  await client.connect(new StreamableHTTPClientTransport(new URL(`${config.url}/mcp`), { requestInit: { headers } }));
  return client;
}

async function refused(key, why) {
  try {
    const client = await connect(key);
    await client.listTools();
    await client.close();
  } catch (error) {
    return String(error.message ?? error);
  }
  throw new Error(`${why} was not refused`);
}

const text = (result) => result.content.filter((part) => part.type === 'text').map((part) => part.text).join('\n');
const names = async (client) => (await client.listTools()).tools.map((tool) => tool.name).sort();

async function tools() {
  const viewer = await connect(config.keys.viewer);
  const viewerTools = await names(viewer);
  check(viewerTools.includes('searchContacts') && viewerTools.includes('getContact'), `viewer lacks read tools: ${viewerTools}`);
  check(!viewerTools.some((name) => name.startsWith('propose') || name === 'approveProposal'),
    `viewer is offered write tools: ${viewerTools}`);

  const rep = await connect(config.keys.rep);
  const repTools = await names(rep);
  check(repTools.includes('proposeSendEmail') && repTools.includes('approveProposal'), `rep lacks write tools: ${repTools}`);

  const found = await rep.callTool({ name: 'searchContacts', arguments: { query: config.contactEmail } });
  check(!found.isError && text(found).includes(config.contactId), `searchContacts: ${text(found)}`);
  const card = await rep.callTool({ name: 'getContact', arguments: { contactIdOrEmail: config.contactId } });
  check(!card.isError && text(card).includes(config.contactEmail), `getContact: ${text(card)}`);
  const resource = await rep.readResource({ uri: `crm://contacts/${config.contactId}` });
  check(resource.contents[0].text.includes(config.contactEmail), 'the contact resource lacks the email');
  const templates = (await rep.listResourceTemplates()).resourceTemplates.map((template) => template.uriTemplate);
  check(templates.includes('crm://deals/{id}'), `templates: ${templates}`);
  const prompt = await rep.getPrompt({ name: 'follow-up', arguments: { contact: config.contactEmail } });
  check(prompt.messages[0].content.text.includes(config.contactEmail), 'the follow-up prompt lacks the contact');

  const proposal = await rep.callTool({ name: 'proposeSendEmail',
    arguments: { contactId: config.contactId, subject: 'Pricing', body: 'Hi, here is our pricing.' } });
  check(!proposal.isError, `proposeSendEmail failed: ${text(proposal)}`);
  const proposed = proposal.structuredContent;
  check(proposed.status.startsWith('PROPOSED'), `not a proposal: ${text(proposal)}`);
  check(proposed.approveUrl === `${config.publicUrl}/proposals/${proposed.proposal.proposalId}`, `link: ${proposed.approveUrl}`);

  const guessed = await rep.callTool({ name: 'approveProposal', arguments: { proposalId: proposed.proposal.proposalId,
    argumentsHash: proposed.proposal.argumentsHash, confirmationCode: 'AAAA-AAAA' } });
  check(guessed.isError && text(guessed).includes('confirmationCode'), `a guessed code was accepted: ${text(guessed)}`);

  const other = await rep.callTool({ name: 'getContact', arguments: { contactIdOrEmail: config.otherContactId } });
  check(other.isError && /not found/i.test(text(other)), `another tenant's contact: ${text(other)}`);
  let otherResource = null;
  try { await rep.readResource({ uri: `crm://contacts/${config.otherContactId}` }); } catch (error) { otherResource = error; }
  check(otherResource !== null, "another tenant's contact was readable as a resource");
  const forged = await rep.callTool({ name: 'proposeSendEmail',
    arguments: { contactId: config.otherContactId, subject: 'x', body: 'y' } });
  check(forged.isError, "a proposal to another tenant's contact was accepted");
  const viewerWrite = await viewer.callTool({ name: 'proposeSendEmail',
    arguments: { contactId: config.contactId, subject: 'x', body: 'y' } });
  check(viewerWrite.isError, 'a viewer called a write tool');

  const missing = await refused(null, 'a request without a key');
  const revoked = await refused(config.keys.revoked, 'a revoked key');

  const stdio = new Client({ name: 'crm-stdio-test', version: '1.0.0' });
  await stdio.connect(new StdioClientTransport({ command: config.stdio.command, args: config.stdio.args,
    cwd: config.stdio.cwd, env: { ...process.env, CRM_URL: config.url, CRM_API_KEY: config.keys.viewer }, stderr: 'inherit' }));
  const stdioTools = await names(stdio);
  check(JSON.stringify(stdioTools) === JSON.stringify(viewerTools), `stdio offers ${stdioTools}, HTTP ${viewerTools}`);
  const stdioCard = await stdio.callTool({ name: 'getContact', arguments: { contactIdOrEmail: config.contactId } });
  check(!stdioCard.isError && text(stdioCard).includes(config.contactEmail), `stdio getContact: ${text(stdioCard)}`);
  await stdio.close();

  await Promise.all([viewer.close(), rep.close()]);
  console.log(JSON.stringify({ viewerTools: viewerTools.length, repTools: repTools.length, stdioTools: stdioTools.length,
    proposal: { id: proposed.proposal.proposalId, argumentsHash: proposed.proposal.argumentsHash },
    missingKey: missing, revokedKey: revoked }));
}

async function approve() {
  const rep = await connect(config.keys.rep);
  const approved = await rep.callTool({ name: 'approveProposal', arguments: { proposalId: config.proposal.id,
    argumentsHash: config.proposal.argumentsHash, confirmationCode: config.proposal.code } });
  check(!approved.isError, `approval with the user's code failed: ${text(approved)}`);
  await rep.close();
  console.log(JSON.stringify({ approved: JSON.parse(text(approved)).status }));
}

(config.mode === 'approve' ? approve() : tools()).catch((error) => {
  console.error(error.stack ?? String(error));
  process.exit(1);
});
