// The package's primitives without a database: SM2 against the GM/T 0003.5-2012 (GB/T 32918.5-2017) Appendix A
// signature example on the recommended curve (default user ID 1234567812345678), canonical JSON, and the
// digest/signature checks an importer runs.
import { EXCHANGE_FORMAT, type ExchangePackage } from '@xuncha/contracts';
import { sm2 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { verifyPackageText } from '../../cli/exchange.ts';
import {
  canonicalJson,
  checkDigest,
  checkSignature,
  fingerprintOf,
  newSigningKey,
  signedBody,
  signPackage,
  sm3Hex,
  type UnsignedPackage,
} from './exchange.package.ts';

describe('SM2 signature (GM/T 0003.5-2012 Appendix A, recommended curve)', () => {
  const privateKey = '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8';
  const publicKey =
    '0409f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' +
    'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13';
  const message = 'message digest';
  const k = '59276e27d506861a16680f3ad9c02dccef3cc1fa3cdbe4ce6d54b80deac1bc21';
  const signature =
    'f5a03b0648d2c4630eeac513e1bb81a15944da3827d5b74143ac7eaceee720b3' +
    'b1b6aa29df212fd8763182bc0d421ca1bb9038fd1f7f42d4840b69c485bbc1aa';

  it('derives the public key of the example', () => {
    expect(sm2.getPublicKeyFromPrivateKey(privateKey)).toBe(publicKey);
  });

  it('applies the default user ID: Z_A and e = SM3(Z_A ‖ M) of the example', () => {
    expect(Buffer.from(sm2.getZ(publicKey)).toString('hex')).toBe(
      'b2e14c5c79c6df5b85f4fe7ed8db7a262b9da7e07ccb0ea9f4747b8ccda8a4f3',
    );
    expect(sm2.getHash(Buffer.from(message).toString('hex'), publicKey)).toBe(
      'f0b43e94ba45accaace692ed534382eb17e6ab5a19ce7b31f4486fdfc0d28640',
    );
  });

  it('signs with the example nonce k to the example (r, s), and verifies it', () => {
    const x1 = BigInt(`0x${sm2.getPublicKeyFromPrivateKey(k).slice(2, 66)}`);
    const signed = sm2.doSignature(message, privateKey, { hash: true, pointPool: [{ k: BigInt(`0x${k}`), x1 }] });
    expect(signed).toBe(signature);
    expect(sm2.doVerifySignature(message, signature, publicKey, { hash: true })).toBe(true);
    expect(sm2.doVerifySignature('message digesT', signature, publicKey, { hash: true })).toBe(false);
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every depth, keeps array order, writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, { z: null, y: '巡察' }], c: true } })).toBe(
      '{"a":{"c":true,"d":[3,1,{"y":"巡察","z":null}]},"b":1}',
    );
  });

  it('is the same for the same content in any key order', () => {
    expect(canonicalJson({ x: 0.2727, y: [1, 2] })).toBe(canonicalJson({ y: [1, 2], x: 0.2727 }));
  });

  it('leaves the digest and the signature out of the signed body', () => {
    expect(signedBody({ digest: 'd', signature: 's', a: 1 })).toBe('{"a":1}');
  });
});

const unsigned = (key: { publicKey: string }): UnsignedPackage => {
  const counters = {
    inspections: 2,
    findings: 5,
    findingsByAspect: { party_leadership: 0, party_building: 3, strict_governance: 0, anti_corruption: 2 },
    tasks: 11,
    closed: 3,
    overdue: 6,
    rectificationRate: 0.2727,
    handovers: 1,
    handoversConcluded: 1,
  };
  return {
    format: EXCHANGE_FORMAT,
    packageId: '6f1c4a52-3b1e-4d8e-9d3a-0a1b2c3d4e5f',
    generatedAt: '2026-06-15T04:00:00.000Z',
    asOf: '2026-06-15',
    source: {
      committeeId: '0b9a4b3e-1f5e-4c2a-8f0e-1a2b3c4d5e6f',
      committeeName: '中共示例市城关区委',
      committeeLevel: '区县委',
      deploymentId: '7e0f1d2c-3b4a-4596-8877-665544332211',
    },
    period: { from: '2026-01-01', to: '2026-12-31' },
    statistics: { rounds: 1, units: 2, ...counters },
    rounds: [
      { name: '测试轮次', year: 2026, seq: 1, startDate: '2026-01-05', endDate: '2026-02-28', units: 2, ...counters },
    ],
    signer: { publicKey: key.publicKey, fingerprint: fingerprintOf(key.publicKey) },
  };
};

describe('signed package', () => {
  const key = newSigningKey();
  const pkg = signPackage(unsigned(key), key);
  const raw = () => JSON.parse(JSON.stringify(pkg)) as ExchangePackage & Record<string, unknown>;

  it('digest = SM3 of the canonical body; the signature verifies with the signer key', () => {
    expect(pkg.digest).toBe(sm3Hex(signedBody(pkg)));
    expect(checkDigest(raw(), pkg)).toBeNull();
    expect(checkSignature(raw(), pkg, key.publicKey)).toBeNull();
  });

  it('fingerprint = SM3 of the public key bytes', () => {
    expect(fingerprintOf(key.publicKey)).toBe(sm3Hex(Buffer.from(key.publicKey, 'hex')));
  });

  it('refuses a changed number (digest), and a re-computed digest (signature)', () => {
    const changed = raw();
    changed.statistics.findings = 4;
    expect(checkDigest(changed, changed)?.reason).toBe('digest');
    changed.digest = sm3Hex(signedBody(changed));
    expect(checkDigest(changed, changed)).toBeNull();
    expect(checkSignature(changed, changed, key.publicKey)?.reason).toBe('signature');
  });

  it('refuses a package verified against another key, or a signer whose fingerprint is not its key', () => {
    const other = newSigningKey();
    expect(checkSignature(raw(), pkg, other.publicKey)?.reason).toBe('fingerprint');
    const forged = signPackage(
      { ...unsigned(other), signer: { ...unsigned(other).signer, fingerprint: pkg.signer.fingerprint } },
      other,
    );
    expect(checkSignature(forged, forged, key.publicKey)?.reason).toBe('fingerprint');
  });
});

describe('exchange-verify (CLI, offline)', () => {
  const key = newSigningKey();
  const pkg = signPackage(unsigned(key), key);

  it('accepts an intact package, with or without the fingerprint compared out of band', () => {
    expect(verifyPackageText(JSON.stringify(pkg, null, 2)).ok).toBe(true);
    const checked = verifyPackageText(JSON.stringify(pkg), pkg.signer.fingerprint.toUpperCase());
    expect(checked.ok).toBe(true);
    expect(checked.lines.at(-1)).toBe('结果：摘要与签名均有效');
  });

  it('refuses a changed number, another fingerprint, a wrong format, and text that is not JSON', () => {
    const changed = { ...pkg, statistics: { ...pkg.statistics, overdue: 0 } };
    expect(verifyPackageText(JSON.stringify(changed)).lines.at(-1)).toContain('摘要校验失败');
    expect(verifyPackageText(JSON.stringify(pkg), 'a'.repeat(64)).lines.at(-1)).toContain('指纹不一致');
    expect(verifyPackageText(JSON.stringify({ ...pkg, format: 'x' })).lines[0]).toBe('结果：报送包格式不正确');
    expect(verifyPackageText('{').ok).toBe(false);
  });
});
