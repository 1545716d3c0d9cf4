/**
 * Queue benchmark (`npx tsx bench/queue.bench.ts`): a store of 50,000 beneficiaries and a day of
 * 1,000 tickets issued through the real router; then call-next latency at four desks while the line
 * is long, and the time from a desk's call to the board's long poll answering. Figures, not assertions.
 */
import { boardWaiterCount } from '../src-main/services/queue-board-signal';
import type { Board, Ticket } from '../src-shared/contract/queue';
import { RECEPTION_SERVICES } from '../src-shared/domain/queue-services';
import { Rng } from './support/saudi-names';
import { seedBeneficiaries } from './support/seed-store';
import { ms, percentile } from './support/stats';
import { openBenchStore } from './support/bench-store';

const BENEFICIARIES = Number(process.env.BENCH_BENEFICIARIES ?? 50_000);
const TICKETS = Number(process.env.BENCH_TICKETS ?? 1000);
const CALLS = Number(process.env.BENCH_CALLS ?? 500);
const BOARD_SAMPLES = Number(process.env.BENCH_BOARD_SAMPLES ?? 200);
const PRIORITIES = ['none', 'none', 'none', 'none', 'none', 'none', 'elderly', 'disabled', 'pregnant', 'urgent'] as const;

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1] ?? Number.NaN };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

async function main(): Promise<void> {
  const bench = await openBenchStore('queue');
  const { runtime, call } = bench;
  try {
    const branchId = bench.branchId;
    const rng = new Rng(20261126);
    let start = performance.now();
    const people = seedBeneficiaries(runtime.store.sqlite, branchId, BENEFICIARIES, rng);
    runtime.store.sqlite.exec("INSERT INTO beneficiary_search(beneficiary_search) VALUES ('optimize'); ANALYZE;");
    console.log(`seeded ${BENEFICIARIES.toLocaleString('en')} beneficiaries in ${((performance.now() - start) / 1000).toFixed(1)} s`);

    const desks: string[] = [];
    for (let number = 1; number <= 4; number += 1) {
      desks.push((await call<{ id: string }>('queue.saveDesk', { number, name: `شباك ${number}`, services: [...RECEPTION_SERVICES] })).id);
    }

    // The day's tickets: every service and priority, half of them linked to a registered beneficiary.
    const issueTimes: number[] = [];
    start = performance.now();
    for (let i = 0; i < TICKETS; i += 1) {
      const input = {
        service: RECEPTION_SERVICES[i % RECEPTION_SERVICES.length],
        priority: PRIORITIES[rng.int(PRIORITIES.length)],
        beneficiaryId: i % 2 === 0 ? rng.pick(people).id : null,
      };
      const t0 = performance.now();
      await call<Ticket>('queue.issue', input);
      issueTimes.push(performance.now() - t0);
    }
    console.log(`issued ${TICKETS.toLocaleString('en')} tickets in ${((performance.now() - start) / 1000).toFixed(1)} s`);

    // Call next at the four desks in turn while the line is long; each visitor is served and finished.
    const callTimes: number[] = [];
    for (let i = 0; i < CALLS; i += 1) {
      const deskId = desks[i % desks.length]!;
      const t0 = performance.now();
      const ticket = await call<Ticket>('queue.callNext', { deskId });
      callTimes.push(performance.now() - t0);
      await call('queue.startServing', { deskId, ticketId: ticket.id });
      await call('queue.finish', { deskId, ticketId: ticket.id });
    }

    // From a desk's call to the display's long poll answering with it.
    const boardTimes: number[] = [];
    for (let i = 0; i < BOARD_SAMPLES; i += 1) {
      const deskId = desks[i % desks.length]!;
      const { version } = await call<Board>('queue.board', { branchId });
      const waiting = call<Board>('queue.waitForBoardChange', { branchId, sinceVersion: version });
      await until(() => boardWaiterCount(branchId) === 1);
      const t0 = performance.now();
      const called = call<Ticket>('queue.callNext', { deskId });
      const board = await waiting;
      boardTimes.push(performance.now() - t0);
      const ticket = await called;
      if (board.calls[0]?.ticketId !== ticket.id) throw new Error('The board answered without the call.');
      await call('queue.noShow', { deskId, ticketId: ticket.id });
    }

    const issue = summary(issueTimes);
    const calls = summary(callTimes);
    const board = summary(boardTimes);
    console.log('');
    console.log(`issue a ticket (${TICKETS} through the router)`);
    console.log(`  p50 ${ms(issue.p50)}  p95 ${ms(issue.p95)}  max ${ms(issue.max)}`);
    console.log(`call next (${CALLS} calls at 4 desks, ${TICKETS} tickets today, ${BENEFICIARIES.toLocaleString('en')} beneficiaries)`);
    console.log(`  p50 ${ms(calls.p50)}  p95 ${ms(calls.p95)}  max ${ms(calls.max)}`);
    console.log(`call → board long poll answers (${BOARD_SAMPLES} calls)`);
    console.log(`  p50 ${ms(board.p50)}  p95 ${ms(board.p95)}  max ${ms(board.max)}   target p95 <= 100 ms`);
  } finally {
    await bench.close();
  }
}

void main();
