/**
 * What a request needs to know before its handler runs — who the caller is, their role in the
 * workspace, the workspace's data version — kept in the process for a short, bounded time
 * (`ACCESS_CACHE_MS`, 1 s by default). A busy dashboard then answers a kept answer without any
 * database round trip, instead of three.
 *
 * Why this is safe: every change made through this process's API (logout, password change,
 * revoking a key, removing a member, changing a role, settings, imports…) forgets everything
 * before its answer is sent (`forgetAll`), so it takes effect on the very next request. A change
 * made elsewhere — another cluster worker, the CLI, a background import that lands after its
 * 202 — takes effect here within the bound, as each entry is asked again once it is older.
 */
export class Recent<K, V> {
  private readonly entries = new Map<K, { at: number; value: Promise<V> }>();

  /**
   * `ttlMs` 0 keeps nothing (every request asks the database). `maxEntries` bounds memory: the
   * oldest entries go first.
   */
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /**
   * The kept value of `key` when younger than the bound, else `load()` (concurrent requests for a
   * key share one look-up). A failed look-up is not kept.
   */
  get(key: K, load: () => Promise<V>): Promise<V> {
    if (this.ttlMs <= 0) return load();
    const now = performance.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const value = load();
    if (hit) this.entries.delete(key);
    // Kept from the start, so concurrent requests share the look-up; `clear` drops it with the
    // rest, so a look-up that raced a change is never handed to a request after that change.
    const entry = { at: now, value };
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    return value;
  }

  /** Forgets every entry (a change went through this process). */
  clear(): void {
    this.entries.clear();
  }
}
