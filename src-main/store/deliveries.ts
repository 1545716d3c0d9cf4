import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, DeliveriesTable } from './schema';

type Db = Kysely<Database> | Transaction<Database>;
export type DeliveryRow = Selectable<DeliveriesTable> & { delivered_by_name: string | null };

export function listDeliveries(db: Db, requestId: string): Promise<DeliveryRow[]> {
  return db
    .selectFrom('deliveries')
    .leftJoin('users', 'users.id', 'deliveries.delivered_by')
    .selectAll('deliveries')
    .select('users.display_name as delivered_by_name')
    .where('deliveries.request_id', '=', requestId)
    .orderBy('deliveries.delivered_at')
    .orderBy('deliveries.id')
    .execute();
}
