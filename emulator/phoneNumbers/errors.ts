/**
 * The ACS error replies of this domain (documented in README.md):
 * 400 InvalidInput (a field is missing or invalid; target names it), 400 BadRequest (valid request, wrong state),
 * 404 NotFound / PhoneNumberNotFound, 409 Conflict (a search bought or being bought), 415 UnsupportedMediaType.
 */
import { acsError, type EmulatorReply } from '../core/types';

export function invalidInput(message: string, target: string): EmulatorReply {
  return acsError(400, 'InvalidInput', message, { target });
}

export function badRequest(message: string, target?: string): EmulatorReply {
  return acsError(400, 'BadRequest', message, target === undefined ? {} : { target });
}

export function notFound(message: string): EmulatorReply {
  return acsError(404, 'NotFound', message);
}

export function phoneNumberNotFound(phoneNumber: string): EmulatorReply {
  return acsError(404, 'PhoneNumberNotFound', `Input phoneNumber ${phoneNumber} cannot be found.`);
}

export function conflict(message: string): EmulatorReply {
  return acsError(409, 'Conflict', message);
}
