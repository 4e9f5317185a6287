import { formatHlc, parseHlc, receive, tick, type HlcState } from '../../../shared/domain/hlc';
import { resolveNodeId } from './node-identity';
import type { Db } from './open';

/** This workstation's hybrid logical clock, resumed from the change log on open. */
export class Clock {
  private state: HlcState;

  constructor(
    db: Db,
    /** Where this database lives (see resolveNodeId); null for a staging file or the bench. */
    home: string | null = null,
    private readonly wall: () => number = () => Date.now(),
  ) {
    const node = resolveNodeId(db, home);
    // After the newest stamp this node has seen, its own or applied from another node (the unique
    // stamp index's last entry): a local edit made after a restart must sort after a remote value
    // that was a little ahead (within MAX_DRIFT_MS), as it does while the program runs (observe).
    // A database still at an older schema (an older backup verified before it migrates) has no stamp index.
    const stamped = db.prepare(`SELECT 1 FROM pragma_index_list('changes') WHERE name = 'changes_by_stamp'`).get() !== undefined;
    const newest = stamped ? `SELECT hlc FROM changes INDEXED BY changes_by_stamp ORDER BY stamp DESC LIMIT 1` : `SELECT max(hlc) AS hlc FROM changes`;
    const last = (db.prepare(newest).get() as { hlc: string | null } | undefined)?.hlc;
    const seen = last ? parseHlc(last) : null;
    this.state = seen ? { millis: seen.millis, counter: seen.counter, node } : { millis: 0, counter: 0, node };
  }

  get node(): string {
    return this.state.node;
  }

  now(): string {
    this.state = tick(this.state, this.wall());
    return formatHlc(this.state);
  }

  /**
   * A change from another node: later local stamps sort after it. Returns how far ahead of this
   * PC's clock it was (ms, 0 if behind); throws ClockDriftError beyond MAX_DRIFT_MS.
   */
  observe(remote: string): number {
    const r = parseHlc(remote);
    if (!r) throw new Error('invalid HLC');
    const wall = this.wall();
    this.state = receive(this.state, r, wall);
    return Math.max(0, r.millis - wall);
  }
}
