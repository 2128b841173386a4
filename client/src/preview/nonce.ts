/** A fresh nonce per HTML render, for the CSP's script-src and style-src. */
import { randomBytes } from 'node:crypto';

export function createNonce(): string {
  return randomBytes(18)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '');
}
