package io.aviary.simexchange.domain.book;

/** One price level: a FIFO queue of orders (arrival order = time priority) and their total. */
final class Level {

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
