package com.bazaar.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A deadline for a request's line and headers. The server's idle timeout restarts with every byte, so a client
 * that dribbles its headers one byte at a time could hold a connection for ever. Here, from the moment a connection
 * opens, and again whenever a kept-alive connection has no request in progress, the next request's headers must
 * arrive whole within {@code http.headerTimeoutMs}, or the connection is closed. A slow answer is never cut: no
 * deadline runs while a request is in progress. Each connection is touched only on its own event loop.
 */
public final class HeaderDeadline {
  private final Vertx vertx;
  private final long timeoutMs;
  private final Map<HttpConnection, Waiting> connections = new ConcurrentHashMap<>();

  private static final class Waiting {
    long timer = -1;
    int inProgress;
  }

  public HeaderDeadline(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
  }

  /** For {@code HttpServer.connectionHandler}: the first request's headers are due from now. */
  public Handler<HttpConnection> onConnection() {
    return connection -> {
      Waiting waiting = new Waiting();
      connections.put(connection, waiting);
      arm(connection, waiting);
      connection.closeHandler(v -> {
        connections.remove(connection);
        vertx.cancelTimer(waiting.timer);
      });
    };
  }

  /** Wraps the server's request handler: headers arrived; once no request is in progress, the next are due. */
  public Handler<HttpServerRequest> around(Handler<HttpServerRequest> requests) {
    return request -> {
      HttpConnection connection = request.connection();
      Waiting waiting = connections.get(connection);
      if (waiting != null) {
        waiting.inProgress++;
        vertx.cancelTimer(waiting.timer);
        request.response().endHandler(v -> {
          if (--waiting.inProgress == 0) {
            arm(connection, waiting);
          }
        });
      }
      requests.handle(request);
    };
  }

  private void arm(HttpConnection connection, Waiting waiting) {
    waiting.timer = vertx.setTimer(timeoutMs, id -> {
      if (waiting.timer == id && waiting.inProgress == 0) {
        connection.close();
      }
    });
  }
}
