package com.bazaar.gateway.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** Gives every request an id: the client's {@code X-Request-Id} when it is sane, otherwise a fresh one. */
public final class RequestIdHandler implements Handler<RoutingContext> {
  public static final String HEADER = "X-Request-Id";
  public static final String KEY = "requestId";
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  @Override
  public void handle(RoutingContext rc) {
    String id = rc.request().getHeader(HEADER);
    if (id == null || !ACCEPTED.matcher(id).matches()) {
      id = newId();
    }
    rc.put(KEY, id);
    rc.response().putHeader(HEADER, id);
    rc.next();
  }

  public static String of(RoutingContext rc) {
    return rc.get(KEY);
  }

  public static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long hi = random.nextLong();
    long lo = random.nextLong();
    char[] out = new char[32];
    for (int i = 0; i < 16; i++) {
      out[i] = HEX[(int) (hi >>> (60 - 4 * i)) & 0xf];
      out[16 + i] = HEX[(int) (lo >>> (60 - 4 * i)) & 0xf];
    }
    return new String(out);
  }
}
