import { classNameOf, hostOf } from '../../../build/bundleDist';

const FILES = [
	'dist/nodes/Phone/Phone.node.js',
	'dist/nodes/PhoneTrigger/PhoneTrigger.node.js',
	'dist/nodes/LoneTrigger/LoneTrigger.node.js',
	'dist/credentials/PhoneApi.credentials.js',
];

describe('which bundle a shipped file lives in', () => {
	it('a trigger ships inside its action node when the package has that node', () => {
		expect(hostOf('dist/nodes/PhoneTrigger/PhoneTrigger.node.js', FILES)).toBe(
			'dist/nodes/Phone/Phone.node.js',
		);
	});

	it('a trigger without its action node, an action node and a credential are bundles of their own', () => {
		expect(hostOf('dist/nodes/LoneTrigger/LoneTrigger.node.js', FILES)).toBeUndefined();
		expect(hostOf('dist/nodes/Phone/Phone.node.js', FILES)).toBeUndefined();
		expect(hostOf('dist/credentials/PhoneApi.credentials.js', FILES)).toBeUndefined();
	});

	it('a file exports the class named as the file is, as n8n looks it up', () => {
		expect(classNameOf('dist/nodes/PhoneTrigger/PhoneTrigger.node.js')).toBe('PhoneTrigger');
		expect(classNameOf('dist/credentials/PhoneApi.credentials.js')).toBe('PhoneApi');
	});
});
