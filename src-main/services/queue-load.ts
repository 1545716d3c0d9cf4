import type { ServiceContext } from './context';
import { ticketView } from './queue-view';
import { findTicketDetail, listWaiting } from '../store/tickets';

/** A ticket as every screen shows it, with the people ahead counted among today's waiting line. */
export async function loadTicket(ctx: ServiceContext, id: string) {
  const row = await findTicketDetail(ctx.db, id);
  if (!row) throw new Error(`Ticket ${id} was written but cannot be read back.`);
  const waiting = row.state === 'waiting' ? await listWaiting(ctx.db, row.branch_id, row.service_day) : null;
  return ticketView(row, waiting);
}
