/** The product a sign-off names ("The Gleamgate Team", "The Lumen Forms Support Team"), if it follows that form. */
export function productNameOf(signature: string | undefined): string | undefined {
  return signature ? /^The (.+?)(?: Support)? Team$/.exec(signature.trim())?.[1] : undefined;
}
