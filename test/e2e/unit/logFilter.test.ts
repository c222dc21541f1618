import { classifyN8nLogLine, createLineSplitter } from '../../../scripts/n8n/logFilter';

describe('classifyN8nLogLine', () => {
	it.each([
		'getaddrinfo ENOTFOUND api.n8n.io',
		'Error fetching from Strapi API (https://api.n8n.io/api/mcp-servers): getaddrinfo ENOTFOUND api.n8n.io',
		'    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:112:26)',
		'[license SDK] Skipping renewal on init: license cert is not initialized',
	])('hides the offline fetch noise %p', (line) => {
		expect(classifyN8nLogLine(line)).toBe('hide-offline');
	});

	it.each([
		'Failed to start Python task runner in internal mode. because ...',
		'',
		'A system task run failed',
	])('hides harmless noise %p', (line) => {
		expect(classifyN8nLogLine(line)).toBe('hide-noise');
	});

	it.each([
		'Editor is now accessible via:',
		'Error: Cannot find module /x/dist/nodes/AzureCommunicationPhoneNumbers/AzureCommunicationPhoneNumbers.node.js',
		'Owner was set up successfully',
	])('shows what matters %p', (line) => {
		expect(classifyN8nLogLine(line)).toBe('show');
	});
});

describe('createLineSplitter', () => {
	it('joins lines split across chunks and flushes the last one', () => {
		const lines: string[] = [];
		const splitter = createLineSplitter((line) => lines.push(line));
		splitter.push('first li');
		splitter.push('ne\r\nsecond\nthi');
		splitter.flush();
		expect(lines).toEqual(['first line', 'second', 'thi']);
	});
});
