const encoder = new TextEncoder();

/**
 * Compares two secrets (a file token, an admin credential) in time that does not depend
 * on where they differ, so response timing cannot reveal how much of a guess was right.
 * Their SHA-256 digests are compared, so their lengths do not show either.
 */
export async function sameSecret(given: string | undefined, expected: string): Promise<boolean> {
  if (given === undefined) return false;
  const [a, b] = await Promise.all([
    crypto.subtle.digest('SHA-256', encoder.encode(given)),
    crypto.subtle.digest('SHA-256', encoder.encode(expected)),
  ]);
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  let difference = 0;
  for (let i = 0; i < x.length; i++) difference |= x[i]! ^ y[i]!;
  return difference === 0;
}
