package com.bazaar.product.api;

import com.bazaar.platform.bus.BusClient;
import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.bus.Principal;
import io.vertx.core.Future;
import com.bazaar.platform.json.JsonArrays;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How another service reserves and releases stock and reads variants, over the bus. */
public final class StockClient {
  private final BusClient bus;
  private final Principal caller;

  public StockClient(BusClient bus, Principal caller) {
    this.bus = bus;
    this.caller = caller;
  }

  /**
   * Reserves every line or none for the order; fails with 409 {@code OUT_OF_STOCK} naming the short lines. Safe to
   * retry after a timeout: the same order's reservation is taken once.
   */
  public Future<List<StockLine>> reserve(UUID orderId, List<StockLine> lines) {
    return bus.call(ProductAddresses.STOCK_RESERVE, BusRequest.of(StockLine.request(lines).put("orderId",
      orderId.toString()), caller), reply -> StockLine.listFrom(reply.getJsonArray("reserved")));
  }

  /** Gives back what the order holds; safe to retry: a second release gives back nothing. */
  public Future<List<StockLine>> release(UUID orderId) {
    return bus.call(ProductAddresses.STOCK_RELEASE, BusRequest.of(new JsonObject().put("orderId", orderId.toString()),
      caller), reply -> StockLine.listFrom(reply.getJsonArray("released")));
  }

  /**
   * Orders holding a reservation that no {@code order.created} has confirmed, reserved more than {@code olderThanSec}
   * ago (at most {@code limit}, oldest first): either their order never committed, or its event is late.
   */
  public Future<Set<UUID>> unconfirmed(int olderThanSec, int limit) {
    JsonObject body = new JsonObject().put("olderThanSec", olderThanSec).put("limit", limit);
    return bus.call(ProductAddresses.STOCK_UNCONFIRMED, BusRequest.of(body, caller),
      reply -> JsonArrays.decodeStrings(reply.getJsonArray("orderIds"), UUID::fromString));
  }

  /** The variants that exist among {@code variantIds} (1 to 100), by id. */
  public Future<Map<UUID, VariantSnapshot>> lookup(Set<UUID> variantIds) {
    JsonObject body = new JsonObject().put("variantIds", JsonArrays.strings(variantIds));
    return bus.call(ProductAddresses.VARIANTS_LOOKUP, BusRequest.of(body, caller),
      reply -> JsonArrays.decode(reply.getJsonArray("variants"), VariantSnapshot::fromJson).stream()
        .collect(Collectors.toMap(VariantSnapshot::variantId, Function.identity())));
  }
}
