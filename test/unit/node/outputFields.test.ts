/** Fields an error carries into its output item (some read from the service) hold no secret, thrown or not. */
import { NodeOperationError, type INode } from 'n8n-workflow';
import { withOutputFields } from '../../../nodes/shared/node/runItems';

const NODE: INode = {
	id: '1',
	name: 'Node',
	type: 'test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const TOKEN =
	'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJhY3MiLCJvaWQiOiIxMjM0In0.c2lnbmF0dXJlLXBhcnQtb2YtdGhlLXRva2Vu';

it('withOutputFields scrubs what it attaches', () => {
	const error = withOutputFields(new NodeOperationError(NODE, 'failed'), {
		operationId: `op-${TOKEN}`,
		purchased: null,
	});
	const text = JSON.stringify(error.context);
	expect(text).not.toContain('c2lnbmF0dXJlLXBhcnQtb2YtdGhlLXRva2Vu');
	expect(error.context.outputFields).toMatchObject({ purchased: null });
});
