package com.bazaar.order;

import com.bazaar.order.Order.Viewer;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.db.PgErrors;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.error.ErrorMapper;
import com.bazaar.platform.events.Outbox;
import com.bazaar.product.api.StockClient;
import com.bazaar.product.api.VariantSnapshot;
import com.bazaar.sharelink.api.LinkTerms;
import com.bazaar.sharelink.api.ShareLinkClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Places an order: priced by the server, its stock reserved under the order's id, then the order, its lines, its
 * first status row and {@code order.created} written in one transaction. The {@code Idempotency-Key} is kept with the
 * order (unique per user), so a replay finds the first order even after the gateway's Redis record is gone.
 *
 * <p>If the write fails after the reservation, the reservation is released. If the process dies between the two,
 * the reservation is left unconfirmed (no {@code order.created} ever confirms it) and the sweeper releases it once
 * {@code orders.orphanGraceSec} has passed; a placement that has not begun its transaction within half that time
 * gives up, so the sweeper never releases the stock of an order that is still being written.
 */
final class OrderPlacement {
  private static final Logger LOG = LoggerFactory.getLogger(OrderPlacement.class);

  private final OrderRepository orders;
  private final StockClient stock;
  private final ShareLinkClient links;
  private final OrderSettings settings;

  OrderPlacement(OrderRepository orders, StockClient stock, ShareLinkClient links, OrderSettings settings) {
    this.orders = orders;
    this.stock = stock;
    this.links = links;
    this.settings = settings;
  }

  Future<JsonObject> place(Principal customer, String idempotencyKey, OrderDraft draft) {
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
      return Future.failedFuture(ApiError.badRequest("IDEMPOTENCY_KEY_REQUIRED",
        "Placing an order needs an Idempotency-Key header (1 to 255 characters)", null));
    }
    UUID userId = UUID.fromString(customer.userId());
    String hash = draft.fingerprint();
    return orders.byKey(userId, idempotencyKey).compose(existing -> existing != null ? replay(existing, hash)
      : price(draft).compose(priced -> reserveAndWrite(userId, idempotencyKey, hash, draft, priced)));
  }

  private Future<PricedOrder> price(OrderDraft draft) {
    Set<UUID> variantIds = draft.items().stream().map(OrderDraft.Item::variantId).collect(Collectors.toSet());
    Future<Map<UUID, VariantSnapshot>> variants = stock.lookup(variantIds);
    Future<LinkTerms> terms = draft.shareLinkCode() == null ? Future.succeededFuture() : linkTerms(draft.shareLinkCode());
    return Future.all(variants, terms).map(both -> OrderPricing.price(draft, variants.result(), terms.result()));
  }

  /** The link's terms; an unknown code is the order's problem (422), not a missing order (404). */
  private Future<LinkTerms> linkTerms(String code) {
    return links.terms(code).recover(failure -> Future.failedFuture(ErrorMapper.map(failure).status() == 404
      ? ApiError.unprocessable("UNKNOWN_SHARE_LINK", "No share link has this code",
        new JsonObject().put("shareLinkCode", code))
      : failure));
  }

  private Future<JsonObject> reserveAndWrite(UUID userId, String key, String hash, OrderDraft draft,
                                             PricedOrder priced) {
    UUID orderId = UUID.randomUUID();
    long started = System.nanoTime();
    return reserve(orderId, priced).compose(reserved -> {
      if ((System.nanoTime() - started) / 1_000_000 > settings.createDeadlineMs()) {
        return releaseThen(orderId, Future.failedFuture(ApiError.unavailable("Placing the order took too long; retry")));
      }
      return write(orderId, userId, key, hash, draft, priced)
        .recover(failure -> releaseThen(orderId, PgErrors.uniqueViolation(failure)
          .filter("orders_idempotency"::equals)
          .map(duplicate -> orders.byKey(userId, key).compose(first -> replay(first, hash)))
          .orElseGet(() -> Future.failedFuture(failure))));
    });
  }

  /** A reserve that timed out may have taken the stock: it is asked again under the same order id, which takes it once. */
  private Future<List<?>> reserve(UUID orderId, PricedOrder priced) {
    return stock.reserve(orderId, priced.stockLines()).<List<?>>map(lines -> lines)
      .recover(failure -> {
        int status = ErrorMapper.map(failure).status();
        if (status != 503 && status != 504) {
          return Future.failedFuture(failure);
        }
        return stock.reserve(orderId, priced.stockLines()).<List<?>>map(lines -> lines)
          .recover(again -> releaseThen(orderId, Future.failedFuture(again)));
      });
  }

  private Future<JsonObject> write(UUID orderId, UUID userId, String key, String hash, OrderDraft draft,
                                   PricedOrder priced) {
    String actor = userId.toString();
    return orders.db().write().withTransaction(tx -> orders.insert(tx, orderId, userId, key, hash, priced,
        draft.shippingAddress(), actor)
      .compose(row -> {
        Order order = new Order(orderId, row.getString("number"), userId, OrderStatus.PENDING, priced.sellerId(),
          priced.shareLinkId(), priced.shareLinkCode(), priced.currency(), priced.totalAmount(),
          priced.commissionAmount(), draft.shippingAddress(), null, false, hash, row.getOffsetDateTime("created_at"),
          row.getOffsetDateTime("created_at"));
        return Outbox.append(tx, OrderEventData.created(order, priced.items())).map(order.detail(Viewer.OWNER,
          priced.items(), List.of(new StatusChange(0, null, OrderStatus.PENDING.name(), actor, null, order.createdAt()))));
      }));
  }

  /** The first order under this key, if the request is the same one. */
  private Future<JsonObject> replay(Order existing, String hash) {
    if (!existing.requestHash().equals(hash)) {
      return Future.failedFuture(ApiError.unprocessable("IDEMPOTENCY_KEY_REUSED",
        "This Idempotency-Key was used for a different order", new JsonObject().put("orderId", existing.id().toString())));
    }
    return Future.all(orders.items(existing.id()), orders.recentHistory(existing.id(), OrderReads.RECENT_HISTORY))
      .map(both -> existing.detail(Viewer.OWNER, both.resultAt(0), both.resultAt(1)));
  }

  private <T> Future<T> releaseThen(UUID orderId, Future<T> outcome) {
    return stock.release(orderId)
      .onFailure(e -> LOG.warn("Could not release the stock of unplaced order {} (the sweeper will): {}", orderId,
        e.toString()))
      .transform(released -> outcome);
  }
}
