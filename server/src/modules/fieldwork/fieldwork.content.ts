// How a record's text is stored: the notes plain or sealed (never both), a petitioner's identity always
// sealed and kept out of `details`, so lists, counts and exports can read the plain columns freely.
import type { FieldworkKind } from '@xuncha/contracts';
import { type Keyring, open, openJson, seal, sealJson } from '../../platform/crypto/sealed.ts';

export interface Petitioner {
  name: string;
  contact?: string | undefined;
}

export interface StoredText {
  summary: string | null;
  summarySealed: string | null;
}

export function storeSummary(keyring: Keyring, summary: string, sensitive: boolean): StoredText {
  return sensitive ? { summary: null, summarySealed: seal(keyring, summary) } : { summary, summarySealed: null };
}

export function openSummary(keyring: Keyring, stored: StoredText): string {
  if (stored.summarySealed !== null) return open(keyring, stored.summarySealed);
  return stored.summary ?? '';
}

/** Splits a petition's petitioner off its details (sealed apart); other kinds' details are stored as given. */
export function storeDetails(
  keyring: Keyring,
  kind: FieldworkKind,
  details: Record<string, unknown>,
): { details: string; identitySealed: string | null } {
  if (kind !== 'petition') return { details: JSON.stringify(details), identitySealed: null };
  const { petitioner, ...rest } = details as { petitioner?: Petitioner };
  return { details: JSON.stringify(rest), identitySealed: petitioner ? sealJson(keyring, petitioner) : null };
}

export function openPetitioner(keyring: Keyring, identitySealed: string): Petitioner {
  return openJson<Petitioner>(keyring, identitySealed);
}
