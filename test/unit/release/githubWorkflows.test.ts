import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { validateWorkflow } from '@action-validator/core';

const root = join(__dirname, '..', '..', '..');
const workflowsDir = join(root, '.github', 'workflows');
const read = (name: string) => readFileSync(join(workflowsDir, name), 'utf8');

/** The workflow's text without YAML comments, so a requirement met only in a comment does not count. */
function withoutComments(yaml: string): string {
	return yaml.replace(/(^|\s)#.*$/gm, '$1');
}

/** What keeps a tag push from publishing a tested build with an npm provenance statement; empty when nothing. */
function publishProblems(yaml: string): string[] {
	const text = withoutComments(yaml);
	const problems: string[] = [];
	if (!/^on:\s*\n\s+push:\s*\n\s+tags:/m.test(text))
		problems.push('not triggered by pushing a tag');
	if (!/^\s+id-token:\s*write\s*$/m.test(text)) problems.push('no id-token: write permission');
	const publish = text.search(/npm publish --provenance --access public/);
	if (publish < 0) problems.push('no npm publish --provenance --access public');
	const tests = text.search(/run:\s*npm cit\s*$/m);
	const build = text.search(/run:\s*npm run build\s*$/m);
	if (tests < 0 || (publish >= 0 && tests > publish))
		problems.push('tests do not run before publishing');
	if (build < 0 || (publish >= 0 && build > publish))
		problems.push('the build does not run before publishing');
	if (!/^\s+RELEASE_MODE:\s*'true'\s*$/m.test(text.slice(Math.max(publish, 0)))) {
		problems.push('publish step without RELEASE_MODE: n8n-node prerelease refuses it');
	}
	return problems;
}

describe('GitHub Actions workflows', () => {
	const files = readdirSync(workflowsDir).filter((name) => /\.ya?ml$/.test(name));

	it('has the publish and CI workflows', () => {
		expect(files.sort()).toEqual(['ci.yml', 'publish.yml']);
	});

	it.each(files)('%s is a valid workflow for GitHub Actions', (name) => {
		const state = validateWorkflow(read(name));
		expect(state.errors).toEqual([]);
	});

	it('the validator rejects a workflow GitHub would reject', () => {
		const broken = read('ci.yml').replace('runs-on:', 'runs_on:');
		expect(validateWorkflow(broken).errors).not.toEqual([]);
	});

	it('publish.yml publishes a tested build with provenance on a tag', () => {
		expect(publishProblems(read('publish.yml'))).toEqual([]);
	});

	it.each([
		[
			'id-token: write removed',
			(y: string) => y.replace(/^\s+id-token: write.*\n/m, ''),
			'no id-token: write permission',
		],
		[
			'id-token only in a comment',
			(y: string) => y.replace(/^(\s+)id-token: write/m, '$1# id-token: write'),
			'no id-token: write permission',
		],
		[
			'--provenance removed',
			(y: string) => y.replace(' --provenance', ''),
			'no npm publish --provenance --access public',
		],
		[
			'tests removed',
			(y: string) => y.replace(/run: npm cit/, 'run: npm ci'),
			'tests do not run before publishing',
		],
		[
			'the build removed',
			(y: string) => y.replace(/run: npm run build/, 'run: echo'),
			'the build does not run before publishing',
		],
		[
			'a branch trigger instead of tags',
			(y: string) => y.replace(/tags:/, 'branches:'),
			'not triggered by pushing a tag',
		],
		[
			'RELEASE_MODE removed',
			(y: string) => y.replace(/^\s+RELEASE_MODE:.*\n/m, ''),
			'publish step without RELEASE_MODE: n8n-node prerelease refuses it',
		],
	])('a publish.yml with %s is caught', (_label, edit, problem) => {
		const original = read('publish.yml');
		const edited = edit(original);
		expect(edited).not.toBe(original);
		expect(publishProblems(edited)).toContain(problem);
	});

	it('ci.yml runs .ci/run', () => {
		expect(withoutComments(read('ci.yml'))).toMatch(/^\s+run:\s*\.ci\/run\s*$/m);
	});
});

describe('release scripts', () => {
	const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
		scripts: Record<string, string>;
	};

	it('release through the n8n node CLI, and a direct npm publish is refused outside it', () => {
		expect(scripts.release).toBe('n8n-node release');
		expect(scripts.prepublishOnly).toBe('n8n-node prerelease');
	});

	it('lint also checks formatting', () => {
		expect(scripts.lint).toMatch(/prettier --check \./);
		expect(scripts.format).toBe('prettier --write .');
	});
});
