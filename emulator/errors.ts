import { GraphQLError } from 'graphql';

/** Error codes the emulator puts in `extensions.code` so clients and tests can branch on them. */
export type EmulatorErrorCode =
  'BAD_USER_INPUT' | 'INVALID_GRANULARITY' | 'FORBIDDEN' | 'INTERNAL_SERVER_ERROR' | 'ON_PREM_KEY_REQUIRED';

export function userError(message: string, code: EmulatorErrorCode = 'BAD_USER_INPUT'): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}
