import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { copyScreenshots } from '../../../scripts/e2e/screenshots';

describe('copyScreenshots (npm run e2e -- --update-screenshots)', () => {
	let root: string;
	beforeEach(() => {
		root = fs.mkdtempSync(path.join(os.tmpdir(), 'shots-'));
	});
	afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

	it('copies the screenshots but not those of failed steps or other files', () => {
		const from = path.join(root, 'from');
		fs.mkdirSync(from);
		for (const name of ['a.png', 'b.png', 'failed-login.png', 'notes.txt'])
			fs.writeFileSync(path.join(from, name), name);
		const to = path.join(root, 'to');
		expect(copyScreenshots(from, to).sort()).toEqual(['a.png', 'b.png']);
		expect(fs.readdirSync(to).sort()).toEqual(['a.png', 'b.png']);
		expect(fs.readFileSync(path.join(to, 'b.png'), 'utf8')).toBe('b.png');
	});

	it('refuses to copy nothing', () => {
		expect(() => copyScreenshots(root, path.join(root, 'to'))).toThrow(/no screenshots/);
	});
});
