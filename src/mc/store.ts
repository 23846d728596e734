// Every distinct state's canonical bytes, in large chunks (no JS object per state), with its
// parent's index for trace reconstruction. A state's index is its BFS discovery order, so the BFS
// queue is simply the range of indices not yet expanded.

const CHUNK = 1 << 22;

export class StateStore {
  private chunks: Uint8Array[] = [new Uint8Array(CHUNK)];
  private used = 0;
  private offsets = new Float64Array(1 << 14);
  private lengths = new Uint32Array(1 << 14);
  private parents = new Int32Array(1 << 14);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Bytes held for states, their offsets, lengths and parents. */
  get bytes(): number {
    return this.chunks.length * CHUNK + this.offsets.byteLength + this.lengths.byteLength + this.parents.byteLength;
  }

  add(src: Uint8Array, from: number, to: number, parent: number): number {
    const len = to - from;
    if (this.used + len > CHUNK) {
      this.chunks.push(new Uint8Array(Math.max(CHUNK, len)));
      this.used = 0;
    }
    const chunkIndex = this.chunks.length - 1;
    this.chunks[chunkIndex]!.set(src.subarray(from, to), this.used);
    const id = this.count++;
    if (id === this.offsets.length) this.growIndex();
    this.offsets[id] = chunkIndex * CHUNK * 4 + this.used;
    this.lengths[id] = len;
    this.parents[id] = parent;
    this.used += len;
    return id;
  }

  /** The chunk holding state `id`; its bytes are [start(id), start(id) + length(id)). */
  chunk(id: number): Uint8Array {
    return this.chunks[Math.floor(this.offsets[id]! / (CHUNK * 4))]!;
  }

  start(id: number): number {
    return this.offsets[id]! % (CHUNK * 4);
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
