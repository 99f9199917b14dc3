package io.aviary.connectors.sim;

import io.aviary.connectors.model.Balance;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.FundingPayment;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.Position;
import io.aviary.connectors.port.UserStreamListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Collects a user stream and waits for what a test expects. */
final class Recorder implements UserStreamListener {

    final List<OrderUpdate> orders = new CopyOnWriteArrayList<>();
    final List<Fill> fills = new CopyOnWriteArrayList<>();
    final List<Balance> balances = new CopyOnWriteArrayList<>();
    final List<Position> positions = new CopyOnWriteArrayList<>();
    final List<FundingPayment> funding = new CopyOnWriteArrayList<>();
    final List<Throwable> disconnects = new CopyOnWriteArrayList<>();

    @Override
    public void onOrderUpdate(OrderUpdate update) {
        orders.add(update);
    }

    @Override
    public void onFill(Fill fill) {
        fills.add(fill);
    }

    @Override
    public void onBalance(Balance balance) {
        balances.add(balance);
    }

    @Override
    public void onPosition(Position position) {
        positions.add(position);
    }

    @Override
    public void onFundingPayment(FundingPayment payment) {
        funding.add(payment);
    }

    @Override
    public void onDisconnect(Throwable cause) {
        disconnects.add(cause);
    }

    static <T> T await(List<T> list, Predicate<T> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (T item : list) {
                if (matching.test(item)) {
                    return item;
                }
            }
            SimVenueProcess.sleep(20);
        }
        throw new AssertionError("nothing matching arrived within " + timeout + "; got " + list);
    }
}
