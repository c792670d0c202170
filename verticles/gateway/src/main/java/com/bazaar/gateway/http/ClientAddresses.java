package com.bazaar.gateway.http;

import io.netty.util.NetUtil;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Who the client is, for rate limits, the access log and share-link visitors. With no trusted proxies (the default),
 * it is the socket's peer, whatever the headers say. When the peer is a trusted proxy ({@code gateway.trustedProxies},
 * CIDRs), the chain in {@code Forwarded} (RFC 7239), or else {@code X-Forwarded-For}, is walked from the right past
 * trusted hops only: the first untrusted hop is the client. A client can write what it likes at the left of the
 * chain, but never past the hops that Bazaar's own proxies appended.
 */
public final class ClientAddresses {
  private static final String KEY = "bazaar.client";

  private final List<Cidr> trusted;

  public ClientAddresses(JsonArray trustedProxies) {
    List<Cidr> cidrs = new ArrayList<>();
    trustedProxies.forEach(cidr -> cidrs.add(Cidr.parse(String.valueOf(cidr))));
    this.trusted = List.copyOf(cidrs);
  }

  /** The first handler of every route: resolves the client once and keeps it with the request. */
  public Handler<RoutingContext> handler() {
    return rc -> {
      HttpServerRequest request = rc.request();
      String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
      rc.put(KEY, trusted.isEmpty() ? peer
        : resolve(peer, request.getHeader("forwarded"), request.getHeader("x-forwarded-for")));
      rc.next();
    };
  }

  /** The request's client, as {@link #handler()} resolved it. */
  public static String of(RoutingContext rc) {
    String client = rc.get(KEY);
    return client == null ? "unknown" : client;
  }

  /** The client behind {@code peer}, given the request's forwarding headers (either may be null). */
  String resolve(String peer, String forwarded, String xForwardedFor) {
    if (trusted.isEmpty() || !isTrusted(peer)) {
      return peer;
    }
    List<String> hops = forwarded != null ? forwardedFor(forwarded) : xForwardedFor != null
      ? List.of(xForwardedFor.split(",")) : List.of();
    String client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = address(hops.get(i).trim());
      if (hop == null) {
        return client;
      }
      client = hop;
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return client;
  }

  private boolean isTrusted(String address) {
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
    if (bytes == null) {
      return false;
    }
    for (Cidr cidr : trusted) {
      if (cidr.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  /** The {@code for=} value of each element of a {@code Forwarded} header, in order. */
  private static List<String> forwardedFor(String header) {
    List<String> hops = new ArrayList<>();
    for (String element : header.split(",")) {
      String found = null;
      for (String pair : element.split(";")) {
        String[] kv = pair.trim().split("=", 2);
        if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("for")) {
          found = kv[1].trim();
        }
      }
      hops.add(found == null ? "" : found);
    }
    return hops;
  }

  /** A hop as a plain IP address (quotes, brackets and a port removed), or null when it is not one. */
  private static String address(String hop) {
    String value = hop.startsWith("\"") && hop.endsWith("\"") && hop.length() > 1
      ? hop.substring(1, hop.length() - 1) : hop;
    if (value.startsWith("[")) {
      int close = value.indexOf(']');
      value = close < 0 ? "" : value.substring(1, close);
    } else if (value.indexOf(':') == value.lastIndexOf(':') && value.indexOf(':') > 0) {
      value = value.substring(0, value.indexOf(':'));
    }
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(value);
    return bytes == null ? null : NetUtil.bytesToIpAddress(bytes);
  }

  /** A network in CIDR notation; a plain address is a network of one. */
  private record Cidr(byte[] network, int prefix) {
    static Cidr parse(String cidr) {
      String[] parts = cidr.trim().split("/", 2);
      byte[] network = NetUtil.createByteArrayFromIpAddressString(parts[0]);
      if (network == null) {
        throw new IllegalArgumentException("gateway.trustedProxies: '" + cidr + "' is not an address or CIDR");
      }
      int prefix = parts.length == 1 ? network.length * 8 : Integer.parseInt(parts[1]);
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException("gateway.trustedProxies: '" + cidr + "' has a prefix out of range");
      }
      return new Cidr(network, prefix);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      return rest == 0 || ((address[full] ^ network[full]) & (0xff << (8 - rest)) & 0xff) == 0;
    }
  }
}
