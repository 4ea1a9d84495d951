/**
 * Event id → fingerprint, for every stored event, kept in memory for idempotency checks.
 *
 * A Map<string, string> costs ~180 bytes an entry in V8 (two string objects plus the entry), so a
 * million events would eat most of the server's memory budget and give the GC millions of objects
 * to trace. Client ids are UUIDs and fingerprints 22 base64url characters, so both pack into 33
 * bytes of one flat open-addressing table; anything else falls back to a Map.
 */

const ID_BYTES = 16;
const FP_BYTES = 17;
const FP_CHARS = 22;
/** Byte 0 of a slot marks it used; an all-zero UUID is a valid id, so the id cannot. */
const SLOT_BYTES = 1 + ID_BYTES + FP_BYTES;
const MAX_LOAD = 0.75;
const GROWTH = 1.5;

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64URL_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64URL.length; i++) BASE64URL_VALUE[BASE64URL.charCodeAt(i)] = i;
const HEX_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) HEX_VALUE['0123456789abcdef'.charCodeAt(i)] = i;

export class FingerprintIndex {
  private slots: Uint8Array;
  private capacity: number;
  private packed = 0;
  private readonly others = new Map<string, string>();
  private readonly id = new Uint8Array(ID_BYTES);
  private readonly fp = new Uint8Array(FP_BYTES);

  constructor(initialCapacity = 64) {
    this.capacity = Math.max(8, Math.ceil(initialCapacity));
    this.slots = new Uint8Array(this.capacity * SLOT_BYTES);
  }

  get size(): number {
    return this.packed + this.others.size;
  }

  get(id: string): string | undefined {
    if (this.others.size > 0) {
      const other = this.others.get(id);
      if (other !== undefined) return other;
    }
    if (!packUuid(id, this.id)) return undefined;
    const slot = this.find(this.id);
    return slot < 0 ? undefined : unpackFingerprint(this.slots, slot * SLOT_BYTES + 1 + ID_BYTES);
  }

  set(id: string, fingerprint: string): void {
    if (!packUuid(id, this.id) || !packFingerprint(fingerprint, this.fp)) {
      this.others.set(id, fingerprint);
      return;
    }
    this.others.delete(id);
    let slot = this.find(this.id);
    if (slot < 0) {
      if (this.packed + 1 > this.capacity * MAX_LOAD) this.grow();
      slot = this.freeSlot(this.id, 0);
      this.packed += 1;
    }
    const { slots, id: idBytes, fp } = this;
    const base = slot * SLOT_BYTES;
    slots[base] = 1;
    for (let i = 0; i < ID_BYTES; i++) slots[base + 1 + i] = idBytes[i] as number;
    for (let i = 0; i < FP_BYTES; i++) slots[base + 1 + ID_BYTES + i] = fp[i] as number;
  }

  /** Bytes held, for memory accounting. */
  get byteSize(): number {
    return this.slots.byteLength + this.others.size * 180;
  }

  private find(id: Uint8Array): number {
    const { slots, capacity } = this;
    let slot = hash(id, 0) % capacity;
    for (;;) {
      const base = slot * SLOT_BYTES;
      if (slots[base] === 0) return -1;
      if (sameId(slots, base + 1, id)) return slot;
      slot = slot + 1 === capacity ? 0 : slot + 1;
    }
  }

  private freeSlot(bytes: Uint8Array, idAt: number): number {
    const { slots, capacity } = this;
    let slot = hash(bytes, idAt) % capacity;
    while (slots[slot * SLOT_BYTES] !== 0) slot = slot + 1 === capacity ? 0 : slot + 1;
    return slot;
  }

  private grow(): void {
    const old = this.slots;
    const oldCapacity = this.capacity;
    this.capacity = Math.ceil(oldCapacity * GROWTH);
    this.slots = new Uint8Array(this.capacity * SLOT_BYTES);
    const slots = this.slots;
    for (let slot = 0; slot < oldCapacity; slot++) {
      const from = slot * SLOT_BYTES;
      if (old[from] === 0) continue;
      const to = this.freeSlot(old, from + 1) * SLOT_BYTES;
      for (let i = 0; i < SLOT_BYTES; i++) slots[to + i] = old[from + i] as number;
    }
  }
}

/** FNV-1a over all 16 bytes: v7 UUIDs start with a timestamp, so no single part is random enough. */
function hash(bytes: Uint8Array, at: number): number {
  let h = 0x811c9dc5;
  for (let i = at; i < at + ID_BYTES; i++) h = Math.imul(h ^ (bytes[i] as number), 0x01000193);
  return h >>> 0;
}

function sameId(slots: Uint8Array, at: number, id: Uint8Array): boolean {
  for (let i = 0; i < ID_BYTES; i++) if (slots[at + i] !== id[i]) return false;
  return true;
}

/** Only the canonical lowercase form packs, so two ids differing in case stay two ids. */
function packUuid(id: string, out: Uint8Array): boolean {
  if (id.length !== 36) return false;
  let byte = 0;
  for (let i = 0; i < 36; i++) {
    const code = id.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (code !== 0x2d) return false;
      continue;
    }
    const high = code < 128 ? (HEX_VALUE[code] as number) : -1;
    i += 1;
    const next = id.charCodeAt(i);
    const low = next < 128 ? (HEX_VALUE[next] as number) : -1;
    if (high < 0 || low < 0) return false;
    out[byte++] = (high << 4) | low;
  }
  return true;
}

/** 22 base64url characters are 132 bits: 16 bytes and the high half of a 17th. */
function packFingerprint(fingerprint: string, out: Uint8Array): boolean {
  if (fingerprint.length !== FP_CHARS) return false;
  let bits = 0;
  let count = 0;
  let byte = 0;
  for (let i = 0; i < FP_CHARS; i++) {
    const code = fingerprint.charCodeAt(i);
    const value = code < 128 ? (BASE64URL_VALUE[code] as number) : -1;
    if (value < 0) return false;
    bits = ((bits << 6) | value) & 0xfff;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[byte++] = (bits >> count) & 0xff;
    }
  }
  out[byte] = (bits << (8 - count)) & 0xff;
  return true;
}

function unpackFingerprint(slots: Uint8Array, at: number): string {
  let out = '';
  for (let group = 0; group < 6; group++) {
    const i = at + group * 3;
    const b0 = slots[i] as number;
    const b1 = group * 3 + 1 < FP_BYTES ? (slots[i + 1] as number) : 0;
    const b2 = group * 3 + 2 < FP_BYTES ? (slots[i + 2] as number) : 0;
    const bits = (b0 << 16) | (b1 << 8) | b2;
    out +=
      BASE64URL.charAt((bits >> 18) & 63) +
      BASE64URL.charAt((bits >> 12) & 63) +
      BASE64URL.charAt((bits >> 6) & 63) +
      BASE64URL.charAt(bits & 63);
  }
  return out.slice(0, FP_CHARS);
}
