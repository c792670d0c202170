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
 * {@link #stall()} keeps every connection open and accepts new ones but passes nothing on, as a hung server
 * would; {@link #resume()} lets the traffic through again.
 */
public final class FaultProxy implements AutoCloseable {
  private final Vertx vertx;
  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final NetClient client;
  private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
  private final Set<NetSocket> inbound = ConcurrentHashMap.newKeySet();
  private final Set<NetSocket> held = ConcurrentHashMap.newKeySet();
  private NetServer server;
  private volatile boolean stalled;

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
    inbound.clear();
    held.clear();
  }

  /** Holds all traffic: what clients send is neither passed on nor answered, and the connections stay open. */
  public void stall() {
    stalled = true;
    inbound.forEach(NetSocket::pause);
  }

  public void resume() {
    stalled = false;
    inbound.forEach(NetSocket::resume);
    held.forEach(this::connect);
    held.clear();
  }

  private void pipe(NetSocket inbound) {
    inbound.pause();
    sockets.add(inbound);
    if (stalled) {
      held.add(inbound);
    } else {
      connect(inbound);
    }
  }

  private void connect(NetSocket inbound) {
    client.connect(targetPort, targetHost).onComplete(ar -> {
      if (ar.failed()) {
        inbound.close();
        return;
      }
      NetSocket outbound = ar.result();
      sockets.add(outbound);
      inbound.pipeTo(outbound);
      outbound.pipeTo(inbound);
      this.inbound.add(inbound);
      if (!stalled) {
        inbound.resume();
      }
    });
  }

  @Override
  public void close() {
    cut();
    client.close().await();
  }
}
