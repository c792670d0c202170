package com.bazaar.order;

import com.bazaar.order.api.OrderAddresses;
import com.bazaar.platform.Ids;
import com.bazaar.platform.Platform;
import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.paging.PageRequest;
import com.bazaar.product.api.StockClient;
import com.bazaar.sharelink.api.ShareLinkClient;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.UUID;

/** Binds the order service's addresses. The sweeper and the relay are per process. */
public final class OrderVerticle extends VerticleBase {
  public static final String SERVICE = "order";
  private static final Logger LOG = LoggerFactory.getLogger(OrderVerticle.class);
  private static final Set<OrderStatus> HUMAN_TARGETS = Set.of(OrderStatus.SHIPPED, OrderStatus.DELIVERED,
    OrderStatus.CANCELLED);

  private final Platform platform;

  public OrderVerticle(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    OrderSettings settings = OrderSettings.from(platform.config());
    OrderRepository repository = new OrderRepository(platform.db(SERVICE));
    Principal self = Principal.service(SERVICE);
    StockClient stock = new StockClient(platform.bus(), self);
    OrderPlacement placement = new OrderPlacement(repository, stock, new ShareLinkClient(platform.bus(), self),
      settings);
    OrderReads reads = new OrderReads(repository);
    OrderTransitions transitions = new OrderTransitions(repository);
    platform.perProcess("order.sweeper", () -> new OrderSweeper(platform.vertx(), transitions, repository, stock,
      settings, platform.registry()).start());
    platform.perProcess("order.relay", () -> platform.events().relay(SERVICE)
      .onFailure(e -> LOG.warn("Order events are not being relayed: {}", e.toString())));
    return new BusBindings(vertx.eventBus())
      .bind(OrderAddresses.CREATE, r -> placement.place(r.principal(), r.header("idempotency-key"),
        OrderDraft.fromJson(r.bodyObject())).map(BusReply::created))
      .bind(OrderAddresses.LIST, r -> reads.mine(r.principal(), status(r), PageRequest.from(r)).map(BusReply::ok))
      .bind(OrderAddresses.SELLER_LIST, r -> reads.attributed(r.principal(), status(r), PageRequest.from(r))
        .map(BusReply::ok))
      .bind(OrderAddresses.GET, r -> reads.detail(r.principal(), orderId(r.param("id"))).map(BusReply::ok))
      .bind(OrderAddresses.HISTORY, r -> reads.history(r.principal(), orderId(r.param("id")), PageRequest.from(r))
        .map(BusReply::ok))
      .bind(OrderAddresses.CHANGE_STATUS, r -> transitions.change(r.principal(), orderId(r.param("id")),
        humanTarget(r.bodyObject()), r.bodyObject().getString("notes")).map(BusReply::ok))
      .bind(OrderAddresses.SNAPSHOT, r -> reads.snapshot(r.principal(), orderId(r.bodyObject().getString("orderId")))
        .map(order -> BusReply.ok(order.toJson())))
      .bind(OrderAddresses.MARK_PAID, r -> transitions.markPaid(r.principal(),
        orderId(r.bodyObject().getString("orderId")), paymentId(r)).map(order -> BusReply.ok(order.toJson())))
      .bind(OrderAddresses.CASH_ON_DELIVERY, r -> transitions.chooseCashOnDelivery(r.principal(),
        orderId(r.bodyObject().getString("orderId")), paymentId(r)).map(order -> BusReply.ok(order.toJson())))
      .ready();
  }

  private static UUID orderId(String raw) {
    return Ids.pathId(raw, "order");
  }

  private static UUID paymentId(BusRequest request) {
    return Ids.parse(request.bodyObject().getString("paymentId"), "paymentId");
  }

  private static OrderStatus status(BusRequest request) {
    String raw = request.queryString("status");
    return raw == null ? null : parse(raw);
  }

  private static OrderStatus humanTarget(JsonObject body) {
    OrderStatus target = parse(body.getString("status"));
    if (!HUMAN_TARGETS.contains(target)) {
      throw ApiError.badRequest("INVALID_STATUS", "An order is set PAID by its payment, not by hand", null);
    }
    return target;
  }

  private static OrderStatus parse(String raw) {
    try {
      return OrderStatus.valueOf(String.valueOf(raw));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("INVALID_STATUS", "Unknown order status", new JsonObject().put("status", raw));
    }
  }
}
