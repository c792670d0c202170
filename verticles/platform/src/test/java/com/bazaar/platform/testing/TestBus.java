package com.bazaar.platform.testing;

import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.bus.BusRequest;
import com.bazaar.platform.bus.Principal;
import com.bazaar.platform.error.ApiError;
import com.bazaar.platform.error.ErrorMapper;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.Set;

/** Calls a service address the way the gateway does, for service-level tests. */
public final class TestBus {
  private final Vertx vertx;
  private final Context context;

  public TestBus(Vertx vertx) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
  }

  /** A status and a JSON body, for a success or a failure alike. */
  public record Result(int status, JsonObject body) {
    public String errorCode() {
      return body.getJsonObject("error").getString("code");
    }
  }

  public static Principal admin() {
    return new Principal("00000000-0000-4000-8000-00000000a0a0", Set.of(Principal.ADMIN));
  }

  public Result call(String address, Map<String, Object> params, Map<String, Object> query, Object body,
                     Principal principal) {
    return call(address, new BusRequest(new JsonObject(params), new JsonObject(query), new JsonObject(), body,
      principal, "test"));
  }

  public Result call(String address, BusRequest request) {
    try {
      BusReply reply = BusReply.from(OnContext.await(context,
        () -> vertx.eventBus().<Buffer>request(address, request.toJson())));
      return new Result(reply.status(), reply.bodyAsJson());
    } catch (RuntimeException e) {
      ApiError error = ErrorMapper.map(e);
      return new Result(error.status(), error.toJson());
    }
  }
}
