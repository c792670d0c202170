package com.bazaar.platform.bus;

import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.error.ErrorMapper;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Binds bus addresses to service handlers, one line each. A handler's failure is mapped once, by
 * {@link ErrorMapper}, into a {@code ReplyException} whose code is the HTTP status and whose message is the
 * standard JSON error body.
 */
public final class BusBindings {
  private static final DeliveryOptions[] STATUS_OPTIONS = new DeliveryOptions[600];

  static {
    for (int status = 100; status < STATUS_OPTIONS.length; status++) {
      STATUS_OPTIONS[status] = new DeliveryOptions().addHeader(BusReply.STATUS_HEADER, Integer.toString(status));
    }
  }

  private final EventBus bus;
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();

  public BusBindings(EventBus bus) {
    this.bus = bus;
  }

  public BusBindings bind(String address, Function<BusRequest, Future<BusReply>> handler) {
    consumers.add(bus.consumer(address, message -> dispatch(message, handler)));
    return this;
  }

  /** Resolves once every consumer is registered, cluster-wide when clustered. */
  public Future<Void> ready() {
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).mapEmpty();
  }

  public Future<Void> unbindAll() {
    return Future.all(consumers.stream().map(MessageConsumer::unregister).toList()).mapEmpty();
  }

  private static void dispatch(Message<JsonObject> message, Function<BusRequest, Future<BusReply>> handler) {
    Future<BusReply> result;
    try {
      result = handler.apply(BusRequest.fromJson(message.body()));
    } catch (Throwable t) {
      result = Future.failedFuture(t);
    }
    result.onComplete(ar -> {
      if (ar.succeeded()) {
        BusReply reply = ar.result();
        if (reply.status() == 200) {
          message.reply(reply.body());
        } else {
          message.reply(reply.body(), STATUS_OPTIONS[reply.status()]);
        }
      } else {
        ApiError error = ErrorMapper.map(ar.cause());
        message.fail(error.status(), error.toJson().encode());
      }
    });
  }
}
