import type { Queryable } from '@cs/ports';

export interface CustomerIdentifiers {
  email?: string;
  phone?: string;
  displayName?: string;
}

type IdentifierType = 'email' | 'phone';

function identifiersOf(ids: CustomerIdentifiers): Array<{ type: IdentifierType; value: string }> {
  const list: Array<{ type: IdentifierType; value: string }> = [];
  if (ids.email) list.push({ type: 'email', value: ids.email.trim().toLowerCase() });
  if (ids.phone) list.push({ type: 'phone', value: ids.phone.trim() });
  return list;
}

/**
 * Finds the one customer behind these identifiers, creating them on first contact.
 * Only exact email/phone matches link; an identifier already owned by someone else is never moved
 * (no automatic merges on weak or conflicting evidence).
 */
export async function resolveCustomer(tx: Queryable, ids: CustomerIdentifiers): Promise<{ customerId: string; created: boolean }> {
  const wanted = identifiersOf(ids);
  if (wanted.length === 0) throw new Error('resolveCustomer needs an email or a phone');
  const found = await findOwners(tx, wanted);
  // Email is the stronger identifier when both match different customers.
  const owner = found.find((f) => f.type === 'email') ?? found[0];
  if (owner) {
    const known = new Set(found.map((f) => `${f.type}:${f.value}`));
    const unknown = wanted.filter((w) => !known.has(`${w.type}:${w.value}`));
    if (unknown.length > 0) await attachIdentifiers(tx, owner.customer_id, unknown);
    if (ids.displayName && owner.display_name === null) {
      await tx.query('UPDATE customers SET display_name = $2 WHERE id = $1 AND display_name IS NULL', [owner.customer_id, ids.displayName]);
    }
    return { customerId: owner.customer_id, created: false };
  }
  const inserted = await tx.query<{ id: string }>('INSERT INTO customers (display_name) VALUES ($1) RETURNING id', [ids.displayName ?? null]);
  const customerId = inserted.rows[0]!.id;
  const attached = await attachIdentifiers(tx, customerId, wanted);
  if (attached === 0) {
    // A concurrent first contact won the race for every identifier: use that customer instead.
    await tx.query('DELETE FROM customers WHERE id = $1', [customerId]);
    const winner = (await findOwners(tx, wanted))[0];
    if (!winner) throw new Error('identifier owner vanished during resolution');
    return { customerId: winner.customer_id, created: false };
  }
  return { customerId, created: true };
}

async function findOwners(tx: Queryable, wanted: Array<{ type: IdentifierType; value: string }>) {
  const result = await tx.query<{ type: IdentifierType; value: string; customer_id: string; display_name: string | null }>(
    `SELECT i.type, i.value, i.customer_id, c.display_name FROM customer_identifiers i JOIN customers c ON c.id = i.customer_id
      WHERE (i.type = $1 AND i.value = $2) OR (i.type = $3 AND i.value = $4)`,
    [wanted[0]!.type, wanted[0]!.value, wanted[1]?.type ?? null, wanted[1]?.value ?? null],
  );
  return result.rows;
}

async function attachIdentifiers(tx: Queryable, customerId: string, wanted: Array<{ type: IdentifierType; value: string }>): Promise<number> {
  const values = wanted.map((_, i) => `($1, $${i * 2 + 2}, $${i * 2 + 3})`).join(', ');
  const result = await tx.query(
    `INSERT INTO customer_identifiers (customer_id, type, value) VALUES ${values} ON CONFLICT (type, value) DO NOTHING`,
    [customerId, ...wanted.flatMap((w) => [w.type, w.value])],
  );
  return result.rowCount;
}
