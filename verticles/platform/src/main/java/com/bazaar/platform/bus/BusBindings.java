package com.bazaar.platform.bus;

import com.bazaar.platform.db.ConstraintErrors;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.error.ErrorMapper;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Binds bus addresses to service handlers, one line each. The envelope is decoded here ({@link BusRequest#fromJson})
 * and a handler's failure is mapped once, by {@link ErrorMapper} with the service's {@link ConstraintErrors}, into a
 * {@code ReplyException} whose code is the HTTP status and whose message is the standard JSON error body.
 */
public final class BusBindings {
  private final EventBus bus;
  private final ConstraintErrors constraints;
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();

  public BusBindings(EventBus bus) {
    this(bus, ConstraintErrors.NONE);
  }

  public BusBindings(EventBus bus, ConstraintErrors constraints) {
    this.bus = bus;
    this.constraints = constraints;
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

  private void dispatch(Message<JsonObject> message, Function<BusRequest, Future<BusReply>> handler) {
    Future<BusReply> result;
    try {
      result = handler.apply(BusRequest.fromJson(message.body()));
    } catch (Throwable t) {
      result = Future.failedFuture(t);
    }
    result.onComplete(ar -> {
      if (ar.succeeded()) {
        ar.result().sendTo(message);
      } else {
        ApiError error = ErrorMapper.map(ar.cause(), constraints);
        message.fail(error.status(), error.toJson().encode());
      }
    });
  }
}
