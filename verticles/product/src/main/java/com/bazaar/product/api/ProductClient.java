package com.bazaar.product.api;

import com.bazaar.platform.bus.BusClient;
import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.bus.Principal;
import io.vertx.core.Future;
import com.bazaar.platform.json.JsonArrays;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How another service reads the catalog: over the bus, with the caller's principal, a timeout and a breaker. */
public final class ProductClient {
  /** The most ids one {@link #summaries} call may carry. */
  public static final int MAX_IDS = 100;
  private final BusClient bus;
  private final Principal caller;

  public ProductClient(BusClient bus, Principal caller) {
    this.bus = bus;
    this.caller = caller;
  }

  /** The products that exist among {@code ids} (1 to 100), by id; unknown ids are absent. */
  public Future<Map<UUID, ProductSummary>> summaries(Set<UUID> ids) {
    JsonObject body = new JsonObject().put("productIds", JsonArrays.strings(ids));
    return bus.call(ProductAddresses.PRODUCTS_SUMMARY, BusRequest.of(body, caller),
      reply -> JsonArrays.decode(reply.getJsonArray("products"), ProductSummary::fromJson).stream()
        .collect(Collectors.toMap(ProductSummary::productId, Function.identity())));
  }
}
