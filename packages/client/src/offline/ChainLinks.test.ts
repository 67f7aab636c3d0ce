import { describe, expect, it } from 'vitest';
import { BreakList } from './BreakList.js';
import { ChainLinks, type ChainEvent } from './ChainLinks.js';

/** A hash of the right form, told apart by `n`. */
const h = (n: number) => n.toString(16).padStart(64, '0');

/** A well-linked event at `sequence`: its hash is `h(sequence)`, its link `h(sequence - 1)`. */
const event = (sequence: number, position: number): ChainEvent => ({
  id: `e${sequence}`,
  sequence,
  eventHash: h(sequence),
  previousHash: sequence === 1 ? null : h(sequence - 1),
  position,
});

/** Adds events at these sequences, in this order (file order), and lists the breaks. */
function walk(sequences: number[]) {
  const breaks = new BreakList();
  const chain = new ChainLinks('org_a', breaks);
  sequences.forEach((sequence, i) => chain.add(event(sequence, i + 1)));
  const summary = chain.finish();
  return {
    summary,
    breaks: breaks.list().map((b) => [b.type, b.sequence, b.expected, b.actual, b.position]),
  };
}

describe('ChainLinks', () => {
  it('links a chain listed newest first with nothing to report', () => {
    const { summary, breaks } = walk([5, 4, 3, 2, 1]);
    expect(breaks).toEqual([]);
    expect(summary).toEqual({
      tenant_id: 'org_a',
      events: 5,
      first_sequence: 1,
      head: { sequence: 5, event_hash: h(5), event_id: 'e5' },
    });
  });

  it('reports a gap on the event after it, as the sequence-order walk does', () => {
    expect(walk([5, 4, 2, 1]).breaks).toEqual([['sequence_gap', 4, '3', '4', 2]]);
  });

  it('takes back a gap that an event listed later fills', () => {
    expect(walk([5, 4, 2, 3, 1]).breaks).toEqual([['out_of_order', 3, '2', '3', 4]]);
  });

  it('splits a gap that a later event only partly fills', () => {
    expect(walk([9, 4, 1, 6]).breaks).toEqual([
      ['sequence_gap', 9, '7', '9', 1],
      ['sequence_gap', 4, '2', '4', 2],
      ['out_of_order', 6, '1', '6', 4],
      ['sequence_gap', 6, '5', '6', 4],
    ]);
  });

  it('links an event listed after older ones to the head below it', () => {
    expect(walk([3, 2, 1, 4]).breaks).toEqual([['out_of_order', 4, '1', '4', 4]]);
    expect(walk([3, 2, 1, 6]).breaks).toEqual([
      ['out_of_order', 6, '1', '6', 4],
      ['sequence_gap', 6, '4', '6', 4],
    ]);
  });

  it('reports a repeated sequence on its second line', () => {
    expect(walk([3, 2, 2, 1]).breaks).toEqual([['sequence_gap', 2, '3', '2', 3]]);
  });

  it('reports a chain_mismatch, not a gap, where sequences follow but hashes do not link', () => {
    const breaks = new BreakList();
    const chain = new ChainLinks(null, breaks);
    chain.add({ ...event(2, 1), previousHash: h(999) });
    chain.add(event(1, 2));
    chain.finish();
    expect(breaks.list()).toEqual([
      {
        type: 'chain_mismatch',
        event_id: 'e2',
        tenant_id: null,
        sequence: 2,
        expected: h(1),
        actual: h(999),
        position: 1,
      },
    ]);
  });

  it('reports a first event that links to something', () => {
    const breaks = new BreakList();
    const chain = new ChainLinks(null, breaks);
    chain.add({ ...event(1, 1), previousHash: h(0) });
    chain.finish();
    expect(breaks.list().map((b) => [b.type, b.expected, b.actual])).toEqual([
      ['chain_mismatch', null, h(0)],
    ]);
  });

  it('reports nothing before a chain that starts after sequence 1', () => {
    const { summary, breaks } = walk([12, 11, 10]);
    expect(breaks).toEqual([]);
    expect(summary?.first_sequence).toBe(10);
  });

  describe('a previous_event_hash of another form than 64 lowercase hex digits', () => {
    const malformed = 'F'.repeat(64);
    const unusableAt = (position: number) =>
      expect.objectContaining({ name: 'UnusableInput', position });

    it('passes where it matches the hash of the event below (that hash is checked already)', () => {
      const { breaks } = walk([3, 2, 1]);
      expect(breaks).toEqual([]);
    });

    it('is unusable where it does not link to the event below, naming its line', () => {
      const chain = new ChainLinks(null, new BreakList());
      chain.add({ ...event(2, 1), previousHash: malformed });
      expect(() => chain.add(event(1, 2))).toThrow(unusableAt(1));
    });

    it('is unusable across a sequence gap, where nothing checks the link', () => {
      const chain = new ChainLinks(null, new BreakList());
      chain.add({ ...event(5, 1), previousHash: malformed });
      expect(() => chain.add(event(2, 2))).toThrow(unusableAt(1));
    });

    it('is unusable on a repeated sequence, which is never linked', () => {
      const chain = new ChainLinks(null, new BreakList());
      chain.add(event(3, 1));
      chain.add(event(2, 2));
      expect(() => chain.add({ ...event(2, 3), previousHash: malformed })).toThrow(unusableAt(3));
    });

    it('is unusable on the lowest event, whose link leads out of the file', () => {
      const chain = new ChainLinks(null, new BreakList());
      chain.add(event(4, 1));
      chain.add({ ...event(3, 2), previousHash: malformed });
      expect(() => chain.checkLowest()).toThrow(unusableAt(2));
    });
  });
});
