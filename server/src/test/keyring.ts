// A throwaway sealing key for tests that seed the demo without starting an app (nothing opens the
// sealed values there); tests with an app seed with keyringFor(config) instead (harness.ts).
import { randomBytes } from 'node:crypto';
import { deriveKey, type Keyring, keyringOf } from '../platform/crypto/sealed.ts';

export function testKeyring(): Keyring {
  return keyringOf([deriveKey('test', randomBytes(32))]);
}
