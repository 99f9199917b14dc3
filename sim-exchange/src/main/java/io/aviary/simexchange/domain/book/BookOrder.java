package io.aviary.simexchange.domain.book;

/**
 * A resting order inside the book: an intrusive doubly linked list node of its price level, so
 * cancel is O(1) once found. Mutable; owned by the book and touched only under the venue lock.
 */
public final class BookOrder {

    final long id;
    final long owner;
    final boolean buy;
    final long price;
    long remaining;
    /** The venue's own order object (null for anonymous liquidity, e.g. in benchmarks). */
    final Object payload;
    BookOrder prev;
    BookOrder next;
    Level level;

    BookOrder(long id, long owner, boolean buy, long price, long remaining, Object payload) {
        this.id = id;
        this.owner = owner;
        this.buy = buy;
        this.price = price;
        this.remaining = remaining;
        this.payload = payload;
    }

    public long id() {
        return id;
    }

    public long owner() {
        return owner;
    }

    public boolean buy() {
        return buy;
    }

    /** Price in ticks. */
    public long price() {
        return price;
    }

    /** Open amount in lots. */
    public long remaining() {
        return remaining;
    }

    public Object payload() {
        return payload;
    }

    /**
     * One price level: a FIFO queue of orders (arrival order = time priority) and their total. Nested here because
     * order and level are one intrusive list, each pointing at the other.
     */
    static final class Level {

        final long price;
        long total;
        int count;
        BookOrder head;
        BookOrder tail;

        Level(long price) {
            this.price = price;
        }

        void append(BookOrder o) {
            o.level = this;
            o.prev = tail;
            o.next = null;
            if (tail == null) {
                head = o;
            } else {
                tail.next = o;
            }
            tail = o;
            total += o.remaining;
            count++;
        }

        void unlink(BookOrder o) {
            if (o.prev == null) {
                head = o.next;
            } else {
                o.prev.next = o.next;
            }
            if (o.next == null) {
                tail = o.prev;
            } else {
                o.next.prev = o.prev;
            }
            total -= o.remaining;
            count--;
            o.prev = null;
            o.next = null;
            o.level = null;
        }
    }
}
