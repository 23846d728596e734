// Every distinct state's canonical bytes, in large chunks (no JS object per state), with its
// parent's index for trace reconstruction. A state's index is its BFS discovery order, so the BFS
// queue is simply the range of indices not yet expanded.

/** Chunks start small (small models stay small) and double up to this size. */
const MAX_CHUNK = 1 << 22;
/** A state's offset is chunk index * 2^32 + position in the chunk (exact in a Float64). */
const SPAN = 2 ** 32;

export class StateStore {
  private chunks: Uint8Array[] = [new Uint8Array(1 << 16)];
  private allocated = 1 << 16;
  private used = 0;
  private offsets = new Float64Array(1 << 10);
  private lengths = new Uint32Array(1 << 10);
  private parents = new Int32Array(1 << 10);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Bytes held for states, their offsets, lengths and parents. */
  get bytes(): number {
    return this.allocated + this.offsets.byteLength + this.lengths.byteLength + this.parents.byteLength;
  }

  add(src: Uint8Array, from: number, to: number, parent: number): number {
    const len = to - from;
    let chunk = this.chunks[this.chunks.length - 1]!;
    if (this.used + len > chunk.length) {
      chunk = new Uint8Array(Math.max(Math.min(chunk.length * 2, MAX_CHUNK), len));
      this.chunks.push(chunk);
      this.allocated += chunk.length;
      this.used = 0;
    }
    const chunkIndex = this.chunks.length - 1;
    chunk.set(src.subarray(from, to), this.used);
    const id = this.count++;
    if (id === this.offsets.length) this.growIndex();
    this.offsets[id] = chunkIndex * SPAN + this.used;
    this.lengths[id] = len;
    this.parents[id] = parent;
    this.used += len;
    return id;
  }

  /** The chunk holding state `id`; its bytes are [start(id), start(id) + length(id)). */
  chunk(id: number): Uint8Array {
    return this.chunks[Math.floor(this.offsets[id]! / SPAN)]!;
  }

  start(id: number): number {
    return this.offsets[id]! % SPAN;
  }

  length(id: number): number {
    return this.lengths[id]!;
  }

  parent(id: number): number {
    return this.parents[id]!;
  }

  private growIndex(): void {
    const n = this.offsets.length * 2;
    const offsets = new Float64Array(n);
    offsets.set(this.offsets);
    const lengths = new Uint32Array(n);
    lengths.set(this.lengths);
    const parents = new Int32Array(n);
    parents.set(this.parents);
    this.offsets = offsets;
    this.lengths = lengths;
    this.parents = parents;
  }
}
