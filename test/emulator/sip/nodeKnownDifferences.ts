/**
 * Where the node's pre-validation and the emulator answer a PATCH /sip differently, understood and accepted. Each
 * entry says which side is right (as far as the service's behaviour is known) and why; docs/sip-routing-node.md
 * ("Node and emulator agreement") lists them with their counts.
 */
import { translateDotnetRegex } from '../../../nodes/shared/acs/sip/dotnetRegex';
import { checkNumberPattern } from '../../../emulator/sip/routeMatching';

export interface AgreementCase {
  preview: boolean;
  patch: unknown;
  nodeCodes: string[];
  emulatorStatus: number;
  emulatorCode?: string;
}

export interface NodeEmulatorDifference {
  id: string;
  /** Which side answers as the service does. */
  right: 'node' | 'emulator' | 'unknown';
  reason: string;
  applies(c: AgreementCase): boolean;
}

function patternsOf(patch: unknown): string[] {
  const routes = (patch as { routes?: unknown } | null)?.routes;
  if (!Array.isArray(routes)) return [];
  return routes.flatMap((route) => (typeof route?.numberPattern === 'string' ? [route.numberPattern as string] : []));
}

export const NODE_EMULATOR_DIFFERENCES: NodeEmulatorDifference[] = [
  {
    id: 'unchecked-unsupported-construct',
    right: 'node',
    reason:
      'The emulator does not check everything about constructs outside its subset: the rest of a pattern after a ' +
      'conditional, a balancing group or the x and n options, and Unicode block names. It stores such a pattern, and ' +
      'testRoutesWithNumber answers 501 for it. .NET refuses some of them (an unknown block name, a syntax error after ' +
      'a conditional), and so do the node and the service.',
    applies: (c) =>
      c.emulatorStatus === 200 &&
      c.nodeCodes.every((code) => code === 'InvalidRouteNumberPattern') &&
      patternsOf(c.patch).some((pattern) => {
        const check = checkNumberPattern(pattern);
        return check.valid && check.unsupported !== undefined && !translateDotnetRegex(pattern).ok;
      }),
  },
];
