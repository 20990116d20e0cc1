/**
 * The BackendSrv of Node tests and scripts: testing/fakes/backendSrv.ts (the one
 * implementation, shared with the sandbox page) sending through node:http.
 */
import { TestBackendSrv, type TestBackendSrvOptions } from '../fakes/backendSrv';
import { httpFetch } from './httpFetch';

export { TestBackendSrv } from '../fakes/backendSrv';
export type { FetchTransport, SentRequest, TestBackendSrvOptions } from '../fakes/backendSrv';

export function nodeBackendSrv(options: Omit<TestBackendSrvOptions, 'transport'>): TestBackendSrv {
  return new TestBackendSrv({ ...options, transport: httpFetch });
}
