/** The domain-era preview rules of the shared SIP validation, which the emulator applies to preview api-versions. */
import fc from 'fast-check';
import {
	isUnderDomain,
	validateSipConfiguration,
	validateSipPatch,
} from '../../../nodes/shared/acs/sip/configValidation';
import { applySipPatch } from '../../../nodes/shared/acs/sip/mergePatch';

const label = fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/);
const domainName = fc
	.tuple(label, fc.constantFrom('com', 'net', 'org'))
	.map(([name, tld]) => `${name}.${tld}`);
const DOMAIN_CODES = ['TrunkNotUnderDomain', 'DomainInUse'];

describe('SIP domain rules (pure)', () => {
	test('property: a trunk under a configured domain passes, one under another domain is refused, GA never checks', () => {
		fc.assert(
			fc.property(domainName, domainName, label, (domain, other, host) => {
				fc.pre(!isUnderDomain(other, domain) && other !== domain);
				const config = (fqdn: string) => ({
					domains: { [domain]: { enabled: true } },
					trunks: { [fqdn]: { sipSignalingPort: 5061 } },
					routes: [],
				});
				const codes = (fqdn: string, domainRules: boolean) =>
					validateSipConfiguration(config(fqdn), { domainRules }).map((issue) => issue.code);
				expect(codes(`${host}.${domain}`, true)).toEqual([]);
				expect(codes(`${host}.${other}`, true)).toEqual(['TrunkNotUnderDomain']);
				expect(
					codes(`${host}.${other}`, false).filter((code) => DOMAIN_CODES.includes(code)),
				).toEqual([]);
			}),
		);
	});

	test('property: deleting a domain is refused exactly when a remaining trunk lies under it', () => {
		fc.assert(
			fc.property(domainName, label, fc.boolean(), (domain, host, deleteTrunkToo) => {
				const trunk = `${host}.${domain}`;
				const current = {
					domains: { [domain]: { enabled: true } },
					trunks: { [trunk]: { sipSignalingPort: 5061 } },
					routes: [],
				};
				const patch = {
					domains: { [domain]: null },
					...(deleteTrunkToo ? { trunks: { [trunk]: null } } : {}),
				};
				const result = applySipPatch(current, patch as never).value;
				const codes = validateSipPatch(current, patch, result, { domainRules: true }).map(
					(issue) => issue.code,
				);
				expect(codes.includes('DomainInUse')).toBe(!deleteTrunkToo);
				expect(validateSipPatch(current, patch, result).map((issue) => issue.code)).toEqual([]);
			}),
		);
	});
});
