/**
 * The ways the translator writes JavaScript: as this runtime allows (regexp modifiers `(?i:…)` on Node.js 23+), and
 * without modifiers, as on Node.js 22. Tests that check answers run on each, so both code paths are tested on
 * whichever Node.js runs the tests.
 */
import { RUNTIME_REGEX_TARGET, type JsRegexTarget } from '../../nodes/shared/acs/sip/dotnetRegex';

export const WITHOUT_MODIFIERS: JsRegexTarget = { modifiers: false };

export const REGEX_TARGETS: Array<[string, JsRegexTarget]> = RUNTIME_REGEX_TARGET.modifiers
	? [
			['with regexp modifiers', RUNTIME_REGEX_TARGET],
			['without regexp modifiers', WITHOUT_MODIFIERS],
		]
	: [['without regexp modifiers (this runtime has none)', RUNTIME_REGEX_TARGET]];
