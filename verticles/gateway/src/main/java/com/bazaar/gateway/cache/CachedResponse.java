package com.bazaar.gateway.cache;

import io.vertx.core.buffer.Buffer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPOutputStream;

/**
 * A cached 200 answer: the body as the service encoded it and its gzip form beside it (so a hit costs neither
 * JSON encoding nor compression), a strong ETag, until when it is fresh, and how long the backend took to produce
 * it. Stored in Redis as one buffer: {@code freshUntil(8) computeMs(4) etagLength(2) etag rawLength(4) raw gzip}.
 */
record CachedResponse(long freshUntilMs, int computeMs, String etag, Buffer raw, Buffer gzip) {
  private static final int HEADER = 18;

  static CachedResponse of(Buffer body, int ttlSec, int gzipLevel, int computeMs) {
    Buffer gzip = gzipLevel == ResponseCaching.NO_GZIP ? Buffer.buffer() : gzip(body, gzipLevel);
    return new CachedResponse(System.currentTimeMillis() + ttlSec * 1000L, computeMs, etag(body), body, gzip);
  }

  boolean fresh() {
    return System.currentTimeMillis() < freshUntilMs;
  }

  /**
   * XFetch (Vattani, Chierichetti and Lowenstein, "Optimal Probabilistic Cache Stampede Prevention"): refresh
   * before expiry with a probability that rises as expiry nears and with how long the answer takes to compute, so
   * a hot key is recomputed by one early reader instead of by every reader at once when it expires.
   * {@code beta} 1 is the paper's optimum; larger refreshes earlier; 0 never.
   */
  boolean refreshDue(double beta) {
    if (beta <= 0) {
      return false;
    }
    double headStartMs = -computeMs * beta * Math.log(ThreadLocalRandom.current().nextDouble());
    return System.currentTimeMillis() + headStartMs >= freshUntilMs;
  }

  long maxAgeSec() {
    return Math.max(0, (freshUntilMs - System.currentTimeMillis()) / 1000);
  }

  Buffer encode() {
    byte[] tag = etag.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    return Buffer.buffer(HEADER + tag.length + raw.length() + gzip.length())
      .appendLong(freshUntilMs).appendInt(computeMs).appendShort((short) tag.length).appendBytes(tag)
      .appendInt(raw.length()).appendBuffer(raw).appendBuffer(gzip);
  }

  static CachedResponse decode(Buffer stored) {
    long fresh = stored.getLong(0);
    int computeMs = stored.getInt(8);
    int tagLength = stored.getShort(12);
    String etag = stored.getString(14, 14 + tagLength, "US-ASCII");
    int rawStart = HEADER + tagLength;
    int rawLength = stored.getInt(14 + tagLength);
    return new CachedResponse(fresh, computeMs, etag, stored.slice(rawStart, rawStart + rawLength),
      stored.slice(rawStart + rawLength, stored.length()));
  }

  private static String etag(Buffer body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes());
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16)) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Buffer gzip(Buffer body, int level) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length() / 3 + 32);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
      {
        def.setLevel(level);
      }
    }) {
      gzip.write(body.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Buffer.buffer(out.toByteArray());
  }
}
