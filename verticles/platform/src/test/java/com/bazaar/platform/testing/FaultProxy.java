package com.bazaar.platform.testing;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of a real dependency, for fault tests: {@link #cut()} drops every connection and
 * refuses new ones, as a crashed or restarting server would; {@link #restore()} listens again on the same port.
 */
public final class FaultProxy implements AutoCloseable {
  private final Vertx vertx;
  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final NetClient client;
  private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
  private NetServer server;

  private FaultProxy(Vertx vertx, String targetHost, int targetPort) {
    this.vertx = vertx;
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.port = TestConfig.freePort();
    this.client = vertx.createNetClient();
  }

  /** A proxy that is down until {@link #restore()} is called. */
  public static FaultProxy down(Vertx vertx, String targetHost, int targetPort) {
    return new FaultProxy(vertx, targetHost, targetPort);
  }

  public static FaultProxy up(Vertx vertx, String targetHost, int targetPort) {
    FaultProxy proxy = new FaultProxy(vertx, targetHost, targetPort);
    proxy.restore();
    return proxy;
  }

  public int port() {
    return port;
  }

  public synchronized void restore() {
    if (server != null) {
      return;
    }
    server = vertx.createNetServer().connectHandler(this::pipe);
    server.listen(port, "127.0.0.1").await();
  }

  public synchronized void cut() {
    if (server == null) {
      return;
    }
    server.close().await();
    server = null;
    for (NetSocket socket : sockets) {
      socket.close();
    }
    sockets.clear();
  }

  private void pipe(NetSocket inbound) {
    inbound.pause();
    sockets.add(inbound);
    client.connect(targetPort, targetHost).onComplete(ar -> {
      if (ar.failed()) {
        inbound.close();
        return;
      }
      NetSocket outbound = ar.result();
      sockets.add(outbound);
      inbound.pipeTo(outbound);
      outbound.pipeTo(inbound);
      inbound.resume();
    });
  }

  @Override
  public void close() {
    cut();
    client.close().await();
  }
}
