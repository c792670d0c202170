package com.bazaar.order;

import com.bazaar.order.Order.Viewer;
import com.bazaar.order.api.OrderSnapshot;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.paging.Cursor;
import com.bazaar.platform.paging.Page;
import com.bazaar.platform.paging.PageRequest;
import com.bazaar.platform.paging.TimeCursor;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.UUID;

/**
 * Reading orders. The detail is for the buyer, the reseller the order is attributed to, or an ADMIN; anyone else is
 * told there is no such order (404), so whether an id exists is not revealed. The full history is the buyer's and
 * the ADMIN's.
 */
final class OrderReads {
  static final int RECENT_HISTORY = 20;

  private final OrderRepository orders;

  OrderReads(OrderRepository orders) {
    this.orders = orders;
  }

  Future<JsonObject> detail(Principal caller, UUID orderId) {
    return orders.byId(orderId).compose(order -> {
      Viewer viewer = viewerOf(caller, order);
      if (viewer == null) {
        return Future.failedFuture(ApiError.notFound("order"));
      }
      return Future.all(orders.items(orderId), orders.recentHistory(orderId, RECENT_HISTORY))
        .map(both -> order.detail(viewer, both.resultAt(0), both.resultAt(1)));
    });
  }

  Future<JsonObject> history(Principal caller, UUID orderId, PageRequest page) {
    long after = afterSeq(page.cursor());
    return orders.byId(orderId).compose(order -> {
      Viewer viewer = viewerOf(caller, order);
      if (viewer == null || viewer == Viewer.SELLER) {
        return Future.failedFuture(ApiError.notFound("order"));
      }
      return orders.history(orderId, after, page.fetchSize())
        .map(rows -> Page.of(rows, page, StatusChange::toJson, last -> Cursor.encode(last.seq())));
    });
  }

  Future<JsonObject> mine(Principal caller, OrderStatus status, PageRequest page) {
    TimeCursor after = TimeCursor.decode(page.cursor());
    return orders.byUser(UUID.fromString(caller.userId()), status, TimeCursor.timeOf(after), TimeCursor.idOf(after),
      page.fetchSize()).map(rows -> listPage(rows, page, Viewer.OWNER));
  }

  Future<JsonObject> attributed(Principal seller, OrderStatus status, PageRequest page) {
    TimeCursor after = TimeCursor.decode(page.cursor());
    return orders.bySeller(UUID.fromString(seller.userId()), status, TimeCursor.timeOf(after), TimeCursor.idOf(after),
      page.fetchSize()).map(rows -> listPage(rows, page, Viewer.SELLER));
  }

  /** For services (payments, the wallet): the order with its lines; 404 when there is none. */
  Future<OrderSnapshot> snapshot(Principal caller, UUID orderId) {
    if (!caller.isService()) {
      return Future.failedFuture(ApiError.forbidden("Only services read order snapshots"));
    }
    return orders.byId(orderId).compose(order -> order == null ? Future.failedFuture(ApiError.notFound("order"))
      : orders.items(orderId).map(order::snapshot));
  }

  private static JsonObject listPage(List<Order> rows, PageRequest page, Viewer viewer) {
    return Page.of(rows, page, order -> order.summary(viewer), last -> TimeCursor.encode(last.createdAt(), last.id()));
  }

  private static Viewer viewerOf(Principal caller, Order order) {
    if (order == null) {
      return null;
    }
    if (caller.isAdmin()) {
      return Viewer.ADMIN;
    }
    String me = caller.userId();
    if (me == null) {
      return null;
    }
    if (me.equals(order.userId().toString())) {
      return Viewer.OWNER;
    }
    return order.sellerId() != null && me.equals(order.sellerId().toString()) ? Viewer.SELLER : null;
  }

  private static long afterSeq(String cursor) {
    JsonArray keys = Cursor.decode(cursor, 1);
    if (keys == null) {
      return 0;
    }
    try {
      return Long.parseLong(String.valueOf(keys.getValue(0)));
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("INVALID_CURSOR", "The cursor is not one this list issued", null);
    }
  }
}
