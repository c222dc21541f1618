/** A value nested deeper than the scrubber walks is never handed back unscrubbed. */
import { scrubDeep } from '../../../nodes/shared/transport/scrub';

const AUTHORIZATION =
	'HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=q0K3vX/7+9hZ2mN1pR4sT6uW8yA0bC2dE4fG6hI8jK0=';
const nest = (depth: number, leaf: unknown): unknown =>
	depth === 0 ? leaf : { x: nest(depth - 1, leaf) };
const nestInArrays = (depth: number, leaf: unknown): unknown =>
	depth === 0 ? leaf : [nestInArrays(depth - 1, leaf)];

describe('scrubDeep: depth', () => {
	it.each([10, 60, 70, 500])('a secret nested %i objects deep is gone', (depth) => {
		const scrubbed = scrubDeep({ note: nest(depth, AUTHORIZATION) });
		expect(JSON.stringify(scrubbed)).not.toContain('q0K3vX');
	});

	it('a secret nested 70 arrays deep is gone', () => {
		expect(JSON.stringify(scrubDeep(nestInArrays(70, AUTHORIZATION)))).not.toContain('q0K3vX');
	});

	it('a secret in a key nested 70 deep is gone', () => {
		expect(JSON.stringify(scrubDeep(nest(70, { [AUTHORIZATION]: 1 })))).not.toContain('q0K3vX');
	});

	it('harmless data nested 70 deep is replaced by a marker, not passed through', () => {
		expect(JSON.stringify(scrubDeep(nest(70, 'plain')))).toContain('[nested too deep]');
	});
});
