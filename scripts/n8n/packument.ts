import { createHash } from 'node:crypto';

/** A package.json as npm pack puts it in a tarball; name and version are all a packument needs of it. */
export interface TarballManifest {
	name: string;
	version: string;
	[key: string]: unknown;
}

export interface Packument {
	name: string;
	'dist-tags': { latest: string };
	versions: Record<string, VersionManifest>;
}

export interface VersionManifest extends TarballManifest {
	_id: string;
	dist: { tarball: string; integrity: string; shasum: string };
}

/** Where a registry at `registryUrl` serves a package's tarball: `<registry>/<name>/-/<unscoped name>-<version>.tgz`. */
export function tarballUrl(registryUrl: string, manifest: TarballManifest): string {
	const unscoped = manifest.name.split('/').pop()!;
	return `${registryUrl.replace(/\/+$/, '')}/${manifest.name}/-/${unscoped}-${manifest.version}.tgz`;
}

/** The registry's document for one version: the manifest with the `dist` npm checks the downloaded tarball against. */
export function versionManifest(
	manifest: TarballManifest,
	tarball: Buffer,
	registryUrl: string,
): VersionManifest {
	return {
		...manifest,
		_id: `${manifest.name}@${manifest.version}`,
		dist: {
			tarball: tarballUrl(registryUrl, manifest),
			integrity: `sha512-${createHash('sha512').update(tarball).digest('base64')}`,
			shasum: createHash('sha1').update(tarball).digest('hex'),
		},
	};
}

/** The registry's document for a package (`GET /<name>`) that has one version, tagged latest. */
export function packument(
	manifest: TarballManifest,
	tarball: Buffer,
	registryUrl: string,
): Packument {
	return {
		name: manifest.name,
		'dist-tags': { latest: manifest.version },
		versions: { [manifest.version]: versionManifest(manifest, tarball, registryUrl) },
	};
}

/** What a registry request path asks for about this package; `undefined` when it is about another one. */
export function routeFor(
	requestPath: string,
	manifest: TarballManifest,
): 'packument' | 'version' | 'tarball' | undefined {
	const wanted = decodeURIComponent(requestPath.split('?')[0]).replace(/\/+$/, '');
	if (wanted === `/${manifest.name}`) return 'packument';
	if (wanted === `/${manifest.name}/${manifest.version}`) return 'version';
	if (wanted === new URL(tarballUrl('http://registry', manifest)).pathname) return 'tarball';
	return undefined;
}
