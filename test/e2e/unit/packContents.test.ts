import {
	loadedByN8n,
	packProblems,
	UNPACKED_LIMIT_BYTES,
	type PackReport,
} from '../../../scripts/e2e/packContents';

const pkg = {
	n8n: {
		nodes: ['dist/nodes/Phone/Phone.node.js'],
		credentials: ['dist/credentials/Key.credentials.js'],
	},
};
const icons = ['dist/icons/acs.svg', 'dist/icons/acs.dark.svg'];
const shipped = ['package.json', 'README.md', 'LICENSE.md', ...loadedByN8n(pkg, icons)];

function report(paths: string[], unpackedSize = 100_000): PackReport {
	return {
		filename: 'p.tgz',
		size: 1,
		unpackedSize,
		files: paths.map((path) => ({ path, size: 1 })),
	};
}

describe('packProblems (what the published tarball may hold)', () => {
	it('accepts the files n8n loads, the codex beside each node, the named icons, package.json, README and LICENSE', () => {
		expect(loadedByN8n(pkg, icons)).toEqual([
			'dist/credentials/Key.credentials.js',
			'dist/icons/acs.dark.svg',
			'dist/icons/acs.svg',
			'dist/nodes/Phone/Phone.node.js',
			'dist/nodes/Phone/Phone.node.json',
		]);
		expect(packProblems(report(shipped), pkg, icons)).toEqual([]);
	});

	it.each([
		'dist/nodes/Phone/Phone.node.js.map',
		'dist/tsconfig.tsbuildinfo',
		'dist/docs/screenshots/phone-numbers-node.png',
		'dist/nodes/shared/transport/request.js',
		'dist/package.json',
	])('names %s, which n8n does not load', (extra) => {
		expect(packProblems(report([...shipped, extra]), pkg, icons)).toEqual([
			expect.stringContaining(extra),
		]);
	});

	it('names an icon or codex file that is missing', () => {
		const withoutIcon = shipped.filter(
			(file) => file !== 'dist/icons/acs.dark.svg' && !file.endsWith('.node.json'),
		);
		expect(packProblems(report(withoutIcon), pkg, icons)).toEqual([
			'missing: dist/icons/acs.dark.svg, dist/nodes/Phone/Phone.node.json',
		]);
	});

	it('fails past the unpacked size limit, not at it', () => {
		expect(packProblems(report(shipped, UNPACKED_LIMIT_BYTES), pkg, icons)).toEqual([]);
		expect(packProblems(report(shipped, UNPACKED_LIMIT_BYTES + 1), pkg, icons)).toEqual([
			expect.stringMatching(/^unpacked size 600 KB is over the 600 KB limit$/),
		]);
	});
});
