package io.aviary.bot.runtime;

import io.aviary.connectors.model.Balance;
import io.aviary.connectors.model.Fill;
import io.aviary.connectors.model.FundingPayment;
import io.aviary.connectors.model.OrderRequest;
import io.aviary.connectors.model.OrderUpdate;
import io.aviary.connectors.model.Position;
import io.aviary.connectors.model.PositionMode;
import io.aviary.connectors.model.TradingPair;
import io.aviary.connectors.port.Subscription;
import io.aviary.connectors.port.TradingConnector;
import io.aviary.connectors.port.UserStreamListener;
import io.aviary.connectors.port.VenueException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Fault injection around a real sim session (not a stand-in for the venue): while {@link #down} every call fails
 * as an unreachable venue does; with {@link #loseAnswers} a placement reaches the venue but its answer is lost.
 */
final class FaultyTradingConnector implements TradingConnector {
  private final TradingConnector venue;
  volatile boolean down;
  volatile boolean loseAnswers;
  /** The user stream delivers nothing (a silently broken connection) until {@link #breakStream()}. */
  volatile boolean streamMuted;
  private volatile UserStreamListener streamListener;

  FaultyTradingConnector(TradingConnector venue) {
    this.venue = venue;
  }

  private <T> T call(Supplier<T> action) {
    if (down) {
      throw new VenueException.Unavailable(venue.name(), "venue unreachable (injected)", null);
    }
    return action.get();
  }

  @Override
  public OrderUpdate placeOrder(OrderRequest request) {
    if (loseAnswers) {
      venue.placeOrder(request);
      throw new VenueException.Unavailable(venue.name(), "answer lost (injected)", null);
    }
    return call(() -> venue.placeOrder(request));
  }

  @Override
  public String name() {
    return venue.name();
  }

  @Override
  public void verifyCredentials() {
    call(() -> {
      venue.verifyCredentials();
      return null;
    });
  }

  @Override
  public List<Balance> balances() {
    return call(venue::balances);
  }

  @Override
  public OrderUpdate cancelOrder(TradingPair pair, String clientOrderId) {
    return call(() -> venue.cancelOrder(pair, clientOrderId));
  }

  @Override
  public List<OrderUpdate> openOrders(Optional<TradingPair> pair) {
    return call(() -> venue.openOrders(pair));
  }

  @Override
  public OrderUpdate orderStatus(TradingPair pair, String clientOrderId) {
    return call(() -> venue.orderStatus(pair, clientOrderId));
  }

  @Override
  public List<Fill> orderFills(TradingPair pair, String clientOrderId) {
    return call(() -> venue.orderFills(pair, clientOrderId));
  }

  @Override
  public List<Fill> trades(TradingPair pair, Instant since) {
    return call(() -> venue.trades(pair, since));
  }

  @Override
  public List<Position> positions() {
    return call(venue::positions);
  }

  @Override
  public void setLeverage(TradingPair pair, int leverage) {
    call(() -> {
      venue.setLeverage(pair, leverage);
      return null;
    });
  }

  @Override
  public PositionMode positionMode() {
    return call(venue::positionMode);
  }

  @Override
  public void setPositionMode(PositionMode mode) {
    call(() -> {
      venue.setPositionMode(mode);
      return null;
    });
  }

  @Override
  public List<FundingPayment> fundingPayments(TradingPair pair, Instant since) {
    return call(() -> venue.fundingPayments(pair, since));
  }

  @Override
  public Subscription subscribeUserStream(UserStreamListener listener) {
    streamListener = listener;
    return venue.subscribeUserStream(new UserStreamListener() {
      @Override
      public void onOrderUpdate(OrderUpdate update) {
        if (!streamMuted) {
          listener.onOrderUpdate(update);
        }
      }

      @Override
      public void onFill(Fill fill) {
        if (!streamMuted) {
          listener.onFill(fill);
        }
      }

      @Override
      public void onDisconnect(Throwable cause) {
        listener.onDisconnect(cause);
      }
    });
  }

  /** The muted stream now reports its break (as a connector does when it notices) and delivers again. */
  void breakStream() {
    streamMuted = false;
    streamListener.onDisconnect(new java.io.IOException("stream broken (injected)"));
  }

  @Override
  public void close() {
    venue.close();
  }
}
