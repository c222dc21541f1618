import {
	caseVariants,
	caseVariantsMissingFromClass,
	caseVariantsMissingFromRange,
	codePointsWithCaseVariants,
	everyCodePoint,
} from '../../../../nodes/shared/acs/sip/regexCaseVariants';

const EVERY_CODE_POINT = everyCodePoint();
const hex = (cps: readonly number[]): string[] => cps.map((cp) => cp.toString(16));
const variantsOf = (ch: string): string[] => hex(caseVariants(ch.codePointAt(0)!));
const matchedCodePoints = (text: string, regex: RegExp): Set<number> =>
	new Set([...text.matchAll(regex)].map((match) => match[0].codePointAt(0)!));

describe('case variants, as the regex engine matches them with the i flag', () => {
	test('letters with more than one variant, and letters with none', () => {
		expect(variantsOf('k')).toEqual(['4b', '6b', '212a']); // Kelvin sign
		expect(variantsOf('\u212a')).toEqual(['4b', '6b', '212a']);
		expect(variantsOf('s')).toEqual(['53', '73', '17f']); // long s
		expect(variantsOf('å')).toEqual(['c5', 'e5', '212b']); // Angstrom sign
		expect(variantsOf('σ')).toEqual(['3a3', '3c2', '3c3']); // final sigma
		expect(variantsOf('ß')).toEqual(['df', '1e9e']);
		expect(variantsOf('\u0345')).toEqual(['345', '399', '3b9', '1fbe']); // ypogegrammeni, iota, prosgegrammeni
		expect(variantsOf('\u{10400}')).toEqual(['10400', '10428']); // Deseret, outside the BMP
		expect(variantsOf('İ')).toEqual(['130']); // its lower case is two code points: no simple folding
		expect(variantsOf('ı')).toEqual(['131']);
		expect(variantsOf('7')).toEqual(['37']);
	});

	test('the table is closed: ignoring case, its code points match no code point outside it', () => {
		const table = codePointsWithCaseVariants();
		const asClass = `[${table.map((cp) => `\\u{${cp.toString(16)}}`).join('')}]`;
		const matched = matchedCodePoints(EVERY_CODE_POINT, new RegExp(asClass, 'gvi'));
		expect(matched.size).toBe(table.length);
		expect([...matched].filter((cp) => !table.includes(cp))).toEqual([]);
	});

	test('a code point that changes under case mapping or folding and is not in the table matches only itself', () => {
		const changing = '[\\p{Changes_When_Casemapped}\\p{Changes_When_Casefolded}]';
		const table = new Set(codePointsWithCaseVariants());
		const changes = matchedCodePoints(EVERY_CODE_POINT, new RegExp(changing, 'gv'));
		const withVariants = matchedCodePoints(EVERY_CODE_POINT, new RegExp(changing, 'gvi'));
		const alone = [...changes].filter((cp) => !table.has(cp));
		expect(alone.length).toBeGreaterThan(0); // İ, ı, ŉ, …
		// ignoring case they add only table code points: none of them has a variant outside the table
		expect([...withVariants].filter((cp) => !table.has(cp) && !changes.has(cp))).toEqual([]);
		expect(alone.filter((cp) => caseVariants(cp).length > 1)).toEqual([]);
		const aloneText = String.fromCodePoint(...alone);
		for (const cp of alone)
			expect(matchedCodePoints(aloneText, new RegExp(`\\u{${cp.toString(16)}}`, 'gvi'))).toEqual(
				new Set([cp]),
			);
	});

	test('each variant list is exactly what each of its members matches ignoring case', () => {
		const table = codePointsWithCaseVariants();
		const tableText = String.fromCodePoint(...table);
		for (const cp of table) {
			const matched = matchedCodePoints(tableText, new RegExp(`\\u{${cp.toString(16)}}`, 'gvi'));
			expect({ cp, variants: hex(caseVariants(cp)) }).toEqual({
				cp,
				variants: hex([...matched].sort((a, b) => a - b)),
			});
		}
	});

	test('what ignoring case adds to a range or a class', () => {
		expect(hex(caseVariantsMissingFromRange(0x61, 0x7a))).toEqual([
			...hex(Array.from({ length: 26 }, (_, i) => 0x41 + i)),
			'17f',
			'212a',
		]);
		expect(caseVariantsMissingFromRange(0x30, 0x39)).toEqual([]);
		expect(caseVariantsMissingFromClass('\\p{Nd}')).toEqual([]);
		expect(hex(caseVariantsMissingFromClass('[\\u{3c3}]'))).toEqual(['3a3', '3c2']);
		expect(caseVariantsMissingFromClass('\\p{Lu}')).toContain(0x61);
	});
});
