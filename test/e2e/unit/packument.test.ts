import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { withoutNpmRunSettings } from '../../../scripts/n8n/communityPackage';
import { packument, routeFor, tarballUrl, versionManifest } from '../../../scripts/n8n/packument';

const manifest = {
	name: 'n8n-nodes-example',
	version: '1.2.3',
	dependencies: { '@azure/identity': '4.14.1' },
};
const registry = 'http://127.0.0.1:4873';

/** A real tarball made by `npm pack`, and what npm itself reports for its integrity and shasum. */
function packedByNpm(): { tarball: Buffer; integrity: string; shasum: string } {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'packument-'));
	try {
		fs.writeFileSync(path.join(folder, 'package.json'), JSON.stringify(manifest));
		fs.writeFileSync(path.join(folder, 'index.js'), 'module.exports = 1;\n');
		const [report] = JSON.parse(
			execFileSync('npm', ['pack', '--json', '--ignore-scripts'], {
				cwd: folder,
				env: withoutNpmRunSettings(process.env),
			}).toString(),
		) as Array<{ filename: string; integrity: string; shasum: string }>;
		return {
			tarball: fs.readFileSync(path.join(folder, report.filename)),
			integrity: report.integrity,
			shasum: report.shasum,
		};
	} finally {
		fs.rmSync(folder, { recursive: true, force: true });
	}
}

describe('packument (the local registry stand-in serves the packed tarball)', () => {
	const packed = packedByNpm();

	it('gives the tarball the integrity and shasum npm computed when it packed it', () => {
		const { dist } = versionManifest(manifest, packed.tarball, registry);
		expect(dist.integrity).toBe(packed.integrity);
		expect(dist.shasum).toBe(packed.shasum);
	});

	it('points dist.tarball at the stand-in, where npm downloads it from', () => {
		expect(versionManifest(manifest, packed.tarball, `${registry}/`).dist.tarball).toBe(
			`${registry}/n8n-nodes-example/-/n8n-nodes-example-1.2.3.tgz`,
		);
		expect(tarballUrl(registry, { name: '@scope/n8n-nodes-x', version: '2.0.0' })).toBe(
			`${registry}/@scope/n8n-nodes-x/-/n8n-nodes-x-2.0.0.tgz`,
		);
	});

	it('has the one version, tagged latest, with its dependencies (npm installs them)', () => {
		const document = packument(manifest, packed.tarball, registry);
		expect(document['dist-tags']).toEqual({ latest: '1.2.3' });
		expect(Object.keys(document.versions)).toEqual(['1.2.3']);
		expect(document.versions['1.2.3']).toMatchObject({
			name: 'n8n-nodes-example',
			_id: 'n8n-nodes-example@1.2.3',
			dependencies: { '@azure/identity': '4.14.1' },
		});
	});

	it('answers for its own package only; everything else goes upstream', () => {
		expect(routeFor('/n8n-nodes-example', manifest)).toBe('packument');
		expect(routeFor('/n8n-nodes-example/1.2.3', manifest)).toBe('version');
		expect(routeFor('/n8n-nodes-example/-/n8n-nodes-example-1.2.3.tgz', manifest)).toBe('tarball');
		expect(routeFor('/@azure%2fidentity', manifest)).toBeUndefined();
		expect(routeFor('/n8n-nodes-example/9.9.9', manifest)).toBeUndefined();
		expect(routeFor('/n8n-nodes-example-other', manifest)).toBeUndefined();
	});
});
