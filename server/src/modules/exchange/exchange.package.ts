// The signed package (docs/exchange.md), pure: canonical JSON, the SM3 digest, the SM2 signature and the
// checks an importer runs, in the order that gives the most useful refusal. The signature is SM2 with
// SM3 and the default user ID 1234567812345678 (GM/T 0009 / GB/T 32918.2: e = SM3(Z ‖ M)) over the
// UTF-8 bytes of the canonical JSON of the package without `digest` and `signature`; the digest is the
// plain SM3 of the same bytes, so a reader can check integrity without any SM2 code.
import { createHash } from 'node:crypto';
import type { ExchangePackage } from '@xuncha/contracts';
import { sm2 } from 'sm-crypto-v2';
import { canonicalJson } from '../../platform/audit-chain.ts';

export { canonicalJson };

export type UnsignedPackage = Omit<ExchangePackage, 'digest' | 'signature'>;

export const sm3Hex = (data: string | Buffer) => createHash('sm3').update(data).digest('hex');

/** SM3 of the public key's bytes (04 ‖ X ‖ Y): what the two offices compare over the phone. */
export const fingerprintOf = (publicKeyHex: string) => sm3Hex(Buffer.from(publicKeyHex, 'hex'));

/** The bytes both the digest and the signature cover: everything but those two fields. */
export function signedBody(pkg: Record<string, unknown>): string {
  const { digest: _digest, signature: _signature, ...rest } = pkg;
  return canonicalJson(rest);
}

export interface SigningKey {
  publicKey: string;
  privateKey: string;
}

export function signPackage(unsigned: UnsignedPackage, key: SigningKey): ExchangePackage {
  const body = signedBody(unsigned);
  return {
    ...unsigned,
    digest: sm3Hex(body),
    signature: sm2.doSignature(body, key.privateKey, { hash: true, der: false, publicKey: key.publicKey }),
  };
}

export const newSigningKey = (): SigningKey => {
  const pair = sm2.generateKeyPairHex();
  return { publicKey: pair.publicKey, privateKey: pair.privateKey };
};

/** Why a package is refused, in the words the importer reads. */
export interface Refusal {
  reason: 'format' | 'digest' | 'untrusted' | 'revoked' | 'fingerprint' | 'signature' | 'replay';
  message: string;
}

/**
 * Integrity: the digest recomputed over the body as received (`raw`), not over a parsed copy, so nothing a
 * parser normalises can hide a change. Needs no key: checked first.
 */
export function checkDigest(raw: Record<string, unknown>, pkg: ExchangePackage): Refusal | null {
  return sm3Hex(signedBody(raw)) === pkg.digest
    ? null
    : { reason: 'digest', message: '报送包摘要校验失败：内容与 SM3 摘要不一致，可能已被篡改' };
}

/** Authenticity against the TRUSTED key registered upstream, never against the package's own claim alone. */
export function checkSignature(
  raw: Record<string, unknown>,
  pkg: ExchangePackage,
  trustedPublicKey: string,
): Refusal | null {
  if (fingerprintOf(pkg.signer.publicKey) !== pkg.signer.fingerprint || pkg.signer.publicKey !== trustedPublicKey)
    return { reason: 'fingerprint', message: '报送包签名人公钥与指纹或登记的可信公钥不一致' };
  let valid = false;
  try {
    valid = sm2.doVerifySignature(signedBody(raw), pkg.signature, trustedPublicKey, { hash: true, der: false });
  } catch {
    valid = false;
  }
  return valid ? null : { reason: 'signature', message: '报送包签名验证失败：签名与内容或签名人不符' };
}
